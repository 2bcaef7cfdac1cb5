import matplotlib.pyplot as plt
import torch

logits = torch.tensor([[2.0, 0.5, -1.0], [0.1, 1.5, 0.3], [-0.5, 0.2, 3.0], [1.0, 1.0, 0.0]])
labels = torch.tensor([0, 2, 2, 1])
index = labels.unsqueeze(1)  # (4, 1)
picked = logits.gather(1, index)  # reads one element per row
one_hot = torch.zeros(4, 3).scatter_(1, index, 1.0)  # writes one element per row
print(picked.squeeze(1), one_hot.argmax(dim=1))  # the argmax of a one-hot row is its label

fig, axes = plt.subplots(1, 3, figsize=(8, 3.4), width_ratios=[3, 1, 3], layout="constrained")
titles = ["logits (4, 3)", "logits.gather(1, index)", "zeros(4, 3).scatter_(1, index, 1.0)"]
for ax, data, title in zip(axes, (logits, picked, one_hot), titles, strict=True):
    ax.imshow(data.tolist(), cmap="Blues", vmin=-3, vmax=6)
    for i, row in enumerate(data.tolist()):
        for j, value in enumerate(row):
            ax.text(j, i, f"{value:.1f}", ha="center", va="center")
    ax.set_title(title, fontsize="medium")
    ax.set_xticks(range(data.shape[1]))
    ax.set_yticks(range(4))

# Outline the element of row i that index selects: column labels[i].
for ax in (axes[0], axes[2]):
    for i, j in enumerate(labels.tolist()):
        ax.add_patch(plt.Rectangle((j - 0.5, i - 0.5), 1, 1, fill=False, lw=3, ec="tab:red"))
axes[0].set_xlabel("class (dim 1)")
axes[0].set_ylabel("sample (dim 0)")
axes[2].set_xlabel("class (dim 1)")
fig.suptitle(f"index = labels[:, None], labels = {labels.tolist()}")
plt.show()
