import torch
import torch.nn as nn


class TwoLayerNet(nn.Module):
    def __init__(self, in_features=4, hidden=8, out_features=3):
        super().__init__()  # always first: it sets up parameter registration
        self.fc1 = nn.Linear(in_features, hidden)
        self.relu = nn.ReLU()
        self.fc2 = nn.Linear(hidden, out_features)
        # other layers go here

    def forward(self, x):
        # Only forward is written by hand; autograd derives the backward pass.
        x = self.relu(self.fc1(x))
        return self.fc2(x)


torch.manual_seed(0)
model = TwoLayerNet()
print(model)

x = torch.randn(2, 4)  # (batch, features): 2 samples of 4 features
y = model(x)  # call the module, not model.forward(x), so hooks run
print(y.shape)
