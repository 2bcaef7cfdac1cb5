import torch
from torch import nn

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 1))
x, y = torch.randn(16, 4), 100 * torch.randn(16, 1)  # large targets, large gradients


def compute_grads():
    model.zero_grad()
    nn.functional.mse_loss(model(x), y).backward()


def total_norm():  # the norm of all gradients together, as one long vector
    return torch.cat([p.grad.flatten() for p in model.parameters()]).norm().item()


compute_grads()
before = [p.grad.clone() for p in model.parameters()]
print("per-parameter norms", [round(g.norm().item(), 2) for g in before])
print("total norm", round(total_norm(), 4))

# clip_grad_norm_ scales all gradients in place by max_norm / total_norm (when that is < 1)
# and returns the total norm from before the clipping.
returned = nn.utils.clip_grad_norm_(model.parameters(), max_norm=1.0)
print("returned", returned, " total norm after", round(total_norm(), 4))
ratios = [(p.grad / g).flatten() for p, g in zip(model.parameters(), before, strict=True)]
print(
    "same factor everywhere:",
    torch.allclose(torch.cat(ratios), torch.full((1,), 1 / returned.item())),
)

# clip_grad_value_ clamps every element to [-clip_value, clip_value] instead.
compute_grads()
print("before", [round(v, 2) for v in model[2].weight.grad.flatten().tolist()])
nn.utils.clip_grad_value_(model.parameters(), clip_value=5.0)
print("after ", [round(v, 2) for v in model[2].weight.grad.flatten().tolist()])
