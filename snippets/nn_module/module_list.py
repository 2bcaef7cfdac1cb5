import torch
import torch.nn as nn


class Stack(nn.Module):
    def __init__(self, use_module_list):
        super().__init__()
        layers = [nn.Linear(4, 4) for _ in range(3)]
        # A plain list hides the layers from the module; ModuleList registers them.
        self.layers = nn.ModuleList(layers) if use_module_list else layers
        self.head = nn.Linear(4, 1)

    def forward(self, x):
        for layer in self.layers:
            x = torch.relu(layer(x))
        return self.head(x)


torch.manual_seed(0)
x = torch.randn(2, 4)
for use_module_list in (False, True):
    model = Stack(use_module_list)
    print("ModuleList" if use_module_list else "plain list")
    print("  forward works:", tuple(model(x).shape))  # so the bug is silent
    print("  parameters:", sum(p.numel() for p in model.parameters()))
    print("  state_dict:", list(model.state_dict()))
    model.to(torch.float64)
    print("  layers[0] after .to(float64):", model.layers[0].weight.dtype)
