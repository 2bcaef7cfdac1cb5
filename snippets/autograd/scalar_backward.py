import torch

# Leaf tensors that autograd should track.
x = torch.tensor(1.0, requires_grad=True)
w = torch.tensor(2.0, requires_grad=True)
b = torch.tensor(3.0, requires_grad=True)

# Building y records a computation graph: y = w * x + b = 2 * 1 + 3.
y = w * x + b
print(y)

# Back-propagate from the scalar y; the gradients land in each leaf's .grad.
y.backward()
print("dy/dx =", x.grad)  # = w
print("dy/dw =", w.grad)  # = x
print("dy/db =", b.grad)  # = 1
