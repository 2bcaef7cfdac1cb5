import torch
import torch.nn as nn
from torchvision.models import ResNet18_Weights, resnet18

model = resnet18(weights=ResNet18_Weights.DEFAULT)
model.fc = nn.Linear(model.fc.in_features, 10)  # new head, 10 classes

# Fine-tuning: every weight trains, the new head with a 10x larger learning rate.
head = list(model.fc.parameters())
backbone = [p for name, p in model.named_parameters() if not name.startswith("fc.")]
optimizer = torch.optim.SGD(
    [
        {"params": backbone},  # uses the default lr below
        {"params": head, "lr": 1e-3},
    ],
    lr=1e-4,
    momentum=0.9,
)
for group in optimizer.param_groups:
    n = sum(p.numel() for p in group["params"])
    print(f"lr {group['lr']:g}: {len(group['params'])} tensors, {n} parameters")

# One step: the backbone's weights receive gradients too.
torch.manual_seed(0)
images, labels = torch.randn(2, 3, 64, 64), torch.tensor([0, 1])
nn.functional.cross_entropy(model(images), labels).backward()
optimizer.step()
print(model.conv1.weight.grad is not None, model.fc.weight.grad is not None)
