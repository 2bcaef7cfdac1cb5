import torch

# A device is a type plus an optional index; "cuda:1" is the second visible GPU.
# Making a torch.device object touches no GPU, so this works on any machine.
d = torch.device("cuda:1")
print(
    d,
    "| type",
    d.type,
    "| index",
    d.index,
    "| same as torch.device('cuda', 1):",
    d == torch.device("cuda", 1),
)
print(
    "index of plain 'cuda':", torch.device("cuda").index
)  # None: the current GPU (cuda:0 unless changed)

print("torch.cuda.device_count():", torch.cuda.device_count())
print("torch.accelerator.device_count():", torch.accelerator.device_count())
for i in range(torch.cuda.device_count()):
    props = torch.cuda.get_device_properties(i)
    print(f"cuda:{i}", props.name, f"{props.total_memory / 2**30:.0f} GiB")

# Choose the last GPU if there is one, else the CPU, and put the work there.
if torch.cuda.is_available():
    device = torch.device("cuda", torch.cuda.device_count() - 1)
else:
    device = torch.device("cpu")
x = torch.ones(2, 2, device=device)
print("x on", x.device)
