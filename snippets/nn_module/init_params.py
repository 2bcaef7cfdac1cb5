import math

import torch
import torch.nn as nn

torch.manual_seed(0)
net = nn.Sequential(nn.Linear(64, 32), nn.ReLU(), nn.Linear(32, 1))
w = net[0].weight


def stats(t):
    return f"mean {t.mean():.4f}  std {t.std():.4f}  max|w| {t.abs().max():.4f}"


# Default init of nn.Linear: uniform in [-1/sqrt(in_features), 1/sqrt(in_features)].
print("default", stats(w), "bound", 1 / math.sqrt(64))


def init_normal(m):  # apply() calls this on every sub-module, then on net itself
    if isinstance(m, nn.Linear):
        nn.init.normal_(m.weight, mean=0.0, std=0.01)
        nn.init.zeros_(m.bias)


net.apply(init_normal)
print("normal_", stats(w), "bias", net[0].bias.abs().max().item())


def init_xavier(m):
    if isinstance(m, nn.Linear):
        nn.init.xavier_uniform_(m.weight)  # bound sqrt(6 / (fan_in + fan_out))


net.apply(init_xavier)
print("xavier ", stats(w), "bound", round(math.sqrt(6 / (64 + 32)), 4))

nn.init.constant_(net[2].weight, 0.5)  # one layer directly, no apply() needed
print("constant_", net[2].weight.unique().tolist())
