import copy

import torch
from torch import nn

if torch.accelerator.is_available():
    device = torch.accelerator.current_accelerator()
else:
    device = torch.device("cpu")
use_cuda = device.type == "cuda"
# float16 needs a GradScaler; bfloat16 has float32's range and does not.
amp_dtype = torch.float16 if use_cuda else torch.bfloat16

torch.manual_seed(0)
X = torch.randn(512, 20, device=device)
y = (X[:, :10].sum(dim=1) > X[:, 10:].sum(dim=1)).long()
model = nn.Sequential(nn.Linear(20, 64), nn.ReLU(), nn.Linear(64, 2)).to(device)
reference = copy.deepcopy(model)  # the same start, trained in float32 below
loss_fn = nn.CrossEntropyLoss()


def train(model, use_amp, epochs=10):
    optimizer = torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9)
    # With enabled=False every GradScaler method passes through: one loop for all cases.
    scaler = torch.amp.GradScaler("cuda", enabled=use_amp and use_cuda)
    for epoch in range(epochs):
        for xb, yb in zip(X.split(64), y.split(64)):
            # Only the forward pass and the loss go inside autocast.
            with torch.autocast(device_type=device.type, dtype=amp_dtype, enabled=use_amp):
                loss = loss_fn(model(xb), yb)
            optimizer.zero_grad()
            scaler.scale(loss).backward()  # multiplies the loss by the scale first
            scaler.step(optimizer)  # unscales the gradients; skips the step on inf/NaN
            scaler.update()  # adjusts the scale for the next iteration
    print(
        f"autocast {use_amp} on {device.type}: GradScaler enabled {scaler.is_enabled()}, "
        f"loss {loss.dtype}, grads {model[0].weight.grad.dtype}"
    )


def accuracy(model):
    with torch.no_grad():
        return (model(X).argmax(dim=1) == y).float().mean().item()


train(model, use_amp=True)
train(reference, use_amp=False)
print(
    f"training accuracy: mixed precision ({amp_dtype}) {accuracy(model):.2f}, float32 {accuracy(reference):.2f}"
)
