import warnings

import numpy as np
import torch

# An array over immutable memory is read-only, e.g. np.frombuffer on bytes.
raw = np.frombuffer(bytes([1, 2, 3, 4]), dtype=np.uint8)
print(raw.flags.writeable)

# from_numpy shares the memory anyway, but the tensor is writable: it warns.
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    torch.from_numpy(raw)
print(caught[0].category.__name__ + ":", str(caught[0].message).split(". ")[0])

# Copy first (torch.tensor always copies): no warning, and writing is safe.
safe = torch.tensor(raw)
safe[0] = 100
print(safe, raw)
