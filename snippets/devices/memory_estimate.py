import torch
from torch import nn

if torch.accelerator.is_available():
    device = torch.accelerator.current_accelerator()
else:
    device = torch.device("cpu")
torch.manual_seed(0)


def nbytes(t):
    return t.element_size() * t.nelement()  # bytes per element x number of elements


MiB = 2**20
print(
    "float32 element:",
    torch.ones(1).element_size(),
    "bytes; bfloat16:",
    torch.ones(1, dtype=torch.bfloat16).element_size(),
)

model = nn.Sequential(
    nn.Linear(784, 512), nn.ReLU(), nn.Linear(512, 512), nn.ReLU(), nn.Linear(512, 10)
)
model.to(device)
params = sum(nbytes(p) for p in model.parameters())
print(
    f"parameters: {sum(p.nelement() for p in model.parameters())} numbers, {params / MiB:.2f} MiB"
)

# One Adam step: gradients (same size as the parameters) and Adam's two running averages.
optimizer = torch.optim.Adam(model.parameters())
model(torch.randn(8, 784, device=device)).sum().backward()
optimizer.step()
grads = sum(nbytes(p.grad) for p in model.parameters())
adam = sum(nbytes(v) for state in optimizer.state.values() for v in state.values())
print(
    f"gradients {grads / MiB:.2f} MiB, Adam state {adam / MiB:.2f} MiB: fixed, whatever the batch size"
)


def saved_for_backward(batch_size):
    """MiB of activations that autograd keeps for backward (parameters not counted)."""
    param_storages = {p.untyped_storage().data_ptr() for p in model.parameters()}
    saved = {}

    def pack(t):
        storage = t.untyped_storage()
        if storage.data_ptr() not in param_storages:
            saved[storage.data_ptr()] = storage.nbytes()
        return t

    with torch.autograd.graph.saved_tensors_hooks(pack, lambda t: t):
        loss = model(torch.randn(batch_size, 784, device=device)).sum()
    del loss  # frees the graph and the saved tensors
    return sum(saved.values()) / MiB


# Activations grow linearly with the batch size.
for batch_size in (64, 256, 1024):
    print(
        f"batch {batch_size:4d}: activations saved for backward {saved_for_backward(batch_size):6.2f} MiB"
    )
with torch.no_grad():  # no graph: nothing is saved for backward
    print(f"batch 1024 under no_grad: {saved_for_backward(1024):.2f} MiB")

# Running out of GPU memory raises torch.cuda.OutOfMemoryError, a RuntimeError.
print("OutOfMemoryError is a RuntimeError:", issubclass(torch.cuda.OutOfMemoryError, RuntimeError))


def step_fits(batch_size):
    try:
        model(torch.randn(batch_size, 784, device=device)).sum().backward()
        return True
    except torch.cuda.OutOfMemoryError:
        return False  # retry after leaving except: the traceback still holds tensors


batch_size = 4096
while not step_fits(batch_size):
    batch_size //= 2
print("largest batch size tried that fits:", batch_size)
