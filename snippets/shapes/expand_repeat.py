import torch

v = torch.tensor([[1.0], [2.0], [3.0]])  # (3, 1)

# expand: a view that repeats a size-1 dim without copying (its stride is 0).
e = v.expand(3, 4)  # -1 would keep a size: v.expand(-1, 4)
print(e)
print(e.stride(), e.data_ptr() == v.data_ptr())

# repeat: a real copy, tiled 1 time along dim 0 and 4 times along dim 1.
r = v.repeat(1, 4)
print(r.stride(), r.data_ptr() == v.data_ptr())
print(e.untyped_storage().nbytes(), r.untyped_storage().nbytes())  # bytes used

# e reads v's memory, so a change to v shows in e (but not in the copy r).
v[0, 0] = 10.0
print(e[0], r[0])

# Writing one element of e writes v[1, 0], which the whole row 1 reads.
e[1, 0] = 20.0
print(e[1])
# An in-place op on all of e would write each memory cell 4 times: refused.
try:
    e.add_(1)
except RuntimeError as err:
    print(type(err).__name__, err)
c = e.clone()  # a real copy, one cell per element
c.add_(1)
print(c[1])

# repeat tiles the whole tensor; repeat_interleave repeats each element.
w = torch.tensor([1, 2, 3])
print(w.repeat(2), w.repeat_interleave(2))
