import torch
import torch.nn as nn

x = torch.arange(11.0).reshape(-1, 1)
y = 2 * x + 1


def train(name, make_optimizer, steps=101):
    torch.manual_seed(0)  # the same model and data for every optimizer
    model = nn.Linear(1, 1)
    optimizer = make_optimizer(model.parameters())
    losses = []
    for step in range(steps):
        loss = nn.functional.mse_loss(model(x), y)
        if step % 20 == 0:
            losses.append(f"{loss.item():.3g}")  # steps 0, 20, ..., 100
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    print(f"{name:<14}", " ".join(losses))
    return optimizer


train("SGD lr=0.01", lambda params: torch.optim.SGD(params, lr=0.01))
adam = train("Adam lr=0.001", lambda params: torch.optim.Adam(params))  # default lr
train("Adam lr=0.1", lambda params: torch.optim.Adam(params, lr=0.1))

# Default hyperparameters live in optimizer.defaults.
print({k: adam.defaults[k] for k in ("lr", "betas", "eps", "weight_decay")})
adamw = torch.optim.AdamW(nn.Linear(1, 1).parameters())
print("AdamW weight_decay:", adamw.defaults["weight_decay"])
sgd = torch.optim.SGD(nn.Linear(1, 1).parameters())
print("SGD lr:", sgd.defaults["lr"])
