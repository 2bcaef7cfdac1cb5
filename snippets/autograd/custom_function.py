import torch


class MyExp(torch.autograd.Function):
    # y = exp(x), with a hand-written backward: dy/dx = exp(x) = y.

    @staticmethod
    def forward(ctx, x):
        y = x.exp()
        ctx.save_for_backward(y)  # keep what backward needs
        return y

    @staticmethod
    def backward(ctx, grad_output):
        (y,) = ctx.saved_tensors
        return grad_output * y  # chain rule: upstream gradient times dy/dx


x = torch.tensor([0.0, 1.0, 2.0], requires_grad=True)
y = MyExp.apply(x)  # call .apply, not forward()
print(y.grad_fn.name())

y.sum().backward()
print(x.grad)
print(torch.allclose(x.grad, torch.exp(x)))

# gradcheck compares backward with finite differences; it needs float64.
torch.manual_seed(0)
inp = torch.randn(5, dtype=torch.float64, requires_grad=True)
print(torch.autograd.gradcheck(MyExp.apply, (inp,)))
