import torch

# From Python data: the dtype is inferred (int64 for ints, float32 for floats).
a = torch.tensor([[2, 3], [4, 5], [6, 7]])
b = torch.tensor([[2.0, 3.0], [4.0, 5.0]])
print(a.dtype, b.dtype)

# Filled and random tensors take a shape.
c = torch.zeros((3, 2))
torch.manual_seed(0)
d = torch.randn(3, 2)
print(c)
print(d)

# Choose the dtype explicitly when it matters.
e = torch.ones(2, 3, dtype=torch.int32)
f = torch.arange(0, 10, 2, dtype=torch.float64)
print(e)
print(f)
