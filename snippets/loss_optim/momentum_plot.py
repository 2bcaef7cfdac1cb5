import matplotlib.pyplot as plt
import numpy as np
import torch

# A long, narrow valley: the loss is 100 times more curved along w2 than along w1.
curvature = torch.tensor([1.0, 100.0])


def loss_fn(w):
    return 0.5 * (curvature * w**2).sum()  # minimum 0 at w = (0, 0)


def run(lr, momentum, steps=100):
    w = torch.tensor([-10.0, 1.0], requires_grad=True)  # the same start for every run
    optimizer = torch.optim.SGD([w], lr=lr, momentum=momentum)
    path, losses = [w.tolist()], []
    for _ in range(steps):
        loss = loss_fn(w)
        losses.append(loss.item())
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        path.append(w.tolist())
    losses.append(loss_fn(w).item())  # after the last step
    return np.array(path), losses


plain_path, plain = run(lr=0.019, momentum=0.0)
heavy_path, heavy = run(lr=0.019, momentum=0.9)
_, too_fast = run(lr=0.021, momentum=0.0)  # plain GD with a slightly larger lr
steps = (0, 10, 20, 50, 100)
print(f"{'loss at step':<24}", " ".join(f"{s:>8}" for s in steps))
runs = (
    ("lr=0.019, no momentum", plain),
    ("lr=0.019, momentum 0.9", heavy),
    ("lr=0.021, no momentum", too_fast),
)
for name, losses in runs:
    print(f"{name:<24}", " ".join(f"{losses[s]:8.3g}" for s in steps))

fig, axes = plt.subplots(1, 3, figsize=(11, 3.2), layout="constrained")
w1, w2 = np.meshgrid(np.linspace(-11, 4, 200), np.linspace(-1.5, 1.5, 200))
for ax, path, title, color in (
    (axes[0], plain_path, "No momentum", "C0"),
    (axes[1], heavy_path, "Momentum 0.9", "C1"),
):
    ax.contour(w1, w2, 0.5 * (w1**2 + 100 * w2**2), levels=[0.5, 2, 8, 25, 50, 100], colors="0.8")
    ax.plot(path[:, 0], path[:, 1], ".-", color=color, markersize=3, linewidth=0.8)
    ax.plot(0, 0, "k*")  # the minimum
    ax.set_title(f"{title}: 100 steps, lr = 0.019")
    ax.set_xlabel("w1")
    ax.set_ylabel("w2")
axes[2].plot(plain, label="no momentum")
axes[2].plot(heavy, label="momentum 0.9")
axes[2].set_yscale("log")
axes[2].set_title("Loss per step")
axes[2].set_xlabel("step")
axes[2].set_ylabel("loss (log scale)")
axes[2].legend()
plt.show()
