import torch
from torch.autograd import Variable

# The 2018 way: wrap a tensor in a Variable to get autograd.
x = Variable(torch.tensor([1.0]), requires_grad=True)
w = Variable(torch.tensor([2.0]), requires_grad=True)
b = Variable(torch.tensor([3.0]), requires_grad=True)
y = w * x + b
y.backward()

# Since PyTorch 0.4, Variable(...) simply returns a Tensor.
print(type(x))
print(x.data, x.grad, y.grad_fn.name())

# The typo requries_grad (from the 2018 blog post "pytorch 学习") is rejected outright.
try:
    Variable(torch.tensor([1.0]), requries_grad=True)
except TypeError as err:
    print("TypeError:", err)
