import torch

x = torch.tensor([[-1.5, 0.5], [2.0, -0.2]])

# torch.where(cond, a, b): a where cond is True, b elsewhere (here: the absolute value).
print(torch.where(x > 0, x, -x))
# a and b broadcast with cond, so a Python number works: negatives become 0.
print(torch.where(x > 0, x, 0.0))

# Per-sample weights from labels: 2.0 for class 1, 1.0 for the others.
labels = torch.tensor([0, 1, 1, 2])
print(torch.where(labels == 1, 2.0, 1.0))

# Replace NaN (e.g. 0/0) with 0 without touching the other values.
ratio = torch.tensor([1.0, 0.0, 3.0]) / torch.tensor([2.0, 0.0, 4.0])
print(ratio, torch.where(torch.isnan(ratio), 0.0, ratio))

# With one argument, torch.where(cond) gives the indices where cond is True:
# one index tensor per dim, the same as cond.nonzero(as_tuple=True).
rows, cols = torch.where(x > 0)
print(rows, cols, x[rows, cols])
print((x > 0).nonzero())  # the same positions as an (N, 2) table
