import torch
import torch.nn.functional as F
from torch import nn

torch.manual_seed(0)

X = torch.ones(6, 8)
X[:, 2:6] = 0  # a black (0) band between white (1) columns
K = torch.tensor([[1.0, -1.0]])  # nonzero only where horizontal neighbors differ

Y = F.conv2d(X.reshape(1, 1, 6, 8), K.reshape(1, 1, 1, 2))
print(Y[0, 0])  # 1: white to black, -1: black to white
# Transposed, the edges run horizontally and this kernel sees none of them
print(F.conv2d(X.T.reshape(1, 1, 8, 6), K.reshape(1, 1, 1, 2)).abs().sum())

# Learn the kernel back from X and Y: a 1x2 convolution without bias
conv = nn.Conv2d(1, 1, kernel_size=(1, 2), bias=False)
optimizer = torch.optim.SGD(conv.parameters(), lr=0.03)
for step in range(1, 11):
    loss = ((conv(X.reshape(1, 1, 6, 8)) - Y) ** 2).sum()
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    if step % 2 == 0:
        print(f"step {step:2d}  loss {loss.item():.4f}")
print(conv.weight.detach().reshape(1, 2))
