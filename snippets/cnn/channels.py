import torch
import torch.nn.functional as F
from torch import nn

# Two input channels of 3x3, and a 2x2 kernel with one slice per input channel
X = torch.tensor([[[0.0, 1, 2], [3, 4, 5], [6, 7, 8]], [[1.0, 2, 3], [4, 5, 6], [7, 8, 9]]])
K = torch.tensor([[[0.0, 1], [2, 3]], [[1.0, 2], [3, 4]]])
print(X.shape, K.shape)

# By hand: cross-correlate each channel with its kernel slice, then add the results up
Y0 = F.conv2d(X[0].reshape(1, 1, 3, 3), K[0].reshape(1, 1, 2, 2))
Y1 = F.conv2d(X[1].reshape(1, 1, 3, 3), K[1].reshape(1, 1, 2, 2))
print((Y0 + Y1)[0, 0])
print(F.conv2d(X.unsqueeze(0), K.unsqueeze(0))[0, 0])  # weight (1, 2, 2, 2): one output channel

# Three output channels: one (2, 2, 2) kernel each, stacked into (3, 2, 2, 2)
K3 = torch.stack([K, K + 1, K + 2])
Y = F.conv2d(X.unsqueeze(0), K3)
print(K3.shape, Y.shape)
print(Y[0, :, 0, 0])  # top-left value of each output channel: 56 as above, then K + 1, K + 2

# The weight of nn.Conv2d is (out_channels, in_channels, kH, kW), plus one bias per output channel
conv = nn.Conv2d(in_channels=3, out_channels=16, kernel_size=3)
print(conv.weight.shape, conv.bias.shape, sum(p.numel() for p in conv.parameters()))
# A Linear layer mapping a 3x32x32 image to the same 16x30x30 output would need
print((3 * 32 * 32) * (16 * 30 * 30) + 16 * 30 * 30)

# A 1x1 convolution mixes channels at each pixel: a Linear layer shared by all pixels
torch.manual_seed(0)
conv1x1 = nn.Conv2d(3, 2, kernel_size=1)
x = torch.randn(1, 3, 4, 4)
W = conv1x1.weight.reshape(2, 3)  # (out, in, 1, 1) -> (out, in)
by_matmul = (W @ x.reshape(3, 16) + conv1x1.bias.reshape(2, 1)).reshape(1, 2, 4, 4)
print(conv1x1(x).shape, torch.allclose(conv1x1(x), by_matmul, atol=1e-6))
