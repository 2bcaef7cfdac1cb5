import torch
import torch.nn as nn

torch.manual_seed(0)
x, y = torch.randn(16, 3), torch.randn(16, 1)
model = nn.Linear(3, 1)
optimizer = torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9)


def train(model, optimizer, epochs):
    for _ in range(epochs):
        optimizer.zero_grad()
        loss = nn.functional.mse_loss(model(x), y)
        loss.backward()
        optimizer.step()
    return loss.item()


loss = train(model, optimizer, epochs=5)

# A checkpoint holds everything needed to resume: model AND optimizer state.
torch.save(
    {
        "epoch": 5,
        "model": model.state_dict(),
        "optimizer": optimizer.state_dict(),
        "loss": loss,
    },
    "checkpoint.pth",
)

# Later: rebuild both objects, then load their states.
model2 = nn.Linear(3, 1)
optimizer2 = torch.optim.SGD(model2.parameters(), lr=0.1, momentum=0.9)
checkpoint = torch.load("checkpoint.pth")
model2.load_state_dict(checkpoint["model"])
optimizer2.load_state_dict(checkpoint["optimizer"])
print("resuming after epoch", checkpoint["epoch"], "loss", round(checkpoint["loss"], 4))

model2.train()  # back to training mode (model2.eval() for inference)
print(round(train(model2, optimizer2, epochs=5), 4))

# Resuming gives the same result as never having stopped:
print(round(train(model, optimizer, epochs=5), 4))
