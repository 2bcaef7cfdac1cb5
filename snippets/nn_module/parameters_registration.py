import torch
import torch.nn as nn


class Scaler(nn.Module):
    def __init__(self):
        super().__init__()
        self.scale = nn.Parameter(torch.ones(3))  # registered: trained, saved, moved
        self.offset = torch.zeros(3)  # a plain tensor attribute: NOT registered
        self.register_buffer("count", torch.tensor(0))  # saved and moved, not trained
        self.linear = nn.Linear(3, 2)  # sub-modules register their parameters too

    def forward(self, x):
        return self.linear(x * self.scale + self.offset)


model = Scaler()
for name, param in model.named_parameters():
    print(name, tuple(param.shape), param.requires_grad)

print(sum(p.numel() for p in model.parameters()), "parameters")
print(list(model.state_dict().keys()))
