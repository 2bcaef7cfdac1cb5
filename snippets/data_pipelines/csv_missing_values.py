import os
import tempfile

import pandas as pd

# A tiny table of house prices, written as a CSV file. "NA" marks a missing value.
data_file = os.path.join(tempfile.mkdtemp(), "house_tiny.csv")
with open(data_file, "w") as f:
    f.write("NumRooms,Alley,Price\n")  # the column names
    f.write("NA,Pave,127500\n")  # one sample per row
    f.write("2,NA,106000\n")
    f.write("4,NA,178100\n")
    f.write("NA,NA,140000\n")
    f.write("5,Grvl,163000\n")

data = pd.read_csv(data_file)  # "NA" and empty fields become NaN
print(data)

# Inputs are the first two columns, the target is the last one.
inputs, targets = data.iloc[:, 0:2], data.iloc[:, 2]
try:
    inputs.mean()  # the text column has no mean
except TypeError:
    print("inputs.mean() raises TypeError")

# Numeric columns: replace NaN by the column's mean.
inputs = inputs.fillna(inputs.mean(numeric_only=True))
print(inputs["NumRooms"].round(4).tolist())

# Categorical columns: one indicator column per category, NaN counted as a category.
inputs = pd.get_dummies(inputs, dummy_na=True)
print(inputs)
