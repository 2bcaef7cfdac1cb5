import torch
from PIL import Image
from sklearn.datasets import load_sample_image
from torchvision.transforms import v2

torch.manual_seed(0)
photo = Image.fromarray(load_sample_image("china.jpg"))  # 640 wide, 427 high

# ImageNet's per-channel mean and std (of pixels scaled to 0..1).
mean, std = [0.485, 0.456, 0.406], [0.229, 0.224, 0.225]

# Training: random augmentation, a new variant of each image in every epoch.
train_transform = v2.Compose(
    [
        v2.ToImage(),
        v2.RandomResizedCrop(size=(224, 224), antialias=True),
        v2.RandomHorizontalFlip(),
        v2.ColorJitter(brightness=0.4, contrast=0.4, saturation=0.4),
        v2.ToDtype(torch.float32, scale=True),
        v2.Normalize(mean, std),
    ]
)
# Evaluation: deterministic, the same tensor for the same image every time.
eval_transform = v2.Compose(
    [
        v2.ToImage(),
        v2.Resize(256),  # the shorter side becomes 256, the aspect ratio is kept
        v2.CenterCrop(224),
        v2.ToDtype(torch.float32, scale=True),
        v2.Normalize(mean, std),
    ]
)

a, b = train_transform(photo), train_transform(photo)
print("train:", tuple(a.shape), "same twice:", torch.equal(a, b))
a, b = eval_transform(photo), eval_transform(photo)
print("eval: ", tuple(a.shape), "same twice:", torch.equal(a, b))
print("resized:", tuple(v2.Resize(256)(v2.ToImage()(photo)).shape))

# Normalize computes (x - mean) / std for each channel.
x = v2.ToDtype(torch.float32, scale=True)(v2.ToImage()(photo))
print("top-left pixel before:", x[:, 0, 0])
manual = (x[:, 0, 0] - torch.tensor(mean)) / torch.tensor(std)
print("after:", v2.Normalize(mean, std)(x)[:, 0, 0], manual)
