import torch
import torch.nn as nn


class TinyNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(4, 2)


torch.save(TinyNet(), "model.pth")

# 1. Only for files you trust: unpickling can run arbitrary code.
model = torch.load("model.pth", weights_only=False)
print(type(model).__name__)

# 2. Keep weights_only=True and allow exactly the classes the file needs.
with torch.serialization.safe_globals([TinyNet, nn.Linear]):
    model = torch.load("model.pth")
print(type(model).__name__)
# torch.serialization.add_safe_globals([...]) allows them for the whole program.

# 3. Best: save and load the state_dict, which needs no allow-list at all.
torch.save(model.state_dict(), "model_state.pth")
fresh = TinyNet()
print(fresh.load_state_dict(torch.load("model_state.pth")))
