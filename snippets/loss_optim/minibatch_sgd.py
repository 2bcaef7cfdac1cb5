import matplotlib.pyplot as plt
import torch
import torch.nn as nn

torch.manual_seed(0)
# 1000 noisy samples of y = 2 x1 - 3.4 x2 + 4.2.
n = 1000
X = torch.randn(n, 2)
Y = X @ torch.tensor([[2.0], [-3.4]]) + 4.2 + 0.1 * torch.randn(n, 1)


def full_loss(model):  # the loss on the whole training set
    with torch.no_grad():
        return nn.functional.mse_loss(model(X), Y).item()


def train(batch_size, epochs):
    torch.manual_seed(1)  # the same initial weights for both runs
    model = nn.Linear(2, 1)
    optimizer = torch.optim.SGD(model.parameters(), lr=0.05)
    per_update = [full_loss(model)]  # after 0, 1, 2, ... updates
    per_epoch = [per_update[0]]  # after 0, 1, 2, ... epochs
    for _ in range(epochs):
        order = torch.randperm(n)  # a new random order every epoch
        for start in range(0, n, batch_size):
            batch = order[start : start + batch_size]  # the next mini-batch's indices
            loss = nn.functional.mse_loss(model(X[batch]), Y[batch])
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            per_update.append(full_loss(model))
        per_epoch.append(per_update[-1])
    return per_epoch, per_update


batch_size = 20  # n // batch_size = 50 updates per epoch
gd_epoch, gd_update = train(batch_size=n, epochs=100)  # full batch: 1 update per epoch
sgd_epoch, sgd_update = train(batch_size=batch_size, epochs=10)
print("epoch           ", " ".join(f"{e:>8}" for e in (0, 1, 2, 3, 4, 5, 10)))
for name, losses in (("full-batch GD", gd_epoch), ("mini-batch SGD", sgd_epoch)):
    print(f"{name:<16}", " ".join(f"{losses[e]:>8.3g}" for e in (0, 1, 2, 3, 4, 5, 10)))
print(f"after 50 updates: GD {gd_update[50]:.4g}, SGD {sgd_update[50]:.4g}")
print(f"GD after 100 epochs: {gd_epoch[100]:.4g}")
print(f"SGD, last 100 updates: {min(sgd_update[-100:]):.4g} to {max(sgd_update[-100:]):.4g}")

# x axis: epochs, i.e. passes over the data (SGD makes n // batch_size updates per epoch).
fig, ax = plt.subplots(figsize=(6, 3.5), layout="constrained")
ax.plot(range(11), gd_epoch[:11], "o-", label="full-batch GD (1 update/epoch)")
sgd_x = [k * batch_size / n for k in range(len(sgd_update))]
ax.plot(sgd_x, sgd_update, label=f"mini-batch SGD, batch {batch_size}")
ax.set_yscale("log")
ax.set_title("Loss on all 1000 samples, same lr = 0.05")
ax.set_xlabel("epoch (passes over the data)")
ax.set_ylabel("MSE loss (log scale)")
ax.legend()
plt.show()
