import torch

# f(x) = x^3 - 2x^2 + 5, so f'(x) = 3x^2 - 4x, f''(x) = 6x - 4 and f'''(x) = 6.
x = torch.tensor(2.0, requires_grad=True)
y = x**3 - 2 * x**2 + 5

# create_graph=True records the backward pass as well, so its result can be differentiated.
(d1,) = torch.autograd.grad(y, x, create_graph=True)
print(d1)  # f'(2) = 12 - 8 = 4
(d2,) = torch.autograd.grad(d1, x, create_graph=True)
print(d2)  # f''(2) = 12 - 4 = 8
(d3,) = torch.autograd.grad(d2, x)
print(d3)  # f'''(2) = 6

# Without create_graph the gradient is a plain number, with no graph behind it.
y = x**3 - 2 * x**2 + 5
(g,) = torch.autograd.grad(y, x)
print(g, g.requires_grad)
try:
    torch.autograd.grad(g, x)
except RuntimeError as err:
    print("RuntimeError:", err)
