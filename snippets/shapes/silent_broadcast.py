import torch

pred = torch.tensor([[1.0], [2.0], [3.0], [4.0]])  # one output per sample: (4, 1)
target = torch.tensor([1.0, 2.0, 3.0, 5.0])  # one label per sample: (4,)

# (4, 1) - (4,) broadcasts to (4, 4): every prediction minus every target.
diff = pred - target
print(diff.shape)
print((diff**2).mean())  # a number, no error, and not the mean squared error

# Make the shapes agree first; both ways give the real value, 0.25.
print(((pred.squeeze(1) - target) ** 2).mean())
print(((pred - target.unsqueeze(1)) ** 2).mean())

# A cheap guard where shapes matter.
assert pred.squeeze(1).shape == target.shape
