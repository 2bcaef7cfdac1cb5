import math

import matplotlib.pyplot as plt
import torch
import torch.nn as nn

# The same tiny problem as learning_rate.py: fit y = 2x + 1 for x = 0..10.
x = torch.arange(11.0).reshape(-1, 1)
y = 2 * x + 1

fig, ax = plt.subplots(figsize=(6, 3.5), layout="constrained")
for lr, note in ((0.0001, "too small"), (0.01, "good"), (0.1, "too large")):
    torch.manual_seed(0)  # the same starting weights for every run
    model = nn.Linear(1, 1)
    optimizer = torch.optim.SGD(model.parameters(), lr=lr)
    losses = []
    for _ in range(61):
        loss = nn.functional.mse_loss(model(x), y)
        if not math.isfinite(loss.item()):
            break  # the loss overflowed to inf: stop this run
        losses.append(loss.item())
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    print(f"lr={lr:<6} {len(losses)} finite losses, last {losses[-1]:.3g}")
    ax.plot(losses, label=f"lr={lr} ({note})")

# A log scale shows 1e-3 and 1e+38 on the same axis.
ax.set_yscale("log")
ax.set_title("Training loss for three learning rates")
ax.set_xlabel("step")
ax.set_ylabel("MSE loss (log scale)")
ax.legend()
plt.show()
