import multiprocessing
import pickle

import torch
from torch.utils.data import DataLoader, Dataset, get_worker_info


# Defined at the top level of the module, so worker processes can unpickle it.
class NoisyRange(Dataset):
    def __len__(self):
        return 8

    def __getitem__(self, index):
        worker = get_worker_info().id  # which worker process builds this sample
        noise = torch.randint(0, 100, ()).item()  # stands in for a random augmentation
        return index, worker, noise


def load(seed):
    loader = DataLoader(
        NoisyRange(), batch_size=2, num_workers=2, generator=torch.Generator().manual_seed(seed)
    )
    return [[t.tolist() for t in batch] for batch in loader]


if __name__ == "__main__":
    # Everything that starts workers goes under this guard.
    print("start method:", multiprocessing.get_start_method(), "| in main:", get_worker_info())
    for index, worker, noise in load(seed=0):
        print("samples", index, "worker", worker, "noise", noise)
    print("same seed, same noise:", load(seed=0) == load(seed=0))

    # With spawn (Windows, macOS) every worker gets a pickled copy of the dataset.
    dataset = NoisyRange()
    pickle.dumps(dataset)  # fine: its class is defined at the top level
    dataset.transform = lambda x: x  # a lambda cannot be pickled
    try:
        pickle.dumps(dataset)
    except Exception as e:
        print(type(e).__name__, str(e).split(" at 0x")[0])
