import torch
import torch.nn as nn

torch.manual_seed(0)
x = torch.randn(10, 3)
y = torch.randn(10, 2)

linear = nn.Linear(3, 2)
print("w:", linear.weight)
print("b:", linear.bias)

criterion = nn.MSELoss()
# torch.optim.SGD, given all 10 samples at every step: plain gradient descent.
optimizer = torch.optim.SGD(linear.parameters(), lr=0.01)

# Forward pass and loss.
pred = linear(x)
loss = criterion(pred, y)
print("loss:", loss.item())

# Backward pass: gradients of the loss w.r.t. weight and bias.
loss.backward()
print("dL/dw:", linear.weight.grad)
print("dL/db:", linear.bias.grad)

# One step of gradient descent, then the loss again.
optimizer.step()
loss = criterion(linear(x), y)
print("loss after 1 step:", loss.item())
