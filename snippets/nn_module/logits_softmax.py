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

# softmax(z)_i = exp(z_i) / sum_j exp(z_j), by hand:
print(torch.allclose(probs, logits.exp() / logits.exp().sum(dim=1, keepdim=True)))
