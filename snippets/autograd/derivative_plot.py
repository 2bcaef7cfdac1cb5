import matplotlib.pyplot as plt
import torch

# 100 points on [-2π, 2π]; autograd tracks every operation on x.
x = torch.linspace(-2 * torch.pi, 2 * torch.pi, 100, requires_grad=True)
y = torch.sin(x)

# y is a vector, so sum it to a scalar first. y[i] depends only on x[i],
# hence x.grad[i] = dy[i]/dx[i]: the derivative at each point.
y.sum().backward()
print(torch.allclose(x.grad, torch.cos(x.detach())))

# Plotting needs plain values: detach the tensors that require grad.
fig, ax = plt.subplots(figsize=(6, 3.5), layout="constrained")
ax.plot(x.detach(), y.detach(), label="f(x) = sin(x)")
ax.plot(x.detach(), x.grad, label="x.grad (autograd)")
ax.plot(x.detach(), torch.cos(x.detach()), "k--", label="cos(x) (by hand)")
ax.set_title("sin(x) and its derivative computed by autograd")
ax.set_xlabel("x")
ax.set_ylabel("value")
ax.set_ylim(-1.2, 1.6)  # room for the legend above the curves
ax.legend(loc="upper center", ncols=3, fontsize="small")
plt.show()
