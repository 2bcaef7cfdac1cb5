from torchvision.models import ResNet18_Weights, resnet18

# The weights enum says which checkpoint to load; DEFAULT is the best available.
weights = ResNet18_Weights.DEFAULT
print(weights)
print(len(weights.meta["categories"]), "classes, e.g.", weights.meta["categories"][:3])

# The first call downloads about 45 MB to $TORCH_HOME/hub/checkpoints (~/.cache/torch).
model = resnet18(weights=weights)
model.eval()
print(model.fc)

# The matching preprocessing comes with the weights.
print(weights.transforms())
