import torch

X = torch.arange(6).reshape(2, 3)

# A Python number is combined with every element; the shape stays (2, 3).
print(X + 1)
print(2 * X, (2 * X).shape)
# The number may stand on either side: 10 - X subtracts each element from 10.
print(10 - X)

# An int tensor stays int64 with an int, and becomes float32 (not float64) with a float.
print((X * 2).dtype, (X * 0.5).dtype)
print(X * 0.5)
