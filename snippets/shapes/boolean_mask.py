import torch

x = torch.tensor([[1.0, -2.0], [3.0, 4.0], [-5.0, -6.0]])
mask = x > 0  # a bool tensor of x's shape
print(mask)

# Selecting with a mask gives a 1-D tensor of the chosen elements, in row order.
print(x[mask], x[mask].shape)

# Counting: True counts as 1, so sum() counts and mean() gives a fraction.
print(mask.sum().item(), mask.float().mean().item(), mask.sum(dim=1))
print(mask.any(dim=1), mask.all(dim=1))

# Combine masks with & | ~ (not and/or/not), with each comparison in parentheses.
print(x[(x > 0) & (x < 4)], x[~mask])

# Assigning through a mask writes into the tensor itself.
y = x.clone()
y[y < 0] = 0.0
print(y)

# masked_fill does the same out of place: it returns a new tensor.
print(x.masked_fill(~mask, float("-inf")))

# A 1-D mask over dim 0 picks whole rows: the rows whose first value is positive.
print(x[x[:, 0] > 0])
