import warnings

import torch

x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
y = x * x  # y is computed, so it is not a leaf
z = y.sum()
print(x.is_leaf, y.is_leaf)

# Ask autograd to keep the gradient of the non-leaf y as well.
y.retain_grad()
z.backward()
print(x.grad)  # dz/dx = 2x
print(y.grad)  # dz/dy = 1

# Without retain_grad(), a non-leaf's .grad stays None, and reading it warns.
y2 = x * 2
y2.sum().backward()
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    print(y2.grad, y2.retains_grad)
print(caught[0].category.__name__)
