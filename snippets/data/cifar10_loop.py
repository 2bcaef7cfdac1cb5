import torch
import torchvision
from torchvision.transforms import v2

transform = v2.Compose([v2.ToImage(), v2.ToDtype(torch.float32, scale=True)])

# On a machine with internet, the real CIFAR-10 is one line (about 170 MB):
#   train_set = torchvision.datasets.CIFAR10(
#       root="data", train=True, download=True, transform=transform)
# This page runs offline, so it uses FakeData with CIFAR-10's shapes instead:
train_set = torchvision.datasets.FakeData(
    size=256, image_size=(3, 32, 32), num_classes=10, transform=transform
)

image, label = train_set[0]
print(image.shape, type(label).__name__)

loader = torch.utils.data.DataLoader(
    train_set, batch_size=64, shuffle=True, generator=torch.Generator().manual_seed(0)
)
for step, (images, labels) in enumerate(loader):
    # The training step goes here.
    print(step, images.shape, labels.shape)
