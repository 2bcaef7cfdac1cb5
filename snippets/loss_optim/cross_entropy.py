import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
logits = torch.randn(3, 5)  # 3 samples, 5 classes: raw scores, no softmax
target = torch.tensor([1, 0, 4])  # class indices

criterion = nn.CrossEntropyLoss()
loss = criterion(logits, target)
print(round(loss.item(), 4))

# CrossEntropyLoss = log_softmax + negative log-likelihood.
manual = F.nll_loss(F.log_softmax(logits, dim=1), target)
print(torch.allclose(loss, manual))

# By definition: the mean of -log(probability of each sample's target class).
probs = torch.softmax(logits, dim=1)
print(round(-probs[torch.arange(3), target].log().mean().item(), 4))

# Wrong: probabilities instead of logits apply softmax twice, and nothing warns.
print(round(criterion(probs, target).item(), 4))
