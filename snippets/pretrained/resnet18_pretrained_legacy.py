# legacy: warns UserWarning
import torchvision

# Before torchvision 0.13: pretrained=True. It still loads the same weights,
# with a deprecation warning for each use.
model = torchvision.models.resnet18(pretrained=True)
print(type(model).__name__, model.fc.out_features)

# The replacement: name the weights.
model = torchvision.models.resnet18(weights=torchvision.models.ResNet18_Weights.IMAGENET1K_V1)
print(type(model).__name__, model.fc.out_features)
