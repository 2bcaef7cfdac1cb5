import torch
from torch import nn


def out_size(n, k, p=0, s=1, d=1):
    """Output length along one axis: floor((n + 2p - d(k - 1) - 1) / s) + 1."""
    return (n + 2 * p - d * (k - 1) - 1) // s + 1


x = torch.zeros(1, 1, 8, 8)  # one 8x8 single-channel image
print(" k  p  s  d   formula  actual")
for k, p, s, d in [
    (3, 0, 1, 1),  # no padding: shrinks by k - 1
    (3, 1, 1, 1),  # p = (k - 1) / 2 keeps the size
    (5, 2, 1, 1),
    (3, 1, 2, 1),  # stride 2 halves it
    (3, 0, 3, 1),  # floor: the last rows and columns are never reached
    (3, 0, 1, 2),  # dilation 2: a 3x3 kernel spans 5x5
    (3, 2, 1, 2),
]:
    conv = nn.Conv2d(1, 1, kernel_size=k, padding=p, stride=s, dilation=d)
    actual = tuple(conv(x).shape[-2:])
    print(f"{k:2d} {p:2d} {s:2d} {d:2d}   {out_size(8, k, p, s, d):7d}  {actual}")

# Height and width can differ: (kH, kW), (pH, pW), (sH, sW)
conv = nn.Conv2d(1, 1, kernel_size=(5, 3), padding=(2, 1))
print(tuple(conv(x).shape[-2:]))
conv = nn.Conv2d(1, 1, kernel_size=(3, 5), padding=(0, 1), stride=(3, 4))
print(tuple(conv(x).shape[-2:]), (out_size(8, 3, 0, 3), out_size(8, 5, 1, 4)))
# padding="same" (stride 1 only) works out the padding that keeps the input size
conv = nn.Conv2d(1, 1, kernel_size=(3, 5), padding="same")
print(tuple(conv(x).shape[-2:]))
