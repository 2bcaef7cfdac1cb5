import matplotlib.pyplot as plt
import torch

# One vector, three lengths: each norm measures it differently.
v = torch.tensor([0.5, 0.5])
for p in (1, 2, float("inf")):
    print(f"ord={p}: {torch.linalg.vector_norm(v, ord=p).item():.4f}")

# 360 directions in the plane; divide each by its norm to land on "norm = 1".
theta = torch.linspace(0, 2 * torch.pi, 361)
d = torch.stack([torch.cos(theta), torch.sin(theta)], dim=1)  # shape (361, 2)

fig, ax = plt.subplots(figsize=(4.5, 4.5), layout="constrained")
for p, name in ((1, "L1"), (2, "L2"), (float("inf"), "L∞")):
    pts = d / torch.linalg.vector_norm(d, ord=p, dim=1, keepdim=True)
    ax.plot(pts[:, 0], pts[:, 1], label=f"{name} norm = 1")
ax.plot(*v, "ko")
ax.annotate("(0.5, 0.5)", v, textcoords="offset points", xytext=(6, -12))
ax.set_aspect("equal")
ax.set_xlim(-1.3, 1.3)
ax.set_ylim(-1.3, 1.3)
ax.set_xlabel("x1")
ax.set_ylabel("x2")
ax.set_title("Points whose norm is 1")
ax.legend(loc="center", fontsize="small")
plt.show()
