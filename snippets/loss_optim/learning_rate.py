import torch
import torch.nn as nn

# The same tiny problem for every run: fit y = 2x + 1 for x = 0..10.
x = torch.arange(11.0).reshape(-1, 1)
y = 2 * x + 1

for lr in (0.0001, 0.01, 0.1):
    torch.manual_seed(0)  # the same starting weights for every run
    model = nn.Linear(1, 1)
    optimizer = torch.optim.SGD(model.parameters(), lr=lr)
    losses = []
    for step in range(61):
        loss = nn.functional.mse_loss(model(x), y)
        if step % 10 == 0:
            losses.append(f"{loss.item():.3g}")  # the loss at steps 0, 10, ..., 60
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()  # param -= lr * param.grad
    print(f"lr={lr:<6}", " ".join(losses))
