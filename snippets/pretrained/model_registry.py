from torchvision import models

# Every model builder torchvision knows, by name.
print(len(models.list_models()), "models in all")
print(len(models.list_models(module=models)), "of them image classifiers")
print(models.list_models(include="resnet*"))

# Build a model by name; weights=None gives random weights (nothing to download).
model = models.get_model("resnet18", weights=None)
print(type(model).__name__, sum(p.numel() for p in model.parameters()), "parameters")

# The weights enum of a model: which weights exist, and which one DEFAULT means.
weights_enum = models.get_model_weights("resnet50")
print(weights_enum.__name__, [w.name for w in weights_enum])
print("DEFAULT =", weights_enum.DEFAULT.name)
