import torch

x = torch.tensor([1.0, 2.0], requires_grad=True)

# Inside no_grad, results are not tracked: use it for evaluation and manual updates.
with torch.no_grad():
    y = x * 2
print(y.requires_grad)


# The same as a decorator.
@torch.no_grad()
def predict(t):
    return t * 2


print(predict(x).requires_grad)

# detach() returns a tensor that shares memory with x but is cut off from the graph.
d = x.detach()
print(d.requires_grad)
d[0] = 10.0
print(x)  # x changed too: same storage
