# legacy: raises IndexError
import torch
import torch.nn as nn

torch.manual_seed(0)
loss = nn.MSELoss()(torch.randn(4), torch.randn(4))

# Now: .item() turns a one-element tensor into a Python number.
print(round(loss.item(), 4))

# PyTorch 0.3 code read the value with loss.data[0]. Since 0.4 a loss is 0-dimensional:
# indexing it warned in 0.4 and raises IndexError since 1.0.
print(loss.data[0])
