import torch

x = torch.ones(2, 2, requires_grad=True)
y = 3 * torch.pow(x + 1, 2)
print(y)

# out = mean(y) = (1/4) * sum(3(x_i + 1)^2), so d(out)/dx_i = (3/2)(x_i + 1) = 3 at x_i = 1.
out = y.mean()
print(out)

out.backward()
print(x.grad)
