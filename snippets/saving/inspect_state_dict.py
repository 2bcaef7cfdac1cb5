import torch
import torch.nn as nn

torch.manual_seed(0)
model = nn.Sequential(nn.Flatten(), nn.Linear(3 * 4 * 4, 6), nn.ReLU(), nn.Linear(6, 10))
optimizer = torch.optim.SGD(model.parameters(), lr=0.001, momentum=0.9)

print("Model's state_dict:")
for name, tensor in model.state_dict().items():
    print(f"    {name}: {tuple(tensor.size())}")

print("Optimizer's state_dict:")
for key, value in optimizer.state_dict().items():
    print(f"    {key}: {value}")
