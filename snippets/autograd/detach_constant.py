import torch

x = torch.arange(4.0, requires_grad=True)
y = x * x

# u has y's values, but autograd treats it as a constant: no history.
u = y.detach()
z = u * x

z.sum().backward()
print(x.grad)  # dz/dx = u, not 3 * x**2
print(torch.equal(x.grad, u))

# y itself is still part of the graph: dy/dx = 2x.
x.grad = None
y.sum().backward()
print(x.grad)
