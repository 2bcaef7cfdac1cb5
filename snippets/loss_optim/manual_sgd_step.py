import copy

import torch
import torch.nn as nn

torch.manual_seed(0)
x = torch.randn(10, 3)
y = torch.randn(10, 2)
by_hand = nn.Linear(3, 2)
by_optimizer = copy.deepcopy(by_hand)
lr = 0.01

# The same step twice: once with torch.optim.SGD ...
optimizer = torch.optim.SGD(by_optimizer.parameters(), lr=lr)
nn.MSELoss()(by_optimizer(x), y).backward()
optimizer.step()

# ... and once by hand, inside no_grad: outside it, an in-place update of a leaf that
# requires grad raises (old tutorials wrote `param.data.sub_(lr * param.grad.data)`).
nn.MSELoss()(by_hand(x), y).backward()
with torch.no_grad():
    for param in by_hand.parameters():
        param -= lr * param.grad

print(torch.allclose(by_hand.weight, by_optimizer.weight))
print(torch.allclose(by_hand.bias, by_optimizer.bias))
