import torch
from torch.nn.utils.rnn import pad_sequence
from torch.utils.data import DataLoader, default_collate

# Sequences of different lengths (sentences, audio clips, ...) with a label each.
samples = [
    (torch.tensor([1.0, 2.0, 3.0]), 0),
    (torch.tensor([4.0, 5.0]), 1),
    (torch.tensor([6.0, 7.0, 8.0, 9.0]), 0),
    (torch.tensor([10.0]), 1),
]

# The default collate_fn turns a list of (x, y) samples into a stacked x and a stacked y ...
print(default_collate([(torch.tensor([1.0, 2.0]), 0), (torch.tensor([3.0, 4.0]), 1)]))
# ... so all x in a batch must have the same shape.
try:
    next(iter(DataLoader(samples, batch_size=4)))
except RuntimeError as e:
    print("RuntimeError:", e)


def pad_collate(batch):
    sequences, labels = zip(*batch, strict=True)
    lengths = torch.tensor([len(s) for s in sequences])
    padded = pad_sequence(sequences, batch_first=True, padding_value=0.0)  # (B, max_len)
    mask = torch.arange(padded.shape[1]) < lengths.unsqueeze(1)  # True on real elements
    return padded, lengths, mask, torch.tensor(labels)


padded, lengths, mask, labels = next(
    iter(DataLoader(samples, batch_size=4, collate_fn=pad_collate))
)
print(padded)
print(lengths, labels)
print(mask)

# The mask keeps the padding out of computations, e.g. the mean of each sequence:
print("naive: ", padded.mean(dim=1))
print("masked:", (padded * mask).sum(dim=1) / lengths)
