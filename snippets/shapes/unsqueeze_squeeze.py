import torch

# One sample with 3 features; a model expects a batch dim in front: (1, 3).
x = torch.tensor([1.0, 2.0, 3.0])
print(x.shape, x.unsqueeze(0).shape, x.unsqueeze(1).shape, x.unsqueeze(-1).shape)

# Indexing with None does the same: a new size-1 dim where the None stands.
print(x[None].shape, x[:, None].shape)

# The new dim decides how broadcasting lines up: column minus row -> (3, 3).
print(x[:, None] - x[None, :])

# squeeze() drops EVERY size-1 dim; squeeze(dim) only the dims you name.
y = torch.zeros(2, 1, 3, 1)
print(y.squeeze().shape, y.squeeze(1).shape, y.squeeze((1, 3)).shape)
print(y.squeeze(0).shape)  # dim 0 has size 2: nothing happens, and no error

# The trap: predictions of shape (batch, 1). For a batch of 1,
# squeeze() removes the batch dim too and leaves a 0-d tensor.
for batch in (4, 1):
    pred = torch.zeros(batch, 1)
    print(batch, pred.squeeze().shape, pred.squeeze(1).shape)

# 9 samples in batches of 4: the last batch holds 1, and cat refuses a 0-d tensor.
batches = [torch.zeros(4, 1), torch.ones(4, 1), torch.full((1, 1), 2.0)]
print(torch.cat([p.squeeze(1) for p in batches]))
try:
    torch.cat([p.squeeze() for p in batches])
except RuntimeError as e:
    print(type(e).__name__, e)
