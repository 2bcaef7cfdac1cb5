import torch
import torch.nn as nn


class Branchy(nn.Module):
    def __init__(self):
        super().__init__()
        self.hidden = nn.Linear(4, 4)
        self.pos = nn.Linear(4, 1)
        self.neg = nn.Linear(4, 1)

    def forward(self, x):
        h = self.hidden(x)
        # Ordinary Python control flow, decided by the data.
        if h.sum() > 0:
            return self.pos(h)
        return self.neg(h)


torch.manual_seed(0)
net = Branchy()
for x in (torch.ones(1, 4), -torch.ones(1, 4)):
    net.zero_grad()
    net(x).sum().backward()
    # Only the branch that actually ran gets gradients.
    print("pos:", net.pos.weight.grad is not None, "neg:", net.neg.weight.grad is not None)
