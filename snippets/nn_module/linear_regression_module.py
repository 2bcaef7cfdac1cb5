import torch
import torch.nn as nn


class LinearRegression(nn.Module):
    def __init__(self, input_dim, output_dim):
        super().__init__()
        self.linear = nn.Linear(input_dim, output_dim)

    def forward(self, x):
        return self.linear(x)


torch.manual_seed(0)
model = LinearRegression(1, 1)
print(model)

# .to(device) moves every parameter and buffer; inputs must follow.
device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
model.to(device)
print(next(model.parameters()).device.type)

x = torch.tensor([[1.0], [2.0]], device=device)
print(model(x).shape)
