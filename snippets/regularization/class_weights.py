import torch
from torch import nn

torch.manual_seed(0)
centers = torch.tensor([[0.0, 0.0], [1.5, 1.5], [-1.5, 1.5]])  # one 2-D Gaussian blob per class


def make_data(counts):
    x = torch.cat([centers[c] + torch.randn(n, 2) for c, n in enumerate(counts)])
    y = torch.cat([torch.full((n,), c) for c, n in enumerate(counts)])
    return x, y


# Imbalanced: class 0 is 16 times as frequent as class 2, in training and validation alike.
x_train, y_train = make_data([800, 150, 50])
x_val, y_val = make_data([800, 150, 50])
counts = torch.bincount(y_train)
weight = len(y_train) / (3 * counts)  # rarer class, larger weight
print("counts", counts.tolist(), "weights", [round(w, 4) for w in weight.tolist()])

# With weights, "mean" divides by the sum of the weights of the targets, not by N.
logits, target = torch.randn(4, 3), torch.tensor([0, 0, 1, 2])
per_sample = nn.CrossEntropyLoss(reduction="none")(logits, target)
weighted = nn.CrossEntropyLoss(weight=weight)(logits, target)
manual = (weight[target] * per_sample).sum() / weight[target].sum()
print(round(weighted.item(), 4), round(manual.item(), 4))
# Only the ratios between the weights matter: 10 times the weights, the same loss.
print(round(nn.CrossEntropyLoss(weight=10 * weight)(logits, target).item(), 4))

for name, loss_fn in (
    ("unweighted", nn.CrossEntropyLoss()),
    ("weighted", nn.CrossEntropyLoss(weight=weight)),
):
    torch.manual_seed(1)  # the same initial model for both
    model = nn.Linear(2, 3)
    optimizer = torch.optim.SGD(model.parameters(), lr=0.5)
    for _ in range(500):  # full-batch gradient descent
        loss = loss_fn(model(x_train), y_train)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    with torch.no_grad():
        pred = model(x_val).argmax(dim=1)
    recall = [(pred[y_val == c] == c).float().mean().item() for c in range(3)]
    accuracy = (pred == y_val).float().mean().item()
    print(
        f"{name:<10}  recall per class {[round(r, 3) for r in recall]}  "
        f"mean recall {sum(recall) / 3:.3f}  accuracy {accuracy:.3f}"
    )
