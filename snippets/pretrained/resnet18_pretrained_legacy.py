# legacy: warns UserWarning
import torchvision

# Before torchvision 0.13: pretrained=True. It still loads the same weights,
# with two deprecation warnings, shown only the first time.
for i in range(2):
    model = torchvision.models.resnet18(pretrained=True)
    print("call", i + 1, type(model).__name__, model.fc.out_features)

# A call from another line: silent too, both messages were already shown.
model = torchvision.models.resnet18(pretrained=True)
print("call 3", type(model).__name__, model.fc.out_features)

# A message with another text is a new warning: pretrained=False means weights=None.
model = torchvision.models.resnet18(pretrained=False)
print("call 4", type(model).__name__, model.fc.out_features)

# The replacement: name the weights. No warning.
model = torchvision.models.resnet18(weights=torchvision.models.ResNet18_Weights.IMAGENET1K_V1)
print("weights=", type(model).__name__, model.fc.out_features)
