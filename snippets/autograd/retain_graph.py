import torch

torch.manual_seed(0)
b = torch.rand(1, requires_grad=True)
w = torch.rand(1, requires_grad=True)
y = w * b
z = y + b  # dz/dw = b, dz/db = w + 1

# retain_graph=True keeps the graph's buffers so backward can run again.
z.backward(retain_graph=True)
print(torch.allclose(w.grad, b), torch.allclose(b.grad, w + 1))

z.backward()  # the second pass accumulates: now twice the gradient
print(torch.allclose(w.grad, 2 * b))

# Without retain_graph, a third pass over the freed graph fails.
try:
    z.backward()
except RuntimeError as err:
    print("RuntimeError:", str(err).split(".")[0])
