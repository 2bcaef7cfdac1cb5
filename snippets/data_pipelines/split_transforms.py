import torch
from torch.utils.data import Dataset, Subset, random_split


# Ten samples; the transform stands in for an image augmentation.
class Numbers(Dataset):
    def __init__(self, transform=None):
        self.transform = transform

    def __len__(self):
        return 10

    def __getitem__(self, index):
        x = float(index)
        return self.transform(x) if self.transform else x


def augment(x):  # random, like RandomResizedCrop
    return x + torch.rand(()).item()


torch.manual_seed(0)
# A common mistake: split one dataset, then set the transform "of the training part".
train_set, val_set = random_split(Numbers(), [8, 2], generator=torch.Generator().manual_seed(0))
train_set.dataset.transform = augment
print(type(val_set).__name__, val_set.indices, val_set.dataset is train_set.dataset)
print("val:", [round(val_set[i], 3) for i in range(2)])  # augmented too!

# The fix: two datasets over the same data, each with its own transform,
# and the same split of indices for both.
indices = torch.randperm(10, generator=torch.Generator().manual_seed(0)).tolist()
train_set = Subset(Numbers(transform=augment), indices[:8])
val_set = Subset(Numbers(), indices[8:])
print("train:", [round(train_set[i], 3) for i in range(3)])
print("val:", [val_set[i] for i in range(2)], val_set.indices)
