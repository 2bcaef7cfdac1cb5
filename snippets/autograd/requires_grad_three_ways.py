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

# An operation is recorded only if one of its inputs requires grad.
d = torch.randn(3, 4)  # requires_grad=False by default
e = d * 2
print(e.requires_grad, e.grad_fn)  # not tracked: no graph, no grad_fn

t = a + d  # one tracked input is enough
print(t.requires_grad, t.is_leaf, t.grad_fn.name())

y = (t * c).sum()
y.backward()
print(torch.equal(a.grad, c), torch.equal(c.grad, a + d))
