import torch
import torch.nn as nn

torch.manual_seed(0)
model = nn.Sequential(nn.Conv2d(3, 6, 5), nn.ReLU(), nn.Flatten(), nn.Linear(6 * 4 * 4, 10))
optimizer = torch.optim.SGD(model.parameters(), lr=0.001, momentum=0.9)

print("Model's state_dict:")
for name, tensor in model.state_dict().items():
    print(f"    {name}: {tuple(tensor.size())}")

print("Optimizer's state_dict:")
for key, value in optimizer.state_dict().items():
    print(f"    {key}: {value}")
