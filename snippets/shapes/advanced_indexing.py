import torch

x = torch.arange(12).reshape(4, 3)
print(x)

# An integer tensor (or list) as an index picks rows, in any order, with repeats.
print(x[torch.tensor([2, 0, 2])])

# Two index tensors pair up: elements (0, 1), (2, 0) and (3, 2), not a 3 x 3 block.
print(x[torch.tensor([0, 2, 3]), torch.tensor([1, 0, 2])])

# One element per row: each sample's probability for its label.
probs = torch.tensor([[0.7, 0.2, 0.1], [0.1, 0.3, 0.6], [0.2, 0.5, 0.3], [0.4, 0.4, 0.2]])
labels = torch.tensor([0, 2, 2, 1])
print(probs[torch.arange(4), labels])

# Integer indexing makes a copy, a slice is a view: the first write is lost,
# the second one reaches x...
x[[1, 2]][0, 0] = -1
x[1:3][0, 1] = -1
print(x[1])
# ...while assigning to x[index] writes into x.
x[[1, 2], 0] = 100
print(x[:, 0])

# With repeated indices, += does not accumulate: each position is written once.
counts = torch.zeros(3)
counts[torch.tensor([0, 0, 2, 0])] += 1
print(counts)
