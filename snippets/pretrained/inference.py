import torch
from PIL import Image
from torchvision.models import ResNet18_Weights, resnet18

weights = ResNet18_Weights.DEFAULT
model = resnet18(weights=weights)
model.eval()  # evaluation mode: batch norm uses its running statistics
preprocess = weights.transforms()  # the preprocessing these weights expect at inference

# A made-up 320x240 picture stands in for a photo (Image.open("cat.jpg") in real use).
img = Image.new("RGB", (320, 240), (200, 120, 40))
batch = preprocess(img).unsqueeze(0)  # resize, center crop, normalize; add a batch dim
print(batch.shape, batch.dtype)

with torch.inference_mode():
    probs = model(batch).softmax(dim=1)
print(probs.shape, f"sum {probs.sum().item():.4f}")

top5 = probs[0].topk(5)
categories = weights.meta["categories"]
for prob, idx in zip(top5.values, top5.indices, strict=True):
    print(f"{categories[idx]:<20} {prob.item():.4f}")
