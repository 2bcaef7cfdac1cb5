import pandas as pd
import torch
import torch.nn as nn

# The inputs of csv_missing_values.py with NumRooms filled in, and the prices.
filled = pd.DataFrame(
    {"NumRooms": [11 / 3, 2, 4, 11 / 3, 5], "Alley": ["Pave", None, None, None, "Grvl"]}
)
targets = pd.Series([127500, 106000, 178100, 140000, 163000], name="Price")
inputs = pd.get_dummies(filled, dummy_na=True)
print({name: str(dtype) for name, dtype in inputs.dtypes.items()})

# A float column next to bool columns: .values is a NumPy array of Python objects.
print(inputs.values.dtype)
try:
    torch.tensor(inputs.values)
except TypeError as e:
    print("TypeError:", e)

# Ask for one numeric dtype when leaving pandas ...
X = torch.tensor(inputs.to_numpy(dtype=float))
print(X.dtype, X[0])
# ... or make the dummy columns numeric in the first place.
print(pd.get_dummies(filled, dummy_na=True, dtype=float).values.dtype)

# float64 inputs meet the float32 parameters of a layer:
try:
    nn.Linear(4, 1)(X)
except RuntimeError as e:
    print("RuntimeError:", e)

X = torch.tensor(inputs.to_numpy(dtype="float32"))
y = torch.tensor(targets.to_numpy(dtype="float32"))
print(X.dtype, tuple(X.shape), y.dtype, tuple(y.shape), tuple(nn.Linear(4, 1)(X).shape))
