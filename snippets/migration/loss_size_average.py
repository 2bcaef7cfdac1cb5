# legacy: warns UserWarning
import torch
import torch.nn as nn

pred = torch.tensor([1.0, 2.0, 3.0])
target = torch.tensor([1.0, 1.0, 1.0])

# 0.3-era flags: size_average=False sums instead of averaging, reduce=False
# returns the per-element losses. Both still work, with a warning.
print(nn.MSELoss(size_average=False)(pred, target))
print(nn.MSELoss(reduce=False)(pred, target))

# Since 0.4.1: one `reduction` argument, "mean" (the default), "sum" or "none".
print(nn.MSELoss(reduction="sum")(pred, target))
print(nn.MSELoss(reduction="none")(pred, target))
print(nn.MSELoss()(pred, target))
