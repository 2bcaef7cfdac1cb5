# --8<-- [start:data]
import torch
from sklearn.datasets import load_digits
from torch import nn
from torch.utils.data import DataLoader, TensorDataset, random_split

torch.manual_seed(0)

digits = load_digits()  # shipped inside scikit-learn: no download
print(digits.images.shape, digits.images.min(), digits.images.max(), digits.target_names.tolist())

images = torch.tensor(digits.images, dtype=torch.float32) / 16  # pixels 0..16 -> 0..1
labels = torch.tensor(digits.target)  # int64 class indices, as CrossEntropyLoss expects
dataset = TensorDataset(images, labels)

# 80 % for training, 20 % for validation; a seeded generator makes the split reproducible
train_set, val_set = random_split(dataset, [0.8, 0.2], generator=torch.Generator().manual_seed(0))
train_loader = DataLoader(train_set, batch_size=64, shuffle=True)
val_loader = DataLoader(val_set, batch_size=256)
print(len(train_set), len(val_set), len(train_loader), len(val_loader))


# --8<-- [end:data]
# --8<-- [start:model]
def make_model():
    return nn.Sequential(
        nn.Flatten(),  # (N, 8, 8) -> (N, 64)
        nn.Linear(64, 128),
        nn.ReLU(),
        nn.Dropout(0.2),  # active in train mode only
        nn.Linear(128, 10),  # one score (logit) per class
    )


model = make_model()
loss_fn = nn.CrossEntropyLoss()
optimizer = torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9)


# --8<-- [end:model]
# --8<-- [start:functions]
def train_one_epoch(model, loader, loss_fn, optimizer):
    model.train()  # training mode: dropout on
    total_loss, correct = 0.0, 0
    for x, y in loader:
        logits = model(x)
        loss = loss_fn(logits, y)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        total_loss += loss.item() * len(y)  # loss.item() is the batch mean
        correct += (logits.argmax(dim=1) == y).sum().item()
    return total_loss / len(loader.dataset), correct / len(loader.dataset)


def evaluate(model, loader, loss_fn):
    model.eval()  # eval mode: dropout off
    total_loss, correct = 0.0, 0
    with torch.no_grad():  # no graph, no gradients: faster, less memory
        for x, y in loader:
            logits = model(x)
            total_loss += loss_fn(logits, y).item() * len(y)
            correct += (logits.argmax(dim=1) == y).sum().item()
    return total_loss / len(loader.dataset), correct / len(loader.dataset)


# --8<-- [end:functions]
# --8<-- [start:loop]
best_acc = 0.0
for epoch in range(1, 11):
    train_loss, train_acc = train_one_epoch(model, train_loader, loss_fn, optimizer)
    val_loss, val_acc = evaluate(model, val_loader, loss_fn)
    line = f"epoch {epoch:2d}  train loss {train_loss:.4f} acc {train_acc:.3f}  "
    line += f"val loss {val_loss:.4f} acc {val_acc:.3f}"
    if val_acc > best_acc:  # keep the weights of the best epoch so far
        best_acc = val_acc
        torch.save(model.state_dict(), "best_digits.pt")
        line += "  saved"
    print(line)

# --8<-- [end:loop]
# --8<-- [start:check]
best = make_model()  # a fresh model, then the saved weights
best.load_state_dict(torch.load("best_digits.pt"))
val_loss, val_acc = evaluate(best, val_loader, loss_fn)
print(f"best checkpoint: val loss {val_loss:.4f} acc {val_acc:.3f}")

x, y = next(iter(val_loader))
with torch.no_grad():
    print("predicted", best(x[:10]).argmax(dim=1).tolist())
print("true     ", y[:10].tolist())
# --8<-- [end:check]
