import torch
import torch.nn as nn

torch.manual_seed(0)
model = nn.Linear(2, 1)
optimizer = torch.optim.SGD(model.parameters(), lr=0.01, momentum=0.9)
x, y = torch.randn(8, 2), torch.randn(8, 1)

for step in range(3):
    optimizer.zero_grad()  # clear last step's gradients (sets .grad to None)
    loss = nn.functional.mse_loss(model(x), y)
    loss.backward()
    optimizer.step()
    print(step, round(loss.item(), 4))

# Momentum keeps a running buffer per parameter in the optimizer's state.
print(optimizer.state_dict()["param_groups"][0]["momentum"])
print([tuple(s["momentum_buffer"].shape) for s in optimizer.state.values()])
