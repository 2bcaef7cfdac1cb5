import torch
from torch import nn

torch.manual_seed(0)
loss_fn = nn.BCEWithLogitsLoss()

# Binary: one logit per sample; the target has the same shape and holds 0.0 or 1.0.
model = nn.Linear(5, 1)
logits = model(torch.randn(4, 5))  # shape (4, 1)
target = torch.tensor([1.0, 0.0, 0.0, 1.0]).unsqueeze(1)  # (4,) -> (4, 1) to match
print(tuple(logits.shape), round(loss_fn(logits, target).item(), 4))
print((logits > 0).long().flatten().tolist())  # logit > 0 means probability > 0.5

# Multi-label: 4 samples, 3 labels, any number of them present in each sample.
logits = torch.randn(4, 3)
target = torch.tensor([[1.0, 0.0, 1.0], [0.0, 1.0, 1.0], [0.0, 0.0, 0.0], [1.0, 1.0, 0.0]])
loss = loss_fn(logits, target)  # mean over all 4 x 3 elements
prob = torch.sigmoid(logits)  # one probability per label, independent of the others
print(prob)
print(prob.sum(dim=1))  # a row need not sum to 1 (softmax rows do)
print((prob > 0.5).long())  # predicted labels

# The same loss written out: binary cross-entropy of each element, then the mean.
manual = -(target * torch.log(prob) + (1 - target) * torch.log(1 - prob)).mean()
print(round(loss.item(), 4), round(manual.item(), 4), round(nn.BCELoss()(prob, target).item(), 4))

# Two common mistakes: a target of another shape, an integer target.
for wrong_logits, wrong_target in ((logits[:, :1], target[:, 0]), (logits, target.long())):
    try:
        loss_fn(wrong_logits, wrong_target)
    except (ValueError, RuntimeError) as e:
        print(type(e).__name__, e)
