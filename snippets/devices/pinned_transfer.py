import torch
from torch.utils.data import DataLoader, TensorDataset

if torch.accelerator.is_available():
    device = torch.accelerator.current_accelerator()  # cuda on a machine with an NVIDIA GPU
else:
    device = torch.device("cpu")
torch.manual_seed(0)
dataset = TensorDataset(torch.randn(1000, 3, 8, 8), torch.randint(0, 10, (1000,)))

# Pinned (page-locked) memory only helps copies to an accelerator; without one,
# pin_memory=True does nothing but warn, so ask for it only when it helps.
pin = torch.accelerator.is_available()
loader = DataLoader(dataset, batch_size=100, shuffle=True, pin_memory=pin)
print("pin_memory:", pin)

for xb, yb in loader:
    print("batch pinned:", xb.is_pinned(), yb.is_pinned())
    # non_blocking=True: start the copy and return at once (when xb is pinned);
    # work queued on the device afterwards still runs after the copy.
    xb = xb.to(device, non_blocking=True)
    yb = yb.to(device, non_blocking=True)
    print("batch on", xb.device.type, tuple(xb.shape), yb.dtype)
    break

# Pinning one tensor by hand: .pin_memory() copies it into page-locked memory.
if pin:
    t = torch.randn(4).pin_memory()
    print("pinned by hand:", t.is_pinned())
