import torch

a = torch.tensor([[2, 3], [4, 5], [6, 7]])
print(a.shape, a.size(), a.dim(), a.numel())

# Indexing works like NumPy: a row, a column, the last row, a range of rows.
print(a[0], a[:, 1], a[-1])
print(a[1:, :])

# Assignment writes into the tensor in place: one element, or many at once.
a[0, 1] = 100
a[1:, 0] = 0
print(a)

# reshape / view change the shape without copying when they can.
print(a.reshape(2, 3))
print(a.view(-1))
