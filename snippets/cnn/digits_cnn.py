# --8<-- [start:data]
import matplotlib.pyplot as plt
import torch
from sklearn.datasets import load_digits
from torch import nn
from torch.utils.data import DataLoader, TensorDataset, random_split

digits = load_digits()  # the training page's 8x8 digits, shipped inside scikit-learn
images = torch.tensor(digits.images, dtype=torch.float32) / 16  # pixels 0..16 -> 0..1
images = images.unsqueeze(1)  # (1797, 8, 8) -> (1797, 1, 8, 8): one input channel
labels = torch.tensor(digits.target)
dataset = TensorDataset(images, labels)

# The same split and loaders as training/classifier.py
train_set, val_set = random_split(dataset, [0.8, 0.2], generator=torch.Generator().manual_seed(0))
train_loader = DataLoader(train_set, batch_size=64, shuffle=True)
val_loader = DataLoader(val_set, batch_size=256)


# --8<-- [end:data]
# --8<-- [start:model]
class DigitNet(nn.Module):
    def __init__(self, channels=16, num_classes=10):
        super().__init__()
        c = channels
        # No bias in a convolution followed by BatchNorm: BatchNorm subtracts it again
        self.conv1 = nn.Conv2d(1, c, kernel_size=3, padding=1, bias=False)
        self.bn1 = nn.BatchNorm2d(c)
        self.conv2 = nn.Conv2d(c, 2 * c, kernel_size=3, padding=1, bias=False)
        self.bn2 = nn.BatchNorm2d(2 * c)
        self.relu = nn.ReLU()
        self.pool = nn.MaxPool2d(2)
        self.fc = nn.Linear(2 * c * 2 * 2, num_classes)

    def forward(self, x):  # (N, 1, 8, 8)
        x = self.pool(self.relu(self.bn1(self.conv1(x))))  # (N, 16, 4, 4)
        x = self.pool(self.relu(self.bn2(self.conv2(x))))  # (N, 32, 2, 2)
        return self.fc(x.flatten(1))  # (N, 128) -> (N, 10)


def make_mlp():  # the training page's model
    return nn.Sequential(
        nn.Flatten(), nn.Linear(64, 128), nn.ReLU(), nn.Dropout(0.2), nn.Linear(128, 10)
    )


print(DigitNet()(images[:2]).shape)


# --8<-- [end:model]
# --8<-- [start:train]
def evaluate(model, loader):
    model.eval()  # BatchNorm uses its running statistics, Dropout is off
    correct = 0
    with torch.no_grad():
        for x, y in loader:
            correct += (model(x).argmax(dim=1) == y).sum().item()
    return correct / len(loader.dataset)


def fit(make_model, epochs=10):
    """The training page's loop: SGD with lr 0.1 and momentum 0.9, 10 epochs."""
    torch.manual_seed(0)  # same seed, so the MLP repeats the training page's run
    model = make_model()
    loss_fn = nn.CrossEntropyLoss()
    optimizer = torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9)
    accuracies = []
    for _ in range(epochs):
        model.train()  # BatchNorm uses batch statistics, Dropout is on
        for x, y in train_loader:
            loss = loss_fn(model(x), y)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
        accuracies.append(evaluate(model, val_loader))
    return model, accuracies


for name, make_model in [("MLP", make_mlp), ("CNN", DigitNet)]:
    model, accuracies = fit(make_model)
    n_params = sum(p.numel() for p in model.parameters())
    print(f"{name}  {n_params:5d} parameters  val acc by epoch:", *[f"{a:.3f}" for a in accuracies])
cnn = model  # the CNN, trained last


# --8<-- [end:train]
# --8<-- [start:plot]
# The 16 learned 3x3 kernels of the first layer; red positive, blue negative
kernels = cnn.conv1.weight.detach()[:, 0]  # (16, 1, 3, 3) -> (16, 3, 3)
limit = kernels.abs().max().item()
fig, axes = plt.subplots(2, 8, figsize=(8, 2.4), layout="constrained")
for i, (ax, kernel) in enumerate(zip(axes.flat, kernels, strict=True)):
    ax.imshow(kernel.numpy(), cmap="RdBu_r", vmin=-limit, vmax=limit)
    ax.set_title(f"filter {i}", fontsize=8)
    ax.axis("off")
fig.suptitle("First-layer kernels of the trained CNN")

# One validation digit and its 16 feature maps after conv1 -> bn1 -> ReLU
x, y = val_set[0]
with torch.no_grad():  # cnn is in eval mode after evaluate()
    maps = cnn.relu(cnn.bn1(cnn.conv1(x.unsqueeze(0))))[0]  # (16, 8, 8)
    predicted = cnn(x.unsqueeze(0)).argmax(dim=1).item()
print("label", y.item(), "predicted", predicted, "feature maps", tuple(maps.shape))
fig, axes = plt.subplots(2, 9, figsize=(9, 2.4), layout="constrained")
axes[0, 0].imshow(x[0].numpy(), cmap="gray_r")
axes[0, 0].set_title(f"input ({y.item()})", fontsize=8)
for i, (ax, fmap) in enumerate(zip(axes[:, 1:].flat, maps, strict=True)):
    ax.imshow(fmap.numpy(), cmap="viridis")  # each map on its own color scale
    ax.set_title(f"map {i}", fontsize=8)
for ax in axes.flat:
    ax.axis("off")
fig.suptitle("Feature maps of the first layer for one digit")
plt.show()
# --8<-- [end:plot]
