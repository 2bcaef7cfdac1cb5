import torch

A = torch.arange(12.0).reshape(3, 4)

# The mean is the sum divided by the number of elements summed.
print(A.mean(), A.sum() / A.numel())
print(A.mean(dim=0), A.sum(dim=0) / A.shape[0])  # column means: 3 rows each
print(A.mean(dim=1), A.sum(dim=1) / A.shape[1])  # row means: 4 columns each

# mean needs a floating-point tensor; sum does not.
try:
    torch.arange(4).mean()
except RuntimeError as e:
    print(type(e).__name__, e)

# cumsum keeps the shape: entry i holds the sum of entries 0..i along dim.
print(A.cumsum(dim=0))
# The last column of the running row sums is the row sum.
print(A.cumsum(dim=1)[:, -1], A.sum(dim=1))
