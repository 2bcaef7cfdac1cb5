# legacy: warns UserWarning
import torch
import torch.nn as nn


def train(scheduler_first):
    torch.manual_seed(0)
    model = nn.Linear(2, 1)
    optimizer = torch.optim.SGD(model.parameters(), lr=1.0)
    scheduler = torch.optim.lr_scheduler.StepLR(optimizer, step_size=1, gamma=0.5)
    used = []
    for _epoch in range(3):
        if scheduler_first:
            scheduler.step()  # the pre-1.1 order
        optimizer.zero_grad()
        model(torch.ones(1, 2)).sum().backward()
        used.append(optimizer.param_groups[0]["lr"])  # lr of this update
        optimizer.step()
        if not scheduler_first:
            scheduler.step()  # since 1.1: after optimizer.step()
    return used


print("scheduler first:", train(scheduler_first=True))  # skips lr = 1.0
print("optimizer first:", train(scheduler_first=False))
