import matplotlib.pyplot as plt
import torch
from PIL import Image
from sklearn.datasets import load_sample_image
from torchvision.transforms import v2

torch.manual_seed(0)  # transforms.v2 draws its random numbers from torch
# A photo that ships with scikit-learn (427x640), shrunk to 160x240 to keep it small.
photo = Image.fromarray(load_sample_image("china.jpg")).resize((240, 160))
image = v2.ToImage()(photo)  # uint8 tensor (3, 160, 240)

augmentations = {
    "flip": v2.RandomHorizontalFlip(p=0.5),
    "crop": v2.RandomResizedCrop(size=(120, 120), scale=(0.1, 1.0), ratio=(0.5, 2.0)),
    "color": v2.ColorJitter(brightness=0.5, contrast=0.5, saturation=0.5, hue=0.1),
    "all three": v2.Compose(
        [
            v2.RandomHorizontalFlip(p=0.5),
            v2.RandomResizedCrop(size=(120, 120), scale=(0.1, 1.0), ratio=(0.5, 2.0)),
            v2.ColorJitter(brightness=0.5, contrast=0.5, saturation=0.5, hue=0.1),
        ]
    ),
}

# dpi=72 keeps the photos embedded in the figure file small.
fig, axes = plt.subplots(4, 4, figsize=(6, 5.2), dpi=72, layout="constrained")
for row, (name, augment) in zip(axes, augmentations.items(), strict=True):
    outs = [augment(image) for _ in range(3)]  # a new random draw on every call
    if name == "flip":
        print("flipped:", [torch.equal(out, image.flip(-1)) for out in outs])
    for ax, out in zip(row, [image, *outs], strict=True):
        ax.imshow(out.permute(1, 2, 0).numpy())  # (C, H, W) -> (H, W, C)
        ax.set_title(f"{out.shape[1]}x{out.shape[2]}")
        ax.set_xticks([])
        ax.set_yticks([])
    row[0].set_title("original")
    row[0].set_ylabel(name)
plt.show()
