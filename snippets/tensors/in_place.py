import torch

y = torch.tensor([1.0, 2.0, 3.0])
x = torch.ones(3)
old = x

# x = x + y builds a new tensor and rebinds the name x; old is untouched.
x = x + y
print(x is old, old)

# x += y writes into the same tensor: everyone holding it sees the change.
x = old
x += y
print(x is old, old)

# z[:] = ... stores a result in z's existing memory (no new allocation for z).
z = torch.zeros(3)
ptr = z.data_ptr()
z[:] = x * y
print(z, z.data_ptr() == ptr)

# Methods ending in _ are in place as well.
z.mul_(0.5)
print(z, z.data_ptr() == ptr)

# Autograd forbids in-place changes to a leaf tensor that requires grad.
w = torch.ones(2, requires_grad=True)
try:
    w += 1
except RuntimeError as e:
    print(type(e).__name__, e)
