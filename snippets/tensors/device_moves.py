import torch

# Pick the GPU when there is one; the same code then runs on CPU and GPU.
device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
print("device:", device.type)

a = torch.tensor([[2.0, 3.0], [4.0, 5.0]])
b = a.to(device)  # a copy on the device (a itself when already there)
print(b.device.type, b.sum().item())

# Tensors in one operation must be on the same device.
c = torch.ones(2, 2, device=device)
print((b + c).device.type)

# Back to the CPU, e.g. before .numpy() or printing.
print(b.cpu().device)

# Old tutorials wrote a.cuda(); it still works, but only on a machine with CUDA.
if torch.cuda.is_available():
    print(a.cuda().device.type)
