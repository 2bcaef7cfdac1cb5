import torch
import torch.nn as nn

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(4, 4), nn.Dropout(p=0.5))
x = torch.ones(1, 4)

# Training mode (the default): dropout zeroes random activations.
print(model.training)
print(model(x))

# Evaluation mode: dropout is off, outputs are deterministic.
model.eval()
print(model.training)
with torch.no_grad():
    print(torch.equal(model(x), model(x)))

model.train()  # back to training before the next epoch
print(model.training)
