import torch

x = torch.arange(12).reshape(3, 4)
# stride(d): how many elements memory moves for one step along dim d.
print(x.stride(), x.is_contiguous())

# transpose only swaps the strides; memory keeps its order 0, 1, 2, ...
t = x.transpose(0, 1)
print(t.shape, t.stride(), t.is_contiguous())
print(t.reshape(-1))  # t's elements in t's order: not evenly spaced in memory

# The same in 3-D: after transpose(1, 2), view cannot merge the last two dims.
y = torch.arange(24).reshape(2, 3, 4).transpose(1, 2)  # (2, 4, 3)
print(y.stride(), y.is_contiguous())
try:
    y.view(2, 12)
except RuntimeError as e:
    print(type(e).__name__, e)

# .contiguous() copies into row-major order; then view works.
c = y.contiguous()
print(c.stride(), c.data_ptr() == y.data_ptr(), c.view(2, 12).shape)
# reshape does the same in one step; on a contiguous tensor, contiguous() is free.
print(torch.equal(y.reshape(2, 12), c.view(2, 12)), c.contiguous() is c)
