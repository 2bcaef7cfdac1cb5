import torch

lr, wd = 0.1, 0.5
x = torch.tensor([[1.0, 2.0], [3.0, -1.0]])
y = torch.tensor([1.0, 0.5])


def data_loss(w):
    return ((x @ w - y) ** 2).mean()


def sgd_step(w0, weight_decay, penalty):
    w = w0.clone().requires_grad_()
    optimizer = torch.optim.SGD([w], lr=lr, weight_decay=weight_decay)
    loss = data_loss(w) + penalty * (w**2).sum() / 2
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    return w.detach()


w0 = torch.tensor([1.0, -0.5])
print("SGD(weight_decay=0.5):        ", sgd_step(w0, weight_decay=wd, penalty=0.0))
print("SGD on loss + 0.5/2 * ||w||^2:", sgd_step(w0, weight_decay=0.0, penalty=wd))

# By hand: weight_decay adds wd * w to the gradient of the data loss ...
w = w0.clone().requires_grad_()
data_loss(w).backward()
print("gradient of the data loss:    ", w.grad)
print("w - lr * (grad + wd * w):     ", w0 - lr * (w.grad + wd * w0))
# ... which is the same as shrinking w by a factor (1 - lr * wd) before the usual step.
print("(1 - lr * wd) * w - lr * grad:", (1 - lr * wd) * w0 - lr * w.grad)
print("shrink factor per step", 1 - lr * wd)
