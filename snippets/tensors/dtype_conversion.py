import torch

a = torch.tensor([[2, 3], [4, 5]])
print(a.dtype)

# Shorthand methods and the general .to(dtype) convert to another dtype.
print(a.float().dtype, a.double().dtype)
print(a.to(torch.float16).dtype)
print(a.to(torch.float32))

# A real conversion makes a new tensor; asking for the dtype a tensor
# already has returns the tensor itself, not a copy.
f = a.float()
print(f is a, f.float() is f, f.to(torch.float32) is f)
f.float()[0, 0] = 100.0  # writes into f
print(f[0, 0].item())

# Converting floats to integers truncates toward zero.
x = torch.tensor([1.7, -1.7])
print(x.long())
