import matplotlib.pyplot as plt
import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

torch.manual_seed(0)
# High-dimensional linear regression: 200 features but only 100 training samples.
num_features, true_w, true_b = 200, 0.05, 0.05


def make_data(n):
    x = torch.randn(n, num_features)
    y = x.sum(dim=1, keepdim=True) * true_w + true_b + 0.1 * torch.randn(n, 1)
    return x, y


x_train, y_train = make_data(100)
x_test, y_test = make_data(1000)
train_loader = DataLoader(TensorDataset(x_train, y_train), batch_size=10, shuffle=True)
loss_fn = nn.MSELoss()


def train(wd, epochs=100):
    torch.manual_seed(1)  # the same initial weights and batch order for every wd
    model = nn.Linear(num_features, 1)
    nn.init.normal_(model.weight)  # large initial weights, far from the true ones
    nn.init.zeros_(model.bias)
    # Two parameter groups: decay the weight only, not the bias.
    optimizer = torch.optim.SGD(
        [
            {"params": [model.weight], "weight_decay": wd},
            {"params": [model.bias], "weight_decay": 0.0},
        ],
        lr=0.01,
    )
    test_losses = []
    for _ in range(epochs):
        for x, y in train_loader:
            loss = loss_fn(model(x), y)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
        with torch.no_grad():
            test_losses.append(loss_fn(model(x_test), y_test).item())
    with torch.no_grad():
        train_loss = loss_fn(model(x_train), y_train).item()
    return train_loss, test_losses, model.weight.norm().item()


print("true weight norm", round(true_w * num_features**0.5, 4))
# A baseline that ignores the inputs: always predict the mean of the training targets.
baseline = ((y_test - y_train.mean()) ** 2).mean().item()
print("predicting the mean: test loss", round(baseline, 4))
print("    wd  train loss  test loss  weight norm")
fig, ax = plt.subplots(figsize=(5, 3.2), layout="constrained")
for wd in (0.0, 0.1, 0.3, 1.0, 3.0, 10.0):
    train_loss, test_losses, norm = train(wd)
    print(f"{wd:6.1f}  {train_loss:10.3g}  {test_losses[-1]:9.4g}  {norm:11.4f}")
    ax.plot(range(1, 101), test_losses, label=f"weight_decay={wd:g}")
ax.axhline(baseline, color="gray", linestyle=":", label="predicting the mean")
ax.set_yscale("log")
ax.set_title("Test loss, 100 training samples, 200 features")
ax.set_xlabel("epoch")
ax.set_ylabel("test MSE")
ax.legend()
plt.show()
