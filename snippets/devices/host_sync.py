import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

if torch.accelerator.is_available():
    device = torch.accelerator.current_accelerator()  # cuda on a machine with an NVIDIA GPU
else:
    device = torch.device("cpu")
torch.manual_seed(0)

# Each of these needs the values in Python, so the CPU waits for the device.
x = torch.tensor([0.5, -1.0, 2.0], device=device)
print("item:", x.sum().item())  # a Python number
print("tolist:", x.tolist())  # Python numbers
print("cpu:", x.cpu())  # a copy in CPU memory; print(x) copies too
print("nonzero:", torch.nonzero(x > 0).flatten().tolist())  # output size depends on the values
if x.max() > 1:  # bool(tensor): Python must know the answer now
    print("if: the max is above 1")
# These stay on the device and do not wait: the result's size is known in advance.
print("no wait:", (x > 0).sum().device.type, torch.where(x > 0, x, 0.0).device.type)

X = torch.randn(512, 8)
y = (X.sum(dim=1) > 0).long()
loader = DataLoader(TensorDataset(X, y), batch_size=64, shuffle=True)
model = nn.Sequential(nn.Linear(8, 32), nn.ReLU(), nn.Linear(32, 2)).to(device)
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
loss_fn = nn.CrossEntropyLoss()

# Sum the loss and the correct count on the device; read them once per epoch.
for epoch in range(3):
    total_loss = torch.zeros((), device=device)
    correct = torch.zeros((), device=device)
    for xb, yb in loader:
        xb, yb = xb.to(device), yb.to(device)
        logits = model(xb)
        loss = loss_fn(logits, yb)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        total_loss += loss.detach() * len(yb)  # detach: keep the number, not the graph
        correct += (logits.argmax(dim=1) == yb).sum()
    # The one wait of this epoch: both numbers come back in one copy.
    loss_sum, n_correct = torch.stack([total_loss, correct]).tolist()
    print(f"epoch {epoch}: loss {loss_sum / len(X):.4f}, acc {n_correct / len(X):.3f}")
print(f"reads per epoch: 1 here, {2 * len(loader)} with two .item() calls per batch")
