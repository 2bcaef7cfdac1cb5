import torch

# .data and .detach() both give a tensor without history that shares memory,
# but only .detach() lets autograd notice in-place changes.
a = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
out = a.sigmoid()
out.data.zero_()  # autograd does not see this
out.sum().backward()
print("with .data (silently wrong):", a.grad)

a = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
out = a.sigmoid()
out.detach().zero_()  # autograd records the in-place change
try:
    out.sum().backward()
except RuntimeError as err:
    print("with .detach(): RuntimeError:", str(err).split(":")[0])
