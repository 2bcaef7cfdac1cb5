import torch

# y = 4(x + 1)^2 + 3, so dy/dx = 8(x + 1), which is 24 at x = 2.
x = torch.tensor(2.0, requires_grad=True)
y = 4 * torch.pow(x + 1, 2) + 3
print(y)

y.backward()  # same as y.backward(torch.tensor(1.0)) for a scalar
print(x.grad)
