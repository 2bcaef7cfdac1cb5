import torch
from torch.utils.data import DataLoader, TensorDataset

features = torch.arange(12, dtype=torch.float32).reshape(6, 2)
labels = torch.tensor([0, 1, 0, 1, 0, 1])
loader = DataLoader(TensorDataset(features, labels), batch_size=4)

# One batch, e.g. to look at shapes: use the built-in next(), not it.next().
data_iter = iter(loader)
images, targets = next(data_iter)
print(images.shape, targets)

# The last batch is smaller unless drop_last=True.
images, targets = next(data_iter)
print(images.shape, targets)
print(len(loader), len(DataLoader(TensorDataset(features, labels), batch_size=4, drop_last=True)))
