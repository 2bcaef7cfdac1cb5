import matplotlib.pyplot as plt
import torch
from torch import nn

# Confident wrong predictions: growing positive logits, but every target is 0.
logits = torch.tensor([2.0, 10.0, 16.0, 17.0, 20.0, 50.0], requires_grad=True)
target = torch.zeros(6)

# Route 1: sigmoid, then BCELoss on the probabilities.
prob = torch.sigmoid(logits)
loss_prob = nn.BCELoss(reduction="none")(prob, target)
(grad_prob,) = torch.autograd.grad(loss_prob.sum(), logits)

# Route 2: BCEWithLogitsLoss on the logits.
loss_logit = nn.BCEWithLogitsLoss(reduction="none")(logits, target)
(grad_logit,) = torch.autograd.grad(loss_logit.sum(), logits)

# Exact values, in float64: loss = log(1 + e^z), gradient = sigmoid(z) - target.
z = logits.detach().double()
exact_loss = torch.log1p(torch.exp(z))
exact_grad = torch.sigmoid(z) - target.double()

print("logit  sigmoid (float32)   BCELoss  its grad  WithLogits  its grad  exact loss  exact grad")
columns = (logits, prob, loss_prob, grad_prob, loss_logit, grad_logit, exact_loss, exact_grad)
for row in zip(*(c.tolist() for c in columns), strict=True):
    print("{:5.0f}  {:17.8f}  {:8.4f}  {:8.4f}  {:10.4f}  {:8.4f}  {:10.4f}  {:10.4f}".format(*row))

# The same comparison on a fine grid of logits, drawn.
grid = torch.linspace(0, 30, 301, requires_grad=True)
zeros = torch.zeros(301)
curves = {}
for name, loss in (
    ("sigmoid + BCELoss", nn.BCELoss(reduction="none")(torch.sigmoid(grid), zeros)),
    ("BCEWithLogitsLoss", nn.BCEWithLogitsLoss(reduction="none")(grid, zeros)),
):
    (grad,) = torch.autograd.grad(loss.sum(), grid)
    curves[name] = (loss.detach(), grad)

fig, (ax_loss, ax_grad) = plt.subplots(1, 2, figsize=(8, 3.2), layout="constrained")
for name, (loss, grad) in curves.items():
    ax_loss.plot(grid.detach(), loss, label=name)
    ax_grad.plot(grid.detach(), grad, label=name)
ax_loss.set_title("Loss for target 0")
ax_loss.set_xlabel("logit")
ax_loss.set_ylabel("loss")
ax_loss.legend()
ax_grad.set_title("Gradient with respect to the logit")
ax_grad.set_xlabel("logit")
ax_grad.set_ylabel("d loss / d logit")
ax_grad.legend()
plt.show()
