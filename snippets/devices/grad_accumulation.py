import torch
from torch import nn

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(20, 64), nn.ReLU(), nn.Linear(64, 1))
loss_fn = nn.MSELoss()
X, y = torch.randn(256, 20), torch.randn(256, 1)

# One batch of 256.
model.zero_grad()
loss_fn(model(X), y).backward()
big = [p.grad.clone() for p in model.parameters()]

# Four micro-batches of 64: backward() adds into .grad, so call it four times
# before a single optimizer step. Divide each loss by 4 to get the same mean.
accum_steps = 4
model.zero_grad()
for xb, yb in zip(X.chunk(accum_steps), y.chunk(accum_steps)):
    loss = loss_fn(model(xb), yb) / accum_steps
    loss.backward()  # only one micro-batch's activations are alive at a time
small = [p.grad for p in model.parameters()]

diff = max((a - b).abs().max().item() for a, b in zip(big, small))
print(f"max abs difference between the gradients: {diff:.1e}")
print("same gradient:", all(torch.allclose(a, b, atol=1e-6) for a, b in zip(big, small)))

# In a training loop: step and zero the gradients every accum_steps batches.
optimizer = torch.optim.SGD(model.parameters(), lr=0.05)
model.zero_grad()
for i, (xb, yb) in enumerate(zip(X.chunk(16), y.chunk(16)), start=1):  # 16 batches of 16
    (loss_fn(model(xb), yb) / accum_steps).backward()
    if i % accum_steps == 0:
        optimizer.step()
        optimizer.zero_grad()
        print(f"optimizer step after batch {i}")
