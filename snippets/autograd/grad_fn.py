import torch

x = torch.ones(2, requires_grad=True)
y = x + 2
z = (y * y * 3).mean()

# Leaves you created have no grad_fn; every result records the op that made it.
print(x.grad_fn)
print(y.grad_fn.name())
print(z)

# grad_fn.next_functions walks the graph back toward the leaves.
step_back = z.grad_fn.next_functions[0][0]
print(step_back.name())
print(x.is_leaf, y.is_leaf)
