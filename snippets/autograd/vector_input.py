import torch

x = torch.arange(4.0, requires_grad=True)
# y = 2 x^T x = 2 (x0^2 + x1^2 + x2^2 + x3^2): a vector in, a scalar out.
y = 2 * torch.dot(x, x)
print(y)

# dy/dx_i = 4 x_i. The gradient has x's shape: one partial derivative per element.
y.backward()
print(x.grad, x.grad.shape)
print(torch.equal(x.grad, 4 * x))
