import copy
import logging

import torch
from torch import nn

# The machine that recorded this page has a GPU compiler installed but no GPU; torch
# logs a line about that when it first builds C++ code. Not needed elsewhere.
logging.getLogger("torch.utils.cpp_extension").setLevel(logging.ERROR)

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(64, 128), nn.ReLU(), nn.Linear(128, 10))
x = torch.randn(32, 64)
y = torch.randint(0, 10, (32,))

# torch.compile wraps the model; nothing is compiled until the first call.
compiled = torch.compile(model)
print(type(compiled).__name__, compiled._orig_mod is model)

# Inference: the first call captures and compiles, later calls reuse the result.
model.eval()
with torch.no_grad():
    eager_out = model(x)
    compiled_out = compiled(x)  # compiles
    compiled_out = compiled(x)  # reuses the compiled code
diff = (compiled_out - eager_out).abs().max().item()
print(
    f"inference: allclose {torch.allclose(compiled_out, eager_out, atol=1e-6)}, max abs diff {diff:.1e}"
)

# Training: backward is compiled too. Two copies start from the same weights.
eager_model, compiled_model = copy.deepcopy(model).train(), copy.deepcopy(model).train()
step = torch.compile(compiled_model)
loss_fn = nn.CrossEntropyLoss()
opt_e = torch.optim.SGD(eager_model.parameters(), lr=0.1)
opt_c = torch.optim.SGD(compiled_model.parameters(), lr=0.1)
for i in range(3):
    losses = []
    for net, opt in ((eager_model, opt_e), (step, opt_c)):
        loss = loss_fn(net(x), y)
        opt.zero_grad()
        loss.backward()
        opt.step()
        losses.append(loss.item())
    print(f"step {i}: eager loss {losses[0]:.5f}  compiled loss {losses[1]:.5f}")
