import torch
import torch.nn as nn

torch.manual_seed(0)
model = nn.Linear(2, 1)
x, y = torch.randn(8, 2), torch.randn(8, 1)
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
# Multiply the learning rate by 0.5 every 2 epochs.
scheduler = torch.optim.lr_scheduler.StepLR(optimizer, step_size=2, gamma=0.5)

for epoch in range(6):
    lr = scheduler.get_last_lr()[0]  # the learning rate this epoch uses
    optimizer.zero_grad()
    loss = nn.functional.mse_loss(model(x), y)
    loss.backward()
    optimizer.step()  # first update the weights ...
    scheduler.step()  # ... then advance the schedule, once per epoch
    print(f"epoch {epoch}: lr {lr:.4g}, loss {loss.item():.4f}")

# Cosine annealing: from 0.1 down to eta_min over T_max epochs.
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
cosine = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=4, eta_min=0.0)
lrs = []
for _ in range(5):  # 5 epochs
    lrs.append(f"{cosine.get_last_lr()[0]:.4g}")
    optimizer.step()  # (a real loop trains here)
    cosine.step()
print("cosine:", " ".join(lrs))
