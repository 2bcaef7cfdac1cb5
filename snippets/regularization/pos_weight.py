import torch
from torch import nn

torch.manual_seed(0)
# 1000 samples, 3 labels that are present in about 50%, 20% and 5% of the samples.
target = (torch.rand(1000, 3) < torch.tensor([0.5, 0.2, 0.05])).float()
positives = target.sum(dim=0)
negatives = len(target) - positives
pos_weight = negatives / positives  # the usual choice: negatives / positives, for each label
print("positives", positives.tolist())
print("pos_weight", [round(w, 2) for w in pos_weight.tolist()])

# pos_weight multiplies the loss term of the positive targets, label by label.
logits = torch.randn(4, 3)
loss = nn.BCEWithLogitsLoss(pos_weight=pos_weight)(logits, target[:4])
p = torch.sigmoid(logits)
manual = -(pos_weight * target[:4] * torch.log(p) + (1 - target[:4]) * torch.log(1 - p)).mean()
print(round(loss.item(), 4), round(manual.item(), 4))


# The simplest model: a constant logit per label (a bias), fitted to all 1000 targets.
def fit_constant(loss_fn):
    bias = torch.zeros(3, requires_grad=True)
    optimizer = torch.optim.SGD([bias], lr=1.0)
    for _ in range(300):
        loss = loss_fn(bias.expand(1000, 3), target)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    return [round(p, 3) for p in torch.sigmoid(bias).tolist()]


print("without pos_weight:", fit_constant(nn.BCEWithLogitsLoss()))
print("with pos_weight:   ", fit_constant(nn.BCEWithLogitsLoss(pos_weight=pos_weight)))
