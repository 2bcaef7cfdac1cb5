import torch

x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
y = x * 2  # a vector, not a scalar

# backward() needs a scalar, or a `gradient` of y's shape to weight each element.
try:
    y.backward()
except RuntimeError as err:
    print("RuntimeError:", err)

# With gradient=v, autograd computes the vector-Jacobian product v^T (dy/dx).
v = torch.tensor([1.0, 0.1, 0.01])
y.backward(gradient=v)
print(x.grad)
