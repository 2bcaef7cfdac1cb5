# --8<-- [start:data]
import matplotlib.pyplot as plt
import torch
from sklearn.datasets import load_digits
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

torch.manual_seed(0)
digits = load_digits()  # 1797 8x8 images shipped inside scikit-learn: no download
images = torch.tensor(digits.images, dtype=torch.float32).unsqueeze(1) / 16  # (N, 1, 8, 8)
labels = torch.tensor(digits.target)

# Source task: digits 0-4, every sample. Target task: digits 5-9, relabeled 0-4.
source = labels < 5
x_source, y_source = images[source], labels[source]
x_target, y_target = images[~source], labels[~source] - 5

# Only 10 labeled images per target class; all the other 5-9 images are for validation.
per_class = 10
order = torch.randperm(len(y_target))
picked = torch.cat([order[y_target[order] == c][:per_class] for c in range(5)])
is_train = torch.zeros(len(y_target), dtype=torch.bool)
is_train[picked] = True
x_train, y_train = x_target[is_train], y_target[is_train]
x_val, y_val = x_target[~is_train], y_target[~is_train]
print(f"0-4: {len(y_source)} images | 5-9: {len(y_train)} labeled, {len(y_val)} for validation")


# --8<-- [end:data]
# --8<-- [start:pretrain]
class DigitNet(nn.Module):
    def __init__(self, num_classes=5):
        super().__init__()
        self.features = nn.Sequential(  # the body: what transfers
            nn.Conv2d(1, 16, kernel_size=3, padding=1, bias=False),
            nn.BatchNorm2d(16),
            nn.ReLU(),
            nn.MaxPool2d(2),  # (N, 16, 4, 4)
            nn.Conv2d(16, 32, kernel_size=3, padding=1, bias=False),
            nn.BatchNorm2d(32),
            nn.ReLU(),
            nn.MaxPool2d(2),  # (N, 32, 2, 2)
            nn.Flatten(),  # (N, 128)
        )
        self.fc = nn.Linear(128, num_classes)  # the head: specific to one task

    def forward(self, x):
        return self.fc(self.features(x))


def accuracy(model, x, y):
    model.eval()
    with torch.no_grad():
        return (model(x).argmax(dim=1) == y).float().mean().item()


# Pretrain on the source task: 5 epochs, with the cnn page's SGD settings.
pretrained = DigitNet()
loader = DataLoader(TensorDataset(x_source, y_source), batch_size=64, shuffle=True)
optimizer = torch.optim.SGD(pretrained.parameters(), lr=0.1, momentum=0.9)
for _epoch in range(5):
    pretrained.train()
    for x, y in loader:
        loss = nn.functional.cross_entropy(pretrained(x), y)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
print(f"pretrained on 0-4: training accuracy {accuracy(pretrained, x_source, y_source):.3f}")


# --8<-- [end:pretrain]
# --8<-- [start:fit]
def fit(model, optimizer, freeze_body=False, epochs=30):
    # Train on the 50 labeled images, one batch per epoch; record the validation accuracy.
    history = []
    for _epoch in range(epochs):
        model.train()
        if freeze_body:
            model.features.eval()  # frozen BatchNorm: keep the source statistics
        loss = nn.functional.cross_entropy(model(x_train), y_train)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        history.append(accuracy(model, x_val, y_val))
    return history


def new_model(from_pretrained):
    torch.manual_seed(1)  # the same random head for all three runs
    model = DigitNet()
    if from_pretrained:  # copy the body, keep the new random head
        model.features.load_state_dict(pretrained.features.state_dict())
    return model


# --8<-- [end:fit]
# --8<-- [start:three]
# (a) From scratch: random body and head, every parameter trains.
scratch = new_model(from_pretrained=False)
opt_a = torch.optim.SGD(scratch.parameters(), lr=0.1, momentum=0.9)

# (b) Feature extraction: pretrained body frozen, only the new head trains.
extractor = new_model(from_pretrained=True)
extractor.features.requires_grad_(False)
opt_b = torch.optim.SGD(extractor.fc.parameters(), lr=0.1, momentum=0.9)

# (c) Fine-tuning: everything trains, the body at a 10x smaller learning rate.
finetuned = new_model(from_pretrained=True)
opt_c = torch.optim.SGD(
    [
        {"params": finetuned.features.parameters(), "lr": 0.01},
        {"params": finetuned.fc.parameters()},  # the default lr=0.1
    ],
    lr=0.1,
    momentum=0.9,
)

histories = {
    "from scratch": fit(scratch, opt_a),
    "feature extraction": fit(extractor, opt_b, freeze_body=True),
    "fine-tuning": fit(finetuned, opt_c),
}
models = {"from scratch": scratch, "feature extraction": extractor, "fine-tuning": finetuned}


# --8<-- [end:three]
# --8<-- [start:results]
epochs = (1, 5, 10, 30)
print(f"{'val accuracy after epoch':<24}" + "".join(f"{e:7d}" for e in epochs) + "  trained params")
for name, history in histories.items():
    trained = sum(p.numel() for p in models[name].parameters() if p.requires_grad)
    at = [history[e - 1] for e in epochs]
    print(f"{name:<24}" + "".join(f"{a:7.3f}" for a in at) + f"{trained:16d}")

# Accuracy per target digit after the last epoch: where does each model go wrong?
print(f"{'per digit':<24}" + "".join(f"{d:7d}" for d in range(5, 10)))
for name, model in models.items():
    model.eval()
    with torch.no_grad():
        predicted = model(x_val).argmax(dim=1)
    per_digit = [(predicted[y_val == c] == c).float().mean().item() for c in range(5)]
    print(f"{name:<24}" + "".join(f"{a:7.3f}" for a in per_digit))

# --8<-- [end:results]
# --8<-- [start:plot]
fig, ax = plt.subplots(figsize=(6, 3.5), layout="constrained")
for name, history in histories.items():
    ax.plot(range(1, len(history) + 1), history, label=name)
ax.set_xlabel("epoch (one step on the 50 labeled images)")
ax.set_ylabel("validation accuracy (digits 5-9)")
ax.set_title("Learning 5-9 from 10 images per class")
ax.legend()
plt.show()
# --8<-- [end:plot]
