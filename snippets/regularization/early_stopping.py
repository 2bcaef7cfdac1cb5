# --8<-- [start:setup]
import copy

import matplotlib.pyplot as plt
import torch
from sklearn.datasets import load_digits
from torch import nn
from torch.utils.data import DataLoader, TensorDataset, random_split

# The data, split, model, optimizer and functions of training/classifier.py, unchanged.
torch.manual_seed(0)
digits = load_digits()
images = torch.tensor(digits.images, dtype=torch.float32) / 16
labels = torch.tensor(digits.target)
dataset = TensorDataset(images, labels)
train_set, val_set = random_split(dataset, [0.8, 0.2], generator=torch.Generator().manual_seed(0))
train_loader = DataLoader(train_set, batch_size=64, shuffle=True)
val_loader = DataLoader(val_set, batch_size=256)


def make_model():
    return nn.Sequential(
        nn.Flatten(), nn.Linear(64, 128), nn.ReLU(), nn.Dropout(0.2), nn.Linear(128, 10)
    )


def train_one_epoch(model, loader, loss_fn, optimizer):
    model.train()
    total_loss, correct = 0.0, 0
    for x, y in loader:
        logits = model(x)
        loss = loss_fn(logits, y)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        total_loss += loss.item() * len(y)
        correct += (logits.argmax(dim=1) == y).sum().item()
    return total_loss / len(loader.dataset), correct / len(loader.dataset)


def evaluate(model, loader, loss_fn):
    model.eval()
    total_loss, correct = 0.0, 0
    with torch.no_grad():
        for x, y in loader:
            logits = model(x)
            total_loss += loss_fn(logits, y).item() * len(y)
            correct += (logits.argmax(dim=1) == y).sum().item()
    return total_loss / len(loader.dataset), correct / len(loader.dataset)


model = make_model()
loss_fn = nn.CrossEntropyLoss()
optimizer = torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9)

# --8<-- [end:setup]
# --8<-- [start:loop]
# Early stopping: at most 100 epochs; stop after `patience` epochs without a new best val loss.
max_epochs, patience = 100, 10
best_loss, best_epoch, best_state = float("inf"), 0, None
history = {"train": [], "val": [], "val acc": []}
for epoch in range(1, max_epochs + 1):
    train_loss, _ = train_one_epoch(model, train_loader, loss_fn, optimizer)
    val_loss, val_acc = evaluate(model, val_loader, loss_fn)
    history["train"].append(train_loss)
    history["val"].append(val_loss)
    history["val acc"].append(val_acc)
    if val_loss < best_loss:
        best_loss, best_epoch = val_loss, epoch
        # A copy: the tensors in state_dict() are the model's own and keep changing.
        best_state = copy.deepcopy(model.state_dict())
    elif epoch - best_epoch >= patience:
        break
print("val acc, epochs 1-10:", " ".join(f"{a:.3f}" for a in history["val acc"][:10]))
print(
    f"stopped after epoch {epoch}; best epoch {best_epoch}: "
    f"val loss {best_loss:.4f} acc {history['val acc'][best_epoch - 1]:.3f}"
)
print(f"last epoch: val loss {val_loss:.4f} acc {val_acc:.3f}")

# --8<-- [end:loop]
# --8<-- [start:restore]
# Restore the best weights into the model, then check them.
model.load_state_dict(best_state)
val_loss, val_acc = evaluate(model, val_loader, loss_fn)
print(f"restored: val loss {val_loss:.4f} acc {val_acc:.3f}")

# Without the copy, the "best" dict would just be the current weights.
alias = model.state_dict()
with torch.no_grad():
    model[1].weight.add_(1.0)
print("state_dict() follows the model:", torch.equal(alias["1.weight"], model[1].weight))

# --8<-- [end:restore]
# --8<-- [start:plot]
epochs = range(1, epoch + 1)
fig, ax = plt.subplots(figsize=(6, 3.4), layout="constrained")
ax.plot(epochs, history["train"], label="train")
ax.plot(epochs, history["val"], label="validation")
ax.plot(best_epoch, best_loss, "o", color="black", label=f"best epoch ({best_epoch})")
ax.axvline(epoch, color="gray", linestyle=":", label=f"stopped ({epoch})")
ax.set_yscale("log")
ax.set_title(f"Early stopping with patience {patience}")
ax.set_xlabel("epoch")
ax.set_ylabel("cross-entropy loss")
ax.legend()
plt.show()
# --8<-- [end:plot]
