import torch
import torch.nn.functional as F
from torch import nn


def corr2d(X, K):
    """2-D cross-correlation: slide K over X; at each position multiply and sum."""
    h, w = K.shape
    Y = torch.zeros(X.shape[0] - h + 1, X.shape[1] - w + 1)
    for i in range(Y.shape[0]):
        for j in range(Y.shape[1]):
            Y[i, j] = (X[i : i + h, j : j + w] * K).sum()
    return Y


X = torch.tensor([[0.0, 1.0, 2.0], [3.0, 4.0, 5.0], [6.0, 7.0, 8.0]])
K = torch.tensor([[0.0, 1.0], [2.0, 3.0]])
print(corr2d(X, K))

# F.conv2d takes 4-D tensors: input (N, C_in, H, W), weight (C_out, C_in, kH, kW)
print(F.conv2d(X.reshape(1, 1, 3, 3), K.reshape(1, 1, 2, 2)))

# nn.Conv2d keeps the kernel and a bias as parameters; set them by hand
conv = nn.Conv2d(in_channels=1, out_channels=1, kernel_size=2)
print(conv.weight.shape, conv.bias.shape)
with torch.no_grad():
    conv.weight.copy_(K.reshape(1, 1, 2, 2))
    conv.bias.fill_(0.5)
print(conv(X.reshape(1, 1, 3, 3)))  # the same numbers plus the bias
print(conv(X.unsqueeze(0)).shape)  # a (C, H, W) input without a batch dimension works too

# A convolution in the mathematical sense flips the kernel first
print(corr2d(X, K.flip(0, 1)))
