import torch
from torch import nn

X = torch.arange(9.0).reshape(1, 1, 3, 3)  # 0..8 in a 3x3 grid
print(nn.MaxPool2d(kernel_size=2, stride=1)(X)[0, 0])  # the largest value in each 2x2 window
print(nn.AvgPool2d(kernel_size=2, stride=1)(X)[0, 0])  # the mean of each 2x2 window

X = torch.arange(16.0).reshape(1, 1, 4, 4)
print(nn.MaxPool2d(3)(X).shape)  # stride defaults to the window size
print(nn.MaxPool2d(3, padding=1, stride=2)(X)[0, 0])  # same output-size formula as Conv2d
X2 = torch.cat([X, X + 1], dim=1)  # two channels
print(nn.MaxPool2d(3, padding=1, stride=2)(X2).shape)  # each channel pooled on its own
print(len(list(nn.MaxPool2d(2).parameters())))  # nothing to learn

# A vertical line moved by one pixel inside the same 2x2 window: max pooling cannot tell
a = torch.zeros(1, 1, 4, 4)
b = torch.zeros(1, 1, 4, 4)
a[..., 2] = 1  # the line in column 2
b[..., 3] = 1  # the line in column 3
print(torch.equal(a, b), torch.equal(nn.MaxPool2d(2)(a), nn.MaxPool2d(2)(b)))

# Adaptive pooling: you give the output size; it picks windows to fit any input size
pool = nn.AdaptiveAvgPool2d((2, 2))
for size in (4, 7, 12):
    print(size, tuple(pool(torch.ones(1, 3, size, size)).shape))
print(nn.AdaptiveAvgPool2d(1)(X).flatten(), X.mean())  # output size 1: the global average
