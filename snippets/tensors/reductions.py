import torch

X = torch.tensor([[1.0, 5.0, 3.0], [4.0, 2.0, 9.0]])

# Without dim: all elements, a 0-d tensor.
print(X.sum(), X.mean())
# With dim: that dim disappears. (2, 3) -> (3,) or (2,)
print(X.sum(dim=0), X.sum(dim=1))
# keepdim=True keeps it, with size 1: (2, 3) -> (2, 1)
print(X.sum(dim=1, keepdim=True).shape)

# max along a dim gives values and indices; argmax gives the indices only.
values, indices = X.max(dim=1)
print(values, indices, X.argmax(dim=1))
print(X.max(), X.argmax())  # no dim: index into the flattened tensor

# keepdim makes the result broadcast back: divide each row by its own sum.
rows = X / X.sum(dim=1, keepdim=True)
print(rows.sum(dim=1))
# Without keepdim the shapes (2, 3) and (2,) do not broadcast.
try:
    X / X.sum(dim=1)
except RuntimeError as e:
    print(type(e).__name__, e)
