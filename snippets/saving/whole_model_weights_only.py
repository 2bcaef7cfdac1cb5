# legacy: raises UnpicklingError
import torch
import torch.nn as nn


class TinyNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(4, 2)


# Old tutorials pickled the whole model object ...
torch.save(TinyNet(), "model.pth")

# ... and loaded it back. Since PyTorch 2.6, torch.load defaults to
# weights_only=True, which refuses to unpickle arbitrary classes.
model = torch.load("model.pth")
