import torch

x = torch.tensor([1.0, 2.0, 4.0, 8.0])
y = torch.tensor([2.0, 2.0, 2.0, 2.0])

# The usual operators work element by element on tensors of the same shape.
print(x + y, x - y)
print(x * y, x / y)
print(x**y)
print(torch.exp(x))

# Comparisons are element-wise too and give bool tensors.
print(x == y, x > y)
print((x > y).sum())  # True counts as 1

# Dividing integers with / gives floats; // rounds down.
n = torch.tensor([7, -7])
print(n / 2, n // 2)
