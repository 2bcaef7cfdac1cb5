import torch
from torch import nn

torch.manual_seed(0)


def batch(n=8):
    """n two-channel 4x4 maps: channel 0 has mean 5 and std 1, channel 1 mean 0 and std 3."""
    std = torch.tensor([1.0, 3.0]).reshape(1, 2, 1, 1)
    mean = torch.tensor([5.0, 0.0]).reshape(1, 2, 1, 1)
    return torch.randn(n, 2, 4, 4) * std + mean


def show(name, t):
    print(f"{name:15s}", " ".join(f"{v:8.4f}" for v in t.tolist()))


bn = nn.BatchNorm2d(num_features=2)  # one mean and variance per channel
print([name for name, _ in bn.named_parameters()], [name for name, _ in bn.named_buffers()])

x = batch()
mean = x.mean(dim=(0, 2, 3))  # per channel: over the batch and all positions
var = x.var(dim=(0, 2, 3), unbiased=False)
show("batch mean", mean)
show("batch var", var)

y = bn(x)  # a new module is in train mode: normalize with this batch's statistics
show("train out mean", y.mean(dim=(0, 2, 3)))
show("train out var", y.var(dim=(0, 2, 3), unbiased=False))
by_hand = (x - mean.reshape(1, 2, 1, 1)) / torch.sqrt(var.reshape(1, 2, 1, 1) + bn.eps)
print(torch.allclose(y, by_hand, atol=1e-5))  # weight (gamma) 1 and bias (beta) 0 at the start

# The forward pass also moved the running statistics, starting from mean 0 and var 1:
# running = (1 - momentum) * running + momentum * batch statistic, momentum = 0.1
show("running_mean", bn.running_mean)
show("running_var", bn.running_var)
show("0.9*1+0.1*var", 0.9 + 0.1 * x.var(dim=(0, 2, 3)))  # the unbiased variance (n - 1)

bn.eval()  # eval mode: normalize with the running statistics instead
show("eval out mean", bn(x).mean(dim=(0, 2, 3)))  # after one batch they are far off

bn.train()
with torch.no_grad():
    for _ in range(100):  # 100 more training batches from the same data
        bn(batch())
show("running_mean", bn.running_mean)
show("running_var", bn.running_var)
bn.eval()
show("eval out mean", bn(x).mean(dim=(0, 2, 3)))  # now close to the train-mode result

# In train mode a sample's output depends on the rest of its batch; in eval mode it does not
bn.train()
print(torch.allclose(bn(x)[0], bn(x[:2])[0]))
bn.eval()
print(torch.allclose(bn(x)[0], bn(x[:2])[0]))
bn.train()
try:
    bn(torch.randn(1, 2, 1, 1))  # one value per channel: no variance to compute
except ValueError as err:
    print("ValueError:", err)
