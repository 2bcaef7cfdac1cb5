import torch

logits = torch.tensor([[2.0, 0.5, -1.0], [0.1, 1.5, 0.3], [-0.5, 0.2, 3.0], [1.0, 1.0, 0.0]])
labels = torch.tensor([0, 2, 2, 1])

# gather(1, index): out[i][j] = logits[i][index[i][j]]. The index needs as many
# dims as logits, so the labels (4,) become a column (4, 1).
index = labels.unsqueeze(1)
picked = logits.gather(1, index)
print(index.shape, picked.shape)
print(picked.squeeze(1))
print(torch.equal(picked.squeeze(1), logits[torch.arange(4), labels]))

# Along dim 0 the roles swap: out[i][j] = logits[index[i][j]][j], a row per column.
print(logits.gather(0, torch.tensor([[3, 0, 2]])))

# scatter_ is the reverse: write a value at the indexed places. Here: one-hot labels.
one_hot = torch.zeros(4, 3).scatter_(1, index, 1.0)
print(one_hot)

# scatter_add_ adds instead of overwriting, so repeated indices accumulate.
values = torch.tensor([1.0, 2.0, 3.0, 4.0, 5.0, 6.0])
classes = torch.tensor([0, 2, 2, 1, 0, 2])
sums = torch.zeros(3).scatter_add_(0, classes, values)
counts = torch.zeros(3).scatter_add_(0, classes, torch.ones(6))
print(sums, counts, sums / counts)

# Per-class sums of feature vectors: the index repeats each class along dim 1.
features = torch.arange(12.0).reshape(6, 2)
class_sums = torch.zeros(3, 2).scatter_add_(0, classes.unsqueeze(1).expand(-1, 2), features)
print(class_sums)
