import matplotlib.pyplot as plt
import torch
from matplotlib.patches import Rectangle
from PIL import Image, ImageDraw
from torchvision.models import ResNet18_Weights

# A made-up 320x240 picture: a color gradient with two shapes on it.
width, height = 320, 240
gradient = torch.stack(
    [
        torch.linspace(0, 255, width).expand(height, width),  # red grows to the right
        torch.linspace(0, 255, height).unsqueeze(1).expand(height, width),  # green grows downwards
        torch.full((height, width), 160.0),  # constant blue
    ],
    dim=2,
)
img = Image.fromarray(gradient.to(torch.uint8).numpy())
draw = ImageDraw.Draw(img)
draw.ellipse((5, 20, 45, 60), fill=(255, 255, 255))  # near the left edge
draw.rectangle((130, 80, 210, 160), fill=(0, 0, 0))  # in the middle

# transforms() needs no weights file: it is the preprocessing that comes with them.
preprocess = ResNet18_Weights.DEFAULT.transforms()
tensor = preprocess(img)  # resize the short side to 256, crop 224x224, normalize
low, high = tensor.min().item(), tensor.max().item()
print(img.size, tuple(tensor.shape), f"{low:.2f} to {high:.2f}")

# Undo the normalization (x * std + mean) to show the tensor as a picture.
mean = torch.tensor(preprocess.mean).reshape(3, 1, 1)
std = torch.tensor(preprocess.std).reshape(3, 1, 1)
shown = (tensor * std + mean).clamp(0, 1).permute(1, 2, 0)  # (C, H, W) -> (H, W, C)

# The square of the original that the center crop keeps.
scale = min(img.size) / preprocess.resize_size[0]
side = preprocess.crop_size[0] * scale
left, top = (width - side) / 2, (height - side) / 2

fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(7, 3.2), layout="constrained")
ax1.imshow(img)
ax1.add_patch(Rectangle((left, top), side, side, fill=False, edgecolor="C1", lw=2))
ax1.set_title(f"original: {width}x{height}\n(orange: the part that is kept)")
ax2.imshow(shown.numpy())
channels, h, w = tensor.shape
ax2.set_title(f"after transforms(): {channels}x{h}x{w}\n(normalization undone)")
plt.show()
