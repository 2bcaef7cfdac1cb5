import matplotlib.pyplot as plt
import torch
from torch import nn

torch.manual_seed(0)
x = torch.rand(200, 1) * 2 - 1
y = 2 * x + 1 + 0.1 * torch.randn(200, 1)
y_corrupt = y.clone()
y_corrupt[7] = 1000.0  # one corrupted label; it is in the batch of steps 0, 20 and 40


def train(max_norm, steps=60):
    torch.manual_seed(0)  # the same initial model for both runs
    model = nn.Linear(1, 1)
    optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
    norms, clean_losses = [], []
    for step in range(steps):
        batch = torch.arange(step * 10, step * 10 + 10) % 200  # 10 samples per step, in order
        loss = nn.functional.mse_loss(model(x[batch]), y_corrupt[batch])
        optimizer.zero_grad()
        loss.backward()
        # After backward, before step: clip, and keep the norm it returns for monitoring.
        norm = nn.utils.clip_grad_norm_(model.parameters(), max_norm=max_norm)
        optimizer.step()
        norms.append(norm.item())
        with torch.no_grad():
            clean_losses.append(nn.functional.mse_loss(model(x), y).item())  # on the clean labels
    return norms, clean_losses


runs = {"no clipping": train(max_norm=float("inf")), "max_norm=1": train(max_norm=1.0)}
for name, (norms, clean_losses) in runs.items():
    print(
        f"{name:<12} gradient norm at steps 0/19/20/21: "
        + " ".join(f"{norms[s]:.3g}" for s in (0, 19, 20, 21))
        + "  clean loss: "
        + " ".join(f"{clean_losses[s]:.3g}" for s in (19, 20, 21, 59))
    )

fig, (ax_norm, ax_loss) = plt.subplots(1, 2, figsize=(8, 3.2), layout="constrained")
for name, (norms, clean_losses) in runs.items():
    ax_norm.plot(norms, label=name)
    ax_loss.plot(clean_losses, label=name)
ax_norm.set_title("Gradient norm (before clipping)")
ax_loss.set_title("Loss on the clean labels")
for ax in (ax_norm, ax_loss):
    ax.set_yscale("log")
    ax.set_xlabel("step")
    ax.legend()
plt.show()
