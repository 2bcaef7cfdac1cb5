import torch

# Shapes (3, 1) and (1, 2): each size-1 dim is stretched to match the other.
a = torch.arange(3).reshape(3, 1)
b = torch.arange(2).reshape(1, 2)
print(a.shape, b.shape, (a + b).shape)
print(a + b)

# A missing leading dim counts as size 1: (2, 3) with (3,) works row by row.
x = torch.tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])
col_means = torch.tensor([2.5, 3.5, 4.5])
print(x - col_means)

# Sizes are compared from the right: 3 and 2 differ and neither is 1.
try:
    x + torch.tensor([1.0, 2.0])
except RuntimeError as e:
    print(type(e).__name__, e)

# broadcast_shapes gives the result's shape without computing anything.
print(torch.broadcast_shapes((2, 1, 3), (4, 1)))
