import torch

s = torch.tensor([[1.0, 2.0], [3.0, 4.0]]).sum()
x = torch.tensor([[1, 2], [3, 4]])

# .item() turns a one-element tensor into a Python number.
print(s, s.item(), type(s.item()).__name__)
print(float(s), int(x[1, 0]))

# .tolist() turns any tensor into (nested) Python lists.
print(x.tolist(), type(x.tolist()[0][0]).__name__)

# .item() needs exactly one element.
try:
    x.item()
except RuntimeError as e:
    print(type(e).__name__, e)
