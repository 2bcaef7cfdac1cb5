import torch

X = torch.arange(6).reshape(2, 3)
Y = X * 10

# cat joins along an existing dim; the other dims must match.
print(torch.cat((X, Y), dim=0).shape, torch.cat((X, Y), dim=1).shape)
print(torch.cat((X, Y), dim=1))

# stack adds a NEW dim at position dim; all inputs must have the same shape.
print(torch.stack((X, Y), dim=0).shape, torch.stack((X, Y), dim=2).shape)

# Typical use: stack single samples into a batch.
samples = [torch.tensor([1.0, 2.0]), torch.tensor([3.0, 4.0]), torch.tensor([5.0, 6.0])]
print(torch.stack(samples).shape, torch.cat(samples).shape)
