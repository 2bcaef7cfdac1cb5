import torch

# As the official tutorials do today: the current accelerator (CUDA, MPS, XPU...)
# when there is one, else the CPU.
if torch.accelerator.is_available():
    device = torch.accelerator.current_accelerator()
else:
    device = torch.device("cpu")
print("device:", device.type)

# The classic idiom, still everywhere: CUDA or the CPU.
classic = torch.device("cuda" if torch.cuda.is_available() else "cpu")
print("classic:", classic.type)

a = torch.tensor([[2.0, 3.0], [4.0, 5.0]])
b = a.to(device)  # a copy on the device (a itself when already there)
print(b)  # prints on any device; off the CPU the repr adds device=...

# Tensors in one operation must be on the same device.
c = torch.ones(2, 2, device=device)
print("b + c on", (b + c).device.type)
try:  # a GPU tensor plus a CPU tensor fails
    print("b + CPU tensor on", (b + torch.ones(2, 2)).device.type)
except RuntimeError as e:
    print(type(e).__name__, e)

# .cpu() copies a tensor back to the CPU; on a CPU tensor it returns the tensor itself.
print("b.cpu() is b:", b.cpu() is b)

# Old tutorials wrote a.cuda(); it still works, but only on a machine with CUDA.
if torch.cuda.is_available():
    print(a.cuda().device.type)
