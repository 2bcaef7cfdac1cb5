import torch

torch.manual_seed(0)

# 1. At creation.
a = torch.randn(3, 4, requires_grad=True)

# 2. By setting the attribute on an existing leaf tensor.
b = torch.randn(3, 4)
b.requires_grad = True

# 3. In place, with the trailing-underscore method.
c = torch.randn(3, 4).requires_grad_()

print(a.requires_grad, b.requires_grad, c.requires_grad)

# Results of operations on tracked tensors are tracked too.
t = a + b
print(t.requires_grad, t.is_leaf)

y = (t * c).sum()
y.backward()
print(torch.equal(a.grad, c), torch.equal(c.grad, a + b))
