import torch

u = torch.tensor([3.0, -4.0])

# L2 norm (the default): square root of the sum of squares, the vector's length.
print(torch.linalg.vector_norm(u), torch.sqrt((u**2).sum()))
# L1 norm: the sum of absolute values.
print(torch.linalg.vector_norm(u, ord=1), torch.abs(u).sum())
# ord=inf: the largest absolute value.
print(torch.linalg.vector_norm(u, ord=float("inf")))

# Frobenius norm: the L2 norm of all a matrix's entries. ones(4, 9): sqrt(36) = 6
M = torch.ones(4, 9)
print(torch.linalg.matrix_norm(M), torch.linalg.vector_norm(M))

# dim= gives one norm per row, like sum(dim=1).
X = torch.tensor([[3.0, 4.0], [6.0, 8.0], [1.0, 0.0]])
print(torch.linalg.vector_norm(X, dim=1))
# keepdim=True lets the norms broadcast: every row scaled to length 1.
unit = X / torch.linalg.vector_norm(X, dim=1, keepdim=True)
print(unit)
print(torch.linalg.vector_norm(unit, dim=1))
