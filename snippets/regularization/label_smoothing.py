import matplotlib.pyplot as plt
import torch
import torch.nn.functional as F
from torch import nn

num_classes, eps = 10, 0.1
target = torch.tensor([3])

# The target distribution that label_smoothing=0.1 implies for class 3 of 10.
smoothed = (1 - eps) * F.one_hot(target, num_classes).float() + eps / num_classes
print([round(v, 2) for v in smoothed[0].tolist()])

plain = nn.CrossEntropyLoss()
smooth = nn.CrossEntropyLoss(label_smoothing=eps)
print("gap  p(class 3)  plain loss  smoothed loss  CE with soft target")
for gap in (2.0, 4.5, 10.0, 20.0):
    logits = torch.zeros(1, num_classes)
    logits[0, 3] = gap  # class 3 scores `gap` above the 9 others
    p = torch.softmax(logits, dim=1)[0, 3].item()
    print(
        f"{gap:4.1f}  {p:10.4f}  {plain(logits, target).item():10.4f}  "
        f"{smooth(logits, target).item():13.4f}  {plain(logits, smoothed).item():19.4f}"
    )

# The smoothed loss is lowest at a finite gap: log(0.91 / 0.01), where softmax equals the target.
best_gap = torch.log(torch.tensor((1 - eps + eps / num_classes) / (eps / num_classes)))
print("best gap", round(best_gap.item(), 4))

gaps = torch.linspace(0, 20, 201)
logits = torch.zeros(201, num_classes)
logits[:, 3] = gaps
targets = torch.full((201,), 3)
fig, ax = plt.subplots(figsize=(5, 3.2), layout="constrained")
ax.plot(gaps, F.cross_entropy(logits, targets, reduction="none"), label="no smoothing")
ax.plot(
    gaps,
    F.cross_entropy(logits, targets, reduction="none", label_smoothing=eps),
    label="label_smoothing=0.1",
)
ax.axvline(best_gap.item(), color="gray", linestyle=":", label="best gap with smoothing")
ax.set_title("Loss of a correct prediction, 10 classes")
ax.set_xlabel("logit of the true class minus the others")
ax.set_ylabel("cross-entropy loss")
ax.legend()
plt.show()
