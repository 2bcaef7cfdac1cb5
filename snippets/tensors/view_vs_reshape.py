import torch

a = torch.arange(6).reshape(2, 3)

# On a contiguous tensor, view and reshape both share a's memory.
print(a.is_contiguous())
print(a.view(3, 2).data_ptr() == a.data_ptr(), a.reshape(-1).data_ptr() == a.data_ptr())

# The transpose shares the memory too, but reads it in another order.
t = a.T
print(t.is_contiguous(), t.data_ptr() == a.data_ptr())

# view never copies, so it cannot flatten t...
try:
    t.view(-1)
except RuntimeError as e:
    print(type(e).__name__, e)

# ...reshape copies when it must: new memory, so writing to it leaves a alone.
r = t.reshape(-1)
print(r, r.data_ptr() == a.data_ptr())
r[0] = 100
print(a[0, 0].item())
