import torch
import torch.nn as nn

device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
model = nn.Linear(2, 2).to(device)
torch.save(model.state_dict(), "weights.pt")  # tensors remember their device

# map_location says where the loaded tensors go: load a GPU checkpoint on a
# CPU-only machine with map_location="cpu".
state = torch.load("weights.pt", map_location="cpu")
print({name: t.device.type for name, t in state.items()})

# Or straight onto this machine's device.
state = torch.load("weights.pt", map_location=device)
print(state["weight"].device.type == device.type)
