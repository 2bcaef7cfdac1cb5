import torch

# Today: tensors carry requires_grad, .grad and .grad_fn themselves.
x = torch.tensor([1.0], requires_grad=True)
w = torch.tensor([2.0], requires_grad=True)
b = torch.tensor([3.0], requires_grad=True)
y = w * x + b
y.backward()

print(type(x))
print(x.grad, w.grad, b.grad, y.grad_fn.name())
