import csv
from pathlib import Path

import torch
from PIL import Image
from torch.utils.data import DataLoader, Dataset
from torchvision.transforms import v2

# A tiny dataset on disk: 6 PNG files in images/ and an annotations file labels.csv
Path("images").mkdir(exist_ok=True)
with open("labels.csv", "w", newline="") as f:
    for i in range(6):
        Image.new("RGB", (12, 10), (40 * i, 128, 255)).save(f"images/img{i}.png")
        f.write(f"img{i}.png,{i % 3}\n")


class CustomImageDataset(Dataset):
    def __init__(self, annotations_file, img_dir, transform=None, target_transform=None):
        with open(annotations_file, newline="") as f:
            self.samples = [(name, int(label)) for name, label in csv.reader(f)]  # index only
        self.img_dir = Path(img_dir)
        self.transform = transform
        self.target_transform = target_transform
        self.files_read = 0

    def __len__(self):
        return len(self.samples)

    def __getitem__(self, idx):
        name, label = self.samples[idx]
        image = Image.open(self.img_dir / name).convert("RGB")  # read now, not in __init__
        self.files_read += 1
        if self.transform:
            image = self.transform(image)
        if self.target_transform:
            label = self.target_transform(label)
        return image, label


dataset = CustomImageDataset(
    "labels.csv",
    "images",
    transform=v2.Compose([v2.ToImage(), v2.ToDtype(torch.float32, scale=True)]),
    target_transform=lambda y: torch.nn.functional.one_hot(torch.tensor(y), num_classes=3),
)
print(len(dataset), dataset.samples[:2], "files read:", dataset.files_read)

image, label = dataset[4]
print(image.shape, image[:, 0, 0], label, "files read:", dataset.files_read)

images, labels = next(iter(DataLoader(dataset, batch_size=4)))
print(images.shape, labels.shape, "files read:", dataset.files_read)
print(labels)
