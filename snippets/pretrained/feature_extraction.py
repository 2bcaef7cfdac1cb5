import torch
import torch.nn as nn
from torchvision.models import ResNet18_Weights, resnet18

model = resnet18(weights=ResNet18_Weights.DEFAULT)

# Feature extraction: freeze the whole pretrained network ...
model.requires_grad_(False)

# ... and replace the classifier with a new head for 10 classes (trainable).
model.fc = nn.Linear(model.fc.in_features, 10)

trainable = sum(p.numel() for p in model.parameters() if p.requires_grad)
total = sum(p.numel() for p in model.parameters())
print(f"trainable {trainable} of {total} parameters")

# Only the new head goes to the optimizer.
optimizer = torch.optim.SGD(model.fc.parameters(), lr=1e-3, momentum=0.9)

# One training step on a small batch: 4 RGB images of 64x64.
torch.manual_seed(0)
images, labels = torch.randn(4, 3, 64, 64), torch.tensor([0, 1, 2, 3])
loss = nn.functional.cross_entropy(model(images), labels)
loss.backward()
optimizer.step()
print("conv1 grad:", model.conv1.weight.grad, "| fc grad:", tuple(model.fc.weight.grad.shape))
