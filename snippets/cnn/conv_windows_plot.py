import matplotlib.pyplot as plt
import torch
from matplotlib.colors import ListedColormap
from matplotlib.patches import Patch, Rectangle
from torch import nn

n = 6  # a 6x6 input
settings = {
    "kernel 3": {},
    "stride 2": {"stride": 2},
    "dilation 2": {"dilation": 2},
    "padding 1": {"padding": 1},
}
colors = ListedColormap(["lightgray", "white", "tab:blue", "tab:orange", "tab:purple"])

fig, axes = plt.subplots(1, 4, figsize=(10, 3), layout="constrained")
for ax, (title, options) in zip(axes, settings.items(), strict=True):
    p = options.pop("padding", 0)
    # The input with its ring of zero padding written out, so the plot can show it
    x = torch.zeros(1, 1, n + 2 * p, n + 2 * p, requires_grad=True)
    conv = nn.Conv2d(1, 1, kernel_size=3, bias=False, **options)
    nn.init.ones_(conv.weight)
    y = conv(x)
    print(f"{title:10s}  output {tuple(y.shape[-2:])}")
    # The gradient of an output with respect to the input is nonzero exactly
    # where that output reads the input: 1 for output (0, 0), 2 for output (0, 1)
    (y[0, 0, 0, 0] + 2 * y[0, 0, 0, 1]).backward()
    image = x.grad[0, 0].clone()
    padded = torch.ones_like(image, dtype=torch.bool)
    padded[p : p + n, p : p + n] = False
    image[padded & (image == 0)] = -1  # padding no window reads: gray
    ax.imshow(image.numpy(), cmap=colors, vmin=-1, vmax=3)
    ax.add_patch(Rectangle((p - 0.5, p - 0.5), n, n, fill=False, linewidth=2))  # the real input
    ax.set_xticks(torch.arange(-0.5, n + 2 * p).tolist(), minor=True)
    ax.set_yticks(torch.arange(-0.5, n + 2 * p).tolist(), minor=True)
    ax.grid(which="minor", color="gray", linewidth=0.5)
    ax.tick_params(which="both", length=0, labelbottom=False, labelleft=False)
    ax.set_title(f"{title}: output {y.shape[-2]}x{y.shape[-1]}")
handles = [
    Patch(color="tab:blue", label="read by output (0, 0)"),
    Patch(color="tab:orange", label="read by output (0, 1)"),
    Patch(color="tab:purple", label="read by both"),
    Patch(color="lightgray", label="zero padding"),
]
fig.legend(handles=handles, loc="outside lower center", ncols=4)
fig.suptitle("Which input cells a 3x3 kernel reads for the first two outputs")
plt.show()
