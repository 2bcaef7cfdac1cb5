import shutil
import tempfile
from pathlib import Path

import torch
from PIL import Image
from torchvision import datasets
from torchvision.transforms import v2

# ImageFolder expects one sub-folder per class:
#   root/cat/0.png, root/cat/1.png, ...   root/dog/0.png, ...
# We write a few small images to a temporary folder to have a real tree.
root = Path(tempfile.mkdtemp())
colors = {"cat": (200, 120, 40), "dog": (40, 90, 200)}
for label, color in colors.items():
    (root / label).mkdir()
    for i in range(3):
        Image.new("RGB", (40 + 8 * i, 32), color).save(root / label / f"{i}.png")

transform = v2.Compose(
    [
        v2.Resize((32, 32)),  # every image the same size, so batches stack
        v2.ToImage(),  # PIL image (H, W, C) -> tensor (C, H, W), uint8 0..255
        v2.ToDtype(torch.float32, scale=True),  # -> float32 0..1
    ]
)
dataset = datasets.ImageFolder(root, transform=transform)
print(dataset.classes, dataset.class_to_idx, len(dataset))

image, label = dataset[0]
print(image.shape, label, image[:, 0, 0])

loader = torch.utils.data.DataLoader(dataset, batch_size=4, shuffle=False)
for images, labels in loader:
    print(images.shape, labels)

shutil.rmtree(root)  # clean up the temporary images
