from collections import OrderedDict

import torch
import torch.nn as nn

torch.manual_seed(0)
# The old model: features -> hidden -> classifier for 2 classes.
old = nn.Sequential(
    OrderedDict(features=nn.Linear(4, 8), hidden=nn.Linear(8, 8), classifier=nn.Linear(8, 2))
)
torch.save(old.state_dict(), "old.pt")

# The new model keeps `features`, drops `hidden` and predicts 3 classes.
new = nn.Sequential(OrderedDict(features=nn.Linear(4, 8), classifier=nn.Linear(8, 3)))
state = torch.load("old.pt")

# strict=False skips missing and unexpected keys, but not shape mismatches.
try:
    new.load_state_dict(state, strict=False)
except RuntimeError as e:
    print(type(e).__name__, e)

# Keep only the tensors whose shapes fit, then load and read the report.
own = new.state_dict()
state = {k: v for k, v in state.items() if k not in own or v.shape == own[k].shape}
result = new.load_state_dict(state, strict=False)
print(result)
print("missing:", result.missing_keys)
print("unexpected:", result.unexpected_keys)
print(torch.equal(new.features.weight, old.features.weight))
