import torch
import torch.nn as nn


class TinyNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(4, 8)
        self.fc2 = nn.Linear(8, 2)

    def forward(self, x):
        return self.fc2(torch.relu(self.fc1(x)))


torch.manual_seed(0)
model = TinyNet()

# Recommended: save only the parameters (the state_dict), not the object.
torch.save(model.state_dict(), "tinynet.pt")

# To load, build the model from its class, then load the parameters into it.
restored = TinyNet()
print(restored.load_state_dict(torch.load("tinynet.pt")))
restored.eval()  # evaluation mode: no effect on TinyNet, matters for dropout / batch norm

x = torch.randn(3, 4)
print(torch.equal(model(x), restored(x)))
