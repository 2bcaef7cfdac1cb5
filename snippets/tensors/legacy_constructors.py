import torch

# torch.Tensor(...) is the class constructor: it always makes float32,
# even from integers. torch.tensor(...) infers the dtype from the data.
a = torch.Tensor([[2, 3], [4, 5], [6, 7]])
print(a.dtype, torch.tensor([[2, 3], [4, 5], [6, 7]]).dtype)

# The typed constructors of old tutorials still exist.
b = torch.LongTensor([[2, 3], [4, 5], [6, 7]])
print(b.dtype)

# The trap: given integers alone, torch.Tensor reads them as a SHAPE
# (and leaves the memory uninitialised); torch.tensor reads them as data.
print(torch.Tensor(3).shape, torch.tensor(3).shape)
print(torch.tensor(3))
