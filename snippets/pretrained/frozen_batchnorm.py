import torch
import torch.nn as nn
from torchvision.models import ResNet18_Weights, resnet18

model = resnet18(weights=ResNet18_Weights.DEFAULT)
model.requires_grad_(False)
model.fc = nn.Linear(model.fc.in_features, 10)
bn = model.bn1  # the first BatchNorm layer, frozen

torch.manual_seed(0)
images = torch.randn(2, 3, 64, 64) * 3 + 1  # not ImageNet-like statistics

print("bn1.weight.requires_grad:", bn.weight.requires_grad)

# requires_grad=False does not stop train() mode from updating running stats.
model.train()
before = bn.running_mean.clone()
model(images)
print("train(), running_mean changed:", not torch.equal(bn.running_mean, before))


def freeze_batchnorm(module):
    # Put every BatchNorm layer in eval mode: it then uses its stored statistics.
    for m in module.modules():
        if isinstance(m, nn.BatchNorm2d):
            m.eval()


model.train()  # call again at the start of every epoch ...
freeze_batchnorm(model)  # ... then this, after it
before = bn.running_mean.clone()
model(images)
print("BN in eval(), running_mean changed:", not torch.equal(bn.running_mean, before))
print("training:", model.training, bn.training, model.fc.training)
