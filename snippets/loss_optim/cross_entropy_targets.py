import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
logits = torch.randn(3, 5)  # 3 samples, 5 classes
target = torch.tensor([1, 0, 4])  # class indices, int64 by default
criterion = nn.CrossEntropyLoss()
print(target.dtype, round(criterion(logits, target).item(), 4))

# Indices of the wrong dtype: float labels, or int32 labels (an explicit astype, or
# NumPy < 2.0 on Windows, whose default integer was int32; NumPy 2 uses int64 there too):
for wrong in (target.float(), target.int()):
    try:
        criterion(logits, wrong)
    except RuntimeError as e:
        print(wrong.dtype, type(e).__name__, e)
print(round(criterion(logits, target.float().long()).item(), 4))  # fix: .long()

# A float target of shape (N, C) is something else: class probabilities.
one_hot = F.one_hot(target, num_classes=5).float()
print(tuple(one_hot.shape), round(criterion(logits, one_hot).item(), 4))
soft = torch.full((3, 5), 0.2)  # uniform probabilities over the 5 classes
print(round(criterion(logits, soft).item(), 4))
try:
    criterion(logits, F.one_hot(target, num_classes=5))  # int64 one-hot
except RuntimeError as e:
    print(type(e).__name__, e)
