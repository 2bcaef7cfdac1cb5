import torch

x = torch.arange(12).reshape(3, 4)
logits = torch.zeros(4, 3)
labels = torch.tensor([0, 2, 1, 1])


def attempt(what, fn):
    # Run fn and print the error it raises, as a reader would see it.
    try:
        result = fn()
    except (RuntimeError, IndexError) as e:
        print(f"{what}: {type(e).__name__}: {e}")
    else:
        print(f"{what}: no error, shape {tuple(result.shape)}")


attempt("reshape 12 elements to (5, -1)", lambda: x.reshape(5, -1))
attempt("row 3 of 3 rows", lambda: x[3])
attempt("dim 2 of a 2-D tensor", lambda: x.sum(dim=2))
attempt("permute with 3 dims for 2", lambda: x.permute(2, 0, 1))
attempt("cat (3, 4) and (3, 2) on dim 0", lambda: torch.cat([x, x[:, :2]]))
attempt("expand a size-3 dim", lambda: x[:, :1].expand(4, 4))
attempt("gather with 1-D labels", lambda: logits.gather(1, labels))
attempt("mask of the wrong length", lambda: x[torch.tensor([True, False])])
attempt("and on tensors", lambda: (x > 2) and (x < 8))
attempt("squeeze a size-4 dim", lambda: x.squeeze(1))
