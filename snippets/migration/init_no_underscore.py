# legacy: warns FutureWarning
import torch
import torch.nn as nn

torch.manual_seed(0)
layer = nn.Linear(4, 3)

# The 0.3 name, without the trailing underscore, still works but warns.
nn.init.xavier_uniform(layer.weight)

# Since 0.4 the init functions end in "_": they fill the tensor in place.
nn.init.xavier_uniform_(layer.weight)
nn.init.zeros_(layer.bias)
bound = (6 / (4 + 3)) ** 0.5  # xavier_uniform_ draws from U(-bound, bound)
print(layer.weight.abs().max().item() <= bound, layer.bias.tolist())
