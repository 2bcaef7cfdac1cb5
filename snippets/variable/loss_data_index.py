# legacy: raises IndexError
import torch
import torch.nn as nn

torch.manual_seed(0)
loss = nn.MSELoss()(torch.randn(4), torch.randn(4))

# Today: .item() turns a one-element tensor into a Python number.
print(round(loss.item(), 4))

# PyTorch 0.3 code read the value with loss.data[0]; a loss is 0-dimensional now.
print(loss.data[0])
