import torch
import torch.nn as nn
from torch.nn.modules.utils import consume_prefix_in_state_dict_if_present

model = nn.Linear(3, 2)

# Wrappers keep the model as a submodule, so its keys get a prefix.
print(list(nn.DataParallel(model).state_dict()))  # works on CPU too
print(list(torch.compile(model).state_dict()))  # only wraps; nothing compiles yet

state = nn.DataParallel(model).state_dict()
try:
    nn.Linear(3, 2).load_state_dict(state)
except RuntimeError as e:
    print(type(e).__name__, e)

# Strip the prefix in place (keys without it are left alone) ...
consume_prefix_in_state_dict_if_present(state, "module.")
print(nn.Linear(3, 2).load_state_dict(state))

# ... or with a dict comprehension.
state = torch.compile(model).state_dict()
state = {k.removeprefix("_orig_mod."): v for k, v in state.items()}
print(list(state))
# Better still, save the inner model: dp.module.state_dict(), compiled._orig_mod.state_dict().
