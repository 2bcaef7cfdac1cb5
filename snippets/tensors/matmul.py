import torch

A = torch.arange(6.0).reshape(2, 3)
B = torch.ones(3, 2)
v = torch.tensor([1.0, 0.0, 2.0])

# * is element-wise (shapes must broadcast); @ is the matrix product.
print(A * A)
print(A @ B)  # (2, 3) @ (3, 2) -> (2, 2)
print(torch.mm(A, B).equal(A @ B), torch.matmul(A, B).equal(A @ B))

# Matrix times vector: (2, 3) @ (3,) -> (2,); torch.mv is the same.
print(A @ v, torch.mv(A, v))
# Vector times vector: the dot product, a 0-d tensor.
print(v @ v, torch.dot(v, v))

# The inner sizes must agree: (2, 3) @ (2, 3) fails.
try:
    A @ A
except RuntimeError as e:
    print(type(e).__name__, e)

# matmul (and @) treat leading dims as a batch; mm takes 2-D only.
print((torch.ones(4, 2, 3) @ B).shape)
