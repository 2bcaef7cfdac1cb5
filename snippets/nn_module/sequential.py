import torch
import torch.nn as nn

torch.manual_seed(0)
# Layers run in the order they are listed; Flatten turns (N, 3, 4) into (N, 12).
net = nn.Sequential(
    nn.Flatten(),
    nn.Linear(12, 8),
    nn.ReLU(),
    nn.Linear(8, 3),
)
print(net)

x = torch.randn(2, 3, 4)  # a batch of 2 samples of shape (3, 4)
print(net[0](x).shape)  # after Flatten
print(net(x).shape)  # 2 samples, 3 outputs each

# A Sequential can be indexed and sliced like a list.
print(net[1])
print(net[-1].weight.shape)  # (out_features, in_features)
print(net[:2](x).shape)  # a new Sequential with the first two layers
