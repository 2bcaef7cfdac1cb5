import torch

x = torch.tensor(1.5, requires_grad=True)
u = x**2  # du/dx = 2x
y = torch.sin(u)  # dy/du = cos(u)

# Following grad_fn from y walks the chain back to the leaf x.
node = y.grad_fn
while node is not None:
    print(type(node).__name__)
    node = node.next_functions[0][0] if node.next_functions else None

# Chain rule: dy/dx = dy/du * du/dx. Backward multiplies the local derivatives in turn.
y.backward()
dy_du = torch.cos(u).detach()  # SinBackward0 multiplies the incoming 1 by this
du_dx = 2 * x.detach()  # PowBackward0 multiplies by this
print(dy_du, du_dx, dy_du * du_dx)
print(x.grad)
