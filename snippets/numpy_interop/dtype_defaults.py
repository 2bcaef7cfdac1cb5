import numpy as np
import torch

# The same numbers: a list gives torch's default float32, an array keeps NumPy's float64.
a = np.array([1.5, 2.0])
print(torch.tensor([1.5, 2.0]).dtype, a.dtype, torch.tensor(a).dtype)
# Conversions keep the array's dtype: float64 -> torch.float64, int64 -> torch.int64.
print(torch.from_numpy(a).dtype, torch.from_numpy(np.arange(3)).dtype)

# float32 weights (like a model's parameters) meet float64 data from NumPy.
W = torch.ones(3, 2)
X = torch.from_numpy(np.ones((4, 3)))
print((X + W[:, 0]).dtype)  # element-wise: promoted to float64 without a word
try:
    X @ W  # matrix products refuse to mix dtypes
except RuntimeError as e:
    print(type(e).__name__, e)

# The usual fix: convert the data to float32 once, when it enters PyTorch.
print((X.float() @ W).dtype)
