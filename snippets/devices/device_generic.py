import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

# The current accelerator (CUDA, MPS, XPU, ...) when there is one, else the CPU.
if torch.accelerator.is_available():
    device = torch.accelerator.current_accelerator()  # cuda on a machine with an NVIDIA GPU
else:
    device = torch.device("cpu")
print("device:", device.type, "| accelerators:", torch.accelerator.device_count())

torch.manual_seed(0)
X = torch.randn(256, 4)  # the data starts in CPU memory, as a Dataset's usually does
y = X @ torch.tensor([[1.0], [-2.0], [3.0], [0.5]]) + 1
loader = DataLoader(TensorDataset(X, y), batch_size=64, shuffle=True)

# 1. The model: Module.to() moves the parameters in place and returns the module.
model = nn.Sequential(nn.Linear(4, 16), nn.ReLU(), nn.Linear(16, 1))
print("model.to returns the model:", model.to(device) is model)
print("parameters on:", {p.device.type for p in model.parameters()})
# Build the optimizer after the move, from the parameters where they now live.
optimizer = torch.optim.SGD(model.parameters(), lr=0.05)
loss_fn = nn.MSELoss()

# 2. Each batch: Tensor.to() returns a tensor on the device; assign it.
for epoch in range(20):
    for xb, yb in loader:
        xb, yb = xb.to(device), yb.to(device)
        loss = loss_fn(model(xb), yb)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
print(f"final batch loss {loss.item():.4f}, computed on {loss.device.type}")

# 3. Create new tensors directly on the device instead of creating and copying.
x_new = torch.randn(3, 4, device=device)  # allocated on the device
mask = torch.ones_like(x_new)  # *_like functions keep the device (and dtype)
print("x_new on", x_new.device.type, "| mask on", mask.device.type)
with torch.no_grad():
    print("predictions on", model(x_new * mask).device.type)
