import torch
from PIL import Image
from sklearn.datasets import load_sample_image
from torch.utils.data import DataLoader
from torchvision.transforms import v2

# A "training set" of the two photos that ship with scikit-learn, as 0..1 tensors.
to_tensor = v2.Compose([v2.ToImage(), v2.ToDtype(torch.float32, scale=True)])
names = ["china.jpg", "flower.jpg"]
train_images = [to_tensor(Image.fromarray(load_sample_image(name))) for name in names]
print(train_images[0].shape, train_images[1].shape)

# Per-channel mean and std over all pixels of all training images, one batch at a time.
total, total_sq, count = torch.zeros(3), torch.zeros(3), 0
for batch in DataLoader(train_images, batch_size=1):
    total += batch.sum(dim=(0, 2, 3))
    total_sq += (batch**2).sum(dim=(0, 2, 3))
    count += batch.numel() // 3
mean = total / count
std = (total_sq / count - mean**2).sqrt()
print("mean", mean, "std", std)

# After Normalize, the training pixels have mean 0 and std 1 in every channel ...
normalize = v2.Normalize(mean.tolist(), std.tolist())
pixels = torch.stack([normalize(image) for image in train_images])
means = pixels.mean(dim=(0, 2, 3))
print(torch.allclose(means, torch.zeros(3), atol=1e-6), pixels.std(dim=(0, 2, 3)))
# ... but not each image on its own: Normalize does not look at the image it is given.
print(pixels[0].mean(dim=(1, 2)), pixels[1].mean(dim=(1, 2)))
