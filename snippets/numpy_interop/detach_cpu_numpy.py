import torch

w = torch.tensor([1.0, 2.0], requires_grad=True)
y = w * 3

# A tensor that requires grad refuses to become a NumPy array...
try:
    y.numpy()
except RuntimeError as err:
    print("RuntimeError:", err)

# ...so detach it first, and move it to the CPU in case it lives on a GPU.
device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
y = (w.to(device) * 3).detach()
array = y.cpu().numpy()
print(type(array).__name__, array)

# For a CPU tensor, detach() and cpu() copy nothing: the array shares w's memory.
a = w.detach().cpu().numpy()
a[0] = 10.0
print(w)

# numpy(force=True) does detach() and cpu() for you.
print(w.numpy(force=True))
