import torch
import torch.nn as nn


class XxxNet(nn.Module):
    def __init__(self, in_channels=3, out_channels=8, kernel_size=3):
        super().__init__()  # always first: it sets up parameter registration
        self.conv1 = nn.Conv2d(in_channels, out_channels, kernel_size)
        self.relu = nn.ReLU()
        # other layers go here

    def forward(self, x):
        # Only forward is written by hand; autograd derives the backward pass.
        x = self.conv1(x)
        return self.relu(x)


model = XxxNet()
print(model)

torch.manual_seed(0)
x = torch.randn(2, 3, 16, 16)  # (batch, channels, height, width)
y = model(x)  # call the module, not model.forward(x), so hooks run
print(y.shape)
