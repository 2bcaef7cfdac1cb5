import torch
import torch.nn as nn

torch.manual_seed(0)
dropout = nn.Dropout(p=0.5)
x = torch.ones(10_000)

# Training mode: each element is zeroed with probability p, and the survivors
# are scaled by 1 / (1 - p) = 2, so the expected value stays 1.
y = dropout(x)
print(y[:8])
print(torch.unique(y), f"mean {y.mean().item():.4f}")

# Evaluation mode: dropout does nothing, the input passes through unchanged.
dropout.eval()
print(torch.equal(dropout(x), x))
