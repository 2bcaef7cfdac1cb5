import torch

# Shapes (3, 1) and (1, 2): each size-1 dim is stretched to match the other.
a = torch.arange(3).reshape(3, 1)
b = torch.arange(2).reshape(1, 2)
print(a.shape, b.shape, (a + b).shape)
print(a + b)

# Step 1: (2, 3) with (3,). The shorter shape gets size-1 dims at the FRONT,
# so (3,) is read as (1, 3), a row; step 2 then stretches it to (2, 3).
x = torch.tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])
col_means = torch.tensor([2.5, 3.5, 4.5])
print(x - col_means)
print(torch.equal(x - col_means, x - col_means.reshape(1, 3)))

# A 1-D tensor is always a row, never a column: (3,) with (3, 1) gives (3, 3).
print((torch.arange(3) + a).shape)

# Both steps on shapes alone (broadcast_shapes computes no tensor):
# (4, 1) -> (1, 4, 1); against (2, 1, 3), 3/1, 1/4, 2/1 -> (2, 4, 3).
print(torch.broadcast_shapes((2, 1, 3), (4, 1)))

# Step 2 fails: (2, 3) and (2,) -> (1, 2); the last sizes 3 and 2 differ, neither is 1.
try:
    x + torch.tensor([1.0, 2.0])
except RuntimeError as e:
    print(type(e).__name__, e)
