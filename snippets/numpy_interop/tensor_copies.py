import numpy as np
import torch

x = np.array([1.0, 2.0, 3.0])

copied = torch.tensor(x)  # always copies
shared = torch.as_tensor(x)  # shares when it can (same dtype, CPU)

x[0] = 10.0
print(copied)
print(shared)

# NumPy's default float64 stays float64; models usually want float32.
print(copied.dtype, torch.from_numpy(x).float().dtype)
