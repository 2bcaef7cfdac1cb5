# legacy: raises AttributeError
import torch
from torch.utils.data import DataLoader, TensorDataset

loader = DataLoader(TensorDataset(torch.zeros(8, 3), torch.zeros(8)), batch_size=4)
data_iter = iter(loader)

# Old tutorials called the Python 2 style .next() method (removed in PyTorch 1.13).
images, labels = data_iter.next()
