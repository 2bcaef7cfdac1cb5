import matplotlib.pyplot as plt
import torch
from torch.utils.data import DataLoader, TensorDataset, WeightedRandomSampler

torch.manual_seed(0)
# An imbalanced set: 90 samples of class 0, 10 of class 1.
labels = torch.cat([torch.zeros(90, dtype=torch.long), torch.ones(10, dtype=torch.long)])
dataset = TensorDataset(torch.arange(100), labels)  # the sample's index stands in for x

class_count = torch.bincount(labels)
weights = 1.0 / class_count[labels]  # one weight per sample: 1/90 or 1/10
print("class count", class_count.tolist(), f"weights {weights[0]:.4f} {weights[-1]:.4f}")

sampler = WeightedRandomSampler(
    weights, num_samples=len(dataset), replacement=True, generator=torch.Generator().manual_seed(0)
)
loaders = {
    "shuffle": DataLoader(
        dataset, batch_size=10, shuffle=True, generator=torch.Generator().manual_seed(0)
    ),
    "sampler": DataLoader(dataset, batch_size=10, sampler=sampler),
}

per_batch = {}
for name, loader in loaders.items():
    batches = list(loader)  # one epoch
    per_batch[name] = torch.stack([torch.bincount(y, minlength=2) for _, y in batches])
    drawn = torch.cat([x for x, _ in batches])  # the indices drawn, repeats included
    seen = [drawn[drawn < 90].unique().numel(), drawn[drawn >= 90].unique().numel()]
    print(f"{name}: class 1 per batch {per_batch[name][:, 1].tolist()}")
    print(f"  epoch total {per_batch[name].sum(dim=0).tolist()}, distinct samples {seen}")

try:
    DataLoader(dataset, shuffle=True, sampler=sampler)
except ValueError as e:
    print("ValueError:", e)

fig, axes = plt.subplots(1, 2, figsize=(8, 3), sharey=True, layout="constrained")
for ax, (name, counts) in zip(axes, per_batch.items(), strict=True):
    counts = counts.numpy()  # matplotlib takes NumPy arrays
    batches = range(1, len(counts) + 1)
    ax.bar(batches, counts[:, 0], label="class 0")
    ax.bar(batches, counts[:, 1], bottom=counts[:, 0], label="class 1")
    ax.set_title(f"{name}: {counts[:, 1].sum()} of 100 are class 1")
    ax.set_xlabel("batch")
    ax.set_xticks(batches)
axes[0].set_ylabel("samples per batch")
axes[0].set_ylim(0, 12.5)  # room for the legend above the bars
axes[0].legend(loc="upper center", ncols=2)
plt.show()
