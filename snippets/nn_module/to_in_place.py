import torch
import torch.nn as nn

# Module.to() changes the module in place and returns the module itself.
m = nn.Linear(2, 2)
print(m.to(torch.float64) is m, m.weight.dtype)

# Tensor.to() returns a new tensor and leaves the original alone.
t = torch.ones(2)
t64 = t.to(torch.float64)
print(t64 is t, t.dtype, t64.dtype)
t = t.to(torch.float64)  # so for tensors, assign the result
print(t.dtype)

# When there is nothing to convert, Tensor.to() returns the tensor itself.
print(t.to(torch.float64) is t)
