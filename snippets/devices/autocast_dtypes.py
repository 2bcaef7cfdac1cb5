import torch
import torch.nn.functional as F
from torch import nn

# Range and precision of the three floating-point types.
for dtype in (torch.float32, torch.float16, torch.bfloat16):
    info = torch.finfo(dtype)
    print(
        f"{str(dtype):15} bits {info.bits}  max {info.max:.3g}  eps {info.eps:.3g}  smallest normal {info.tiny:.3g}"
    )
# A tiny gradient and a large activation, stored in each 16-bit type.
for dtype in (torch.float16, torch.bfloat16):
    tiny, big = torch.tensor([1e-8, 70000.0]).to(dtype).tolist()
    print(f"1e-8 and 70000 as {dtype}: {tiny:.3g} and {big:.6g}")

if torch.accelerator.is_available():
    device = torch.accelerator.current_accelerator()
else:
    device = torch.device("cpu")
# float16 on CUDA GPUs; bfloat16 on the CPU (and on recent GPUs too).
amp_dtype = torch.float16 if device.type == "cuda" else torch.bfloat16

torch.manual_seed(0)
model = nn.Linear(8, 4).to(device)
x = torch.randn(16, 8, device=device)
target = torch.randint(0, 4, (16,), device=device)

# Inside autocast each operation picks its own dtype; the parameters stay float32.
with torch.autocast(device_type=device.type, dtype=amp_dtype):
    logits = model(x)  # a matrix product: low precision
    print("autocast:", device.type, amp_dtype)
    print("linear  ->", logits.dtype)
    print("matmul  ->", (x @ x.T).dtype)
    print("sum     ->", logits.sum().dtype)
    print("softmax ->", logits.softmax(dim=1).dtype)
    print("cross_entropy ->", F.cross_entropy(logits, target).dtype)
    print("logits + float32 tensor ->", (logits + x[:, :4]).dtype)  # ordinary type promotion
print("weight stays", model.weight.dtype)
print("outside autocast: linear ->", model(x).dtype)
