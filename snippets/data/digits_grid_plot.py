import matplotlib.pyplot as plt
import torch
from sklearn.datasets import load_digits
from torch.utils.data import DataLoader, TensorDataset

digits = load_digits()  # 1797 8x8 images shipped inside scikit-learn: no download
images = torch.tensor(digits.images, dtype=torch.float32) / 16  # pixels 0..16 -> 0..1
labels = torch.tensor(digits.target)
dataset = TensorDataset(images, labels)

# One shuffled mini-batch of 10; the seeded generator fixes the order.
loader = DataLoader(
    dataset, batch_size=10, shuffle=True, generator=torch.Generator().manual_seed(0)
)
x, y = next(iter(loader))
print(x.shape, y.tolist())

fig, axes = plt.subplots(2, 5, figsize=(6, 3), layout="constrained")
for ax, image, label in zip(axes.flat, x, y, strict=True):
    ax.imshow(image.numpy(), cmap="gray_r")  # dark ink on white
    ax.set_title(f"label {label.item()}")
    ax.axis("off")
fig.suptitle("A mini-batch of 8x8 digits")
plt.show()
