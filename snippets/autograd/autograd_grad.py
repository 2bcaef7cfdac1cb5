import torch

x = torch.tensor(1.0, requires_grad=True)
w = torch.tensor(2.0, requires_grad=True)
b = torch.tensor(3.0, requires_grad=True)
y = w * x + b

# torch.autograd.grad returns the gradients instead of adding them to .grad,
# in the order the inputs are listed.
grads = torch.autograd.grad(y, [x, b, w])
print(grads)
print("x.grad is still", x.grad)
