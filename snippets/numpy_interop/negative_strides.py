import numpy as np
import torch

a = np.arange(5)
r = a[::-1]  # a reversed view of a: no copy, it steps backward through memory
print(r, r.strides)

# PyTorch tensors cannot have negative strides, so the conversion fails.
try:
    torch.from_numpy(r)
except ValueError as e:
    print(type(e).__name__, e)
# torch.tensor always copies, yet it refuses as well.
try:
    torch.tensor(r)
except ValueError as e:
    print("torch.tensor:", type(e).__name__)

# Fixes: copy into a fresh array, or let ascontiguousarray copy when it must.
print(torch.from_numpy(r.copy()), torch.from_numpy(np.ascontiguousarray(r)))
# Or reverse on the PyTorch side; flip makes a copy too.
print(torch.from_numpy(a).flip(0))
