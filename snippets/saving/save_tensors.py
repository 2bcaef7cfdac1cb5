import os

import torch

torch.manual_seed(0)
x = torch.randn(2, 3)

# A plain tensor, or a dict (or list) of tensors: weights_only=True loads them.
torch.save(x, "x.pt")
torch.save({"x": x, "steps": torch.arange(5, dtype=torch.int16)}, "tensors.pt")

y = torch.load("x.pt")
print(torch.equal(x, y), y.dtype, y.shape)
loaded = torch.load("tensors.pt")
print(list(loaded), loaded["steps"])

# A view is saved with its whole storage: clone a small slice before saving it.
big = torch.zeros(100_000)  # 400 kB of float32
torch.save(big[:10], "view.pt")
torch.save(big[:10].clone(), "clone.pt")
print(torch.load("view.pt").shape)
print(os.path.getsize("view.pt") // 1000, "kB vs", os.path.getsize("clone.pt") // 1000, "kB")
