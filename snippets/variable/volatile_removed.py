# legacy: warns UserWarning
import torch
from torch.autograd import Variable

# Old inference code marked inputs volatile to skip building the graph.
x = Variable(torch.ones(2), volatile=True)
w = torch.ones(2, requires_grad=True)
print((x * w).requires_grad)  # volatile is ignored: the graph is still built

# Today: torch.no_grad() does what volatile used to do.
with torch.no_grad():
    print((x * w).requires_grad)
