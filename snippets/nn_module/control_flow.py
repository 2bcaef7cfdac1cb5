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
        # Python control flow: ONE decision per call, for the whole batch.
        if h.sum() > 0:
            return self.pos(h)
        return self.neg(h)


class PerSample(Branchy):  # the same layers, a different forward
    def forward(self, x):
        h = self.hidden(x)
        # One decision per sample: compute both branches, pick row by row.
        positive = h.sum(dim=1, keepdim=True) > 0  # shape (N, 1)
        return torch.where(positive, self.pos(h), self.neg(h))


torch.manual_seed(0)
branchy = Branchy()
torch.manual_seed(0)
per_sample = PerSample()  # same seed: the same weights as branchy

x = torch.tensor([[1.0] * 4, [-1.0] * 4, [2.0] * 4])  # a batch of 3 samples
with torch.no_grad():  # only looking at values: no graph needed
    h = branchy.hidden(x)
    print("h.sum() > 0, whole batch:", (h.sum() > 0).item())
    print("h.sum() > 0, per sample: ", (h.sum(dim=1) > 0).tolist())
    print("if, whole batch:", branchy(x).flatten())
    print("if, one by one: ", torch.cat([branchy(row.unsqueeze(0)) for row in x]).flatten())
    print("where, batch:   ", per_sample(x).flatten())

# Only the branch that actually ran gets gradients; with where, both do.
for name, net in (("if", branchy), ("where", per_sample)):
    net(x).sum().backward()
    has_grad = [layer.weight.grad is not None for layer in (net.pos, net.neg)]
    print(f"{name:<5} pos has grad: {has_grad[0]}, neg has grad: {has_grad[1]}")
