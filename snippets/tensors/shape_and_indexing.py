import torch

a = torch.tensor([[2, 3], [4, 5], [6, 7]])
print(a.shape, a.size(), a.dim(), a.numel())

# Indexing works like NumPy; assignment writes into the tensor in place.
a[0, 1] = 100
print(a)
print(a[0], a[:, 1])
print(a[1:, :])

# reshape / view change the shape without copying when they can.
print(a.reshape(2, 3))
print(a.view(-1))
