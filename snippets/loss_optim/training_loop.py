import numpy as np
import torch
import torch.nn as nn

torch.manual_seed(0)

# Data: y = 2x + 1 for x = 0..10.
x_train = np.arange(11, dtype=np.float32).reshape(-1, 1)
y_train = 2 * x_train + 1


class LinearRegression(nn.Module):
    def __init__(self):
        super().__init__()
        self.linear = nn.Linear(1, 1)

    def forward(self, x):
        return self.linear(x)


device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
model = LinearRegression().to(device)
criterion = nn.MSELoss()
optimizer = torch.optim.SGD(model.parameters(), lr=0.01)

inputs = torch.from_numpy(x_train).to(device)
labels = torch.from_numpy(y_train).to(device)

# Full-batch gradient descent: every step uses all 11 samples, so 1 epoch = 1 step.
for epoch in range(1, 1001):
    optimizer.zero_grad()  # 1. clear old gradients
    outputs = model(inputs)  # 2. forward pass
    loss = criterion(outputs, labels)  # 3. loss
    loss.backward()  # 4. backward pass
    optimizer.step()  # 5. update the weights
    if epoch % 50 == 0:
        print(f"epoch {epoch}, loss {loss.item():.3e}")

# Predict without building a graph, then bring the result back to NumPy.
with torch.no_grad():
    predicted = model(inputs).cpu().numpy()
print(" ".join(f"{value:.3f}" for value in predicted.ravel()))
print(f"w = {model.linear.weight.item():.4f}, b = {model.linear.bias.item():.4f}")
