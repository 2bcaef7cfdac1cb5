import torch

# torch.Tensor(...) is the class constructor: it makes the DEFAULT dtype,
# even from integers. torch.tensor(...) infers the dtype from the data.
print(torch.get_default_dtype())
a = torch.Tensor([[2, 3], [4, 5], [6, 7]])
print(a.dtype, torch.tensor([[2, 3], [4, 5], [6, 7]]).dtype)

# Change the default and torch.Tensor follows (float data in torch.tensor too).
torch.set_default_dtype(torch.float64)
print(torch.Tensor([1]).dtype, torch.tensor([1.0]).dtype, torch.tensor([1]).dtype)
torch.set_default_dtype(torch.float32)  # back to the usual default

# The typed constructors of old tutorials still exist.
b = torch.LongTensor([[2, 3], [4, 5], [6, 7]])
print(b.dtype)

# The trap: given integers alone, torch.Tensor reads them as a SHAPE
# (and leaves the memory uninitialized); torch.tensor reads them as data.
print(torch.Tensor(3).shape, torch.tensor(3).shape)
print(torch.tensor(3))
