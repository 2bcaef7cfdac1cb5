import torch

w = torch.tensor(3.0, requires_grad=True)

# Each backward() ADDS to .grad; it does not overwrite it.
for step in range(3):
    loss = w * 2
    loss.backward()
    print(f"step {step}: w.grad = {w.grad}")

# Clear it before the next step (optimizer.zero_grad() does this for a model).
w.grad.zero_()
print("after zero_():", w.grad)

w.grad = None  # the default in optimizer.zero_grad() since PyTorch 2.0
(w * 2).backward()
print("after setting None and one backward:", w.grad)
