import numpy as np
import torch

x = np.array([1.0, 2.0, 3.0])

copied = torch.tensor(x)  # always copies
shared = torch.as_tensor(x)  # shares when it can (same dtype, CPU)

x[0] = 10.0
print(copied)
print(shared)

# NumPy's default float64 stays float64; models usually want float32.
# Converting the dtype makes a new tensor, which no longer shares memory.
f32 = torch.from_numpy(x).float()
x[1] = 20.0
print(copied.dtype, f32.dtype, f32[1].item(), shared[1].item())
