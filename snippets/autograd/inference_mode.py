import torch

x = torch.ones(3, requires_grad=True)

# Like no_grad, inference_mode records nothing.
with torch.no_grad():
    a = x * 2
with torch.inference_mode():
    b = x * 2
print(a.requires_grad, b.requires_grad)

# But its results are "inference tensors", and that is for good.
print(a.is_inference(), b.is_inference())

# An inference tensor cannot be saved for backward, so a recorded op that needs it fails...
try:
    y = b * x
except RuntimeError as err:
    print("RuntimeError:", str(err).split(".")[0])

# ...while a no_grad result is an ordinary tensor.
(a * x).sum().backward()
print(x.grad)

# It skips bookkeeping that autograd would need, e.g. the version counter.
try:
    print(b._version)
except RuntimeError as err:
    print("RuntimeError:", err)
