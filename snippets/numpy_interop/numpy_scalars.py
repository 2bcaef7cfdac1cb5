import numpy as np
import torch

# Reductions and indexing in NumPy return NumPy scalars, not Python floats.
m = np.array([1.0, 2.0]).mean()
print(type(m).__name__, type(m.item()).__name__)

# torch.tensor keeps a NumPy scalar's dtype and gives a 0-d tensor.
print(torch.tensor(m).dtype, torch.tensor(m.item()).dtype, torch.tensor(m).shape)

# from_numpy accepts only arrays: a NumPy scalar is not one...
try:
    torch.from_numpy(m)
except TypeError as e:
    print(type(e).__name__, e)
# ...but a 0-d array is, and it gives a 0-d tensor.
z = torch.from_numpy(np.array(3.0))
print(z.shape, z.dtype, z.item())
