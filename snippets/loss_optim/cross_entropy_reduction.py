import torch
import torch.nn as nn

torch.manual_seed(0)
logits = torch.randn(3, 5)
target = torch.tensor([1, 0, 4])

per_sample = nn.CrossEntropyLoss(reduction="none")(logits, target)
print(per_sample)  # one loss per sample
print(nn.CrossEntropyLoss(reduction="sum")(logits, target))
print(nn.CrossEntropyLoss()(logits, target))  # default reduction="mean"
print(per_sample.mean())
