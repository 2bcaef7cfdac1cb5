import numpy as np
import torch

x = np.array([[1, 2], [3, 4]])

# from_numpy shares memory with the array: no copy is made.
t = torch.from_numpy(x)
print(t, t.dtype)

x[0, 0] = 100  # change the array...
print(t)  # ...and the tensor sees it

# .numpy() goes the other way, also sharing memory (for CPU tensors).
z = t.numpy()
t[1, 1] = -1
print(z)
