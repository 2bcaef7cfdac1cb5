import torch
import torch.nn as nn
from torchvision.models import ResNet18_Weights, resnet18

model = resnet18(weights=ResNet18_Weights.DEFAULT)

# Freeze every pretrained parameter ...
for param in model.parameters():
    param.requires_grad = False

# ... and replace the classifier with a new head for 100 classes (trainable).
model.fc = nn.Linear(model.fc.in_features, 100)

trainable = sum(p.numel() for p in model.parameters() if p.requires_grad)
total = sum(p.numel() for p in model.parameters())
print(f"trainable {trainable} of {total} parameters")

# Forward pass: a batch of 64 RGB images of 224x224.
torch.manual_seed(0)
images = torch.randn(64, 3, 224, 224)
outputs = model(images)
print(outputs.shape)

# Only the new head goes to the optimizer.
optimizer = torch.optim.SGD(model.fc.parameters(), lr=0.01, momentum=0.9)
print([tuple(p.shape) for p in optimizer.param_groups[0]["params"]])
