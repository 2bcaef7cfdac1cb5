import torch

a = torch.tensor([[2, 3], [4, 5]])
print(a.dtype)

# Shorthand methods and the general .to(dtype) return converted copies.
print(a.float().dtype, a.double().dtype)
print(a.to(torch.float16).dtype)
print(a.to(torch.float32))

# Converting floats to integers truncates toward zero.
x = torch.tensor([1.7, -1.7])
print(x.long())
