import torch
from torch.utils.data import DataLoader, Dataset


class SquaresDataset(Dataset):
    # Pairs (x, x**2) for x = 0 .. n-1.

    def __init__(self, n):
        self.xs = torch.arange(n, dtype=torch.float32)

    def __len__(self):
        return len(self.xs)

    def __getitem__(self, index):
        x = self.xs[index]
        return x, x**2


dataset = SquaresDataset(10)
print(len(dataset), dataset[3])

# A seeded generator makes the shuffled order reproducible.
loader = DataLoader(dataset, batch_size=4, shuffle=True, generator=torch.Generator().manual_seed(0))
for xs, ys in loader:
    print(xs.tolist(), ys.tolist())
