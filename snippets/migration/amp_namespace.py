# legacy: warns FutureWarning
import torch

use_cuda = torch.cuda.is_available()

# The spelling since PyTorch 1.6, deprecated in favor of torch.amp during 2.x.
old_scaler = torch.cuda.amp.GradScaler(enabled=use_cuda)
with torch.cuda.amp.autocast(enabled=use_cuda) as old_autocast:
    pass

# The old names are thin subclasses of the torch.amp ones.
print(isinstance(old_scaler, torch.amp.GradScaler))
print(isinstance(old_autocast, torch.amp.autocast))

# Now: torch.amp, with the device type as the first argument.
scaler = torch.amp.GradScaler("cuda", enabled=use_cuda)
with torch.amp.autocast("cuda", enabled=use_cuda):
    pass

# The same API covers the CPU, e.g. bfloat16 autocast for a matrix product.
a = torch.ones(2, 2)
with torch.amp.autocast("cpu", dtype=torch.bfloat16):
    print(torch.mm(a, a).dtype)
print(torch.mm(a, a).dtype)
