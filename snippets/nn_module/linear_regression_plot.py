import matplotlib.pyplot as plt
import torch
import torch.nn as nn


class LinearRegression(nn.Module):
    def __init__(self, input_dim, output_dim):
        super().__init__()
        self.linear = nn.Linear(input_dim, output_dim)

    def forward(self, x):
        return self.linear(x)


torch.manual_seed(0)

# Noisy measurements of y = 2x + 1 for x = 0..10.
x = torch.arange(11.0).reshape(-1, 1)
y = 2 * x + 1 + torch.randn(11, 1)

model = LinearRegression(1, 1)
lr = 0.01  # learning rate: the size of each step
for _ in range(1000):
    loss = ((model(x) - y) ** 2).mean()  # mean squared error
    loss.backward()  # fills .grad of every parameter
    # Gradient descent by hand: move each parameter against its gradient.
    with torch.no_grad():
        for param in model.parameters():
            param -= lr * param.grad
            param.grad = None  # gradients accumulate: clear them for the next step

w, b = model.linear.weight.item(), model.linear.bias.item()
print(f"w = {w:.3f}, b = {b:.3f}, loss = {loss.item():.3f}")

# The fitted line: the model's predictions, without building a graph.
with torch.no_grad():
    predicted = model(x)

fig, ax = plt.subplots(figsize=(5, 3.5), layout="constrained")
ax.scatter(x, y, label="data")
ax.plot(x, predicted, "C1", label=f"fitted: y = {w:.2f}x + {b:.2f}")
ax.plot(x, 2 * x + 1, "k:", label="true: y = 2x + 1")
ax.set_title("Linear regression after 1000 gradient-descent steps")
ax.set_xlabel("x")
ax.set_ylabel("y")
ax.legend()
plt.show()
