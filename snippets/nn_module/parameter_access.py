import torch
import torch.nn as nn

torch.manual_seed(0)
net = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 1))

# One layer's parameters: a Parameter is a tensor that requires grad.
print(net[2].bias)
print(type(net[2].bias).__name__, net[2].bias.requires_grad)
print(net[2].weight.grad)  # None until a backward pass has run

# Every parameter of the model, named by its position (ReLU, at 1, has none).
for name, param in net.named_parameters():
    print(name, tuple(param.shape))
print(net.state_dict()["2.bias"])  # the same values, looked up by name

net(torch.randn(3, 4)).sum().backward()
print(net[2].weight.grad.shape)
