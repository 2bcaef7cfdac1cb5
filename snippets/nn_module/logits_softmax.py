import torch
import torch.nn as nn

torch.manual_seed(0)
net = nn.Sequential(nn.Flatten(), nn.Linear(4, 3))  # 3 classes
x = torch.randn(2, 2, 2)  # 2 samples

logits = net(x)  # raw scores, any real numbers
print(logits)

probs = torch.softmax(logits, dim=1)  # only for reading probabilities
print(probs)
print(probs.sum(dim=1))  # each row sums to 1
print(logits.argmax(dim=1), probs.argmax(dim=1))  # same predicted class

# CrossEntropyLoss takes the logits: it applies log-softmax itself.
target = torch.tensor([0, 2])
loss_fn = nn.CrossEntropyLoss()
print(round(loss_fn(logits, target).item(), 4))
print(round(-probs[[0, 1], target].log().mean().item(), 4))  # the same, by hand
print(round(loss_fn(probs, target).item(), 4))  # wrong: softmax applied twice
