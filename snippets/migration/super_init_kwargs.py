import torch.nn as nn


# The template from the 2018 blog post "pytorch 学习": it passes its keyword arguments on to nn.Module.
class XxxNet(nn.Module):
    def __init__(self, **args):
        super(XxxNet, self).__init__(**args)
        self.fc = nn.Linear(4, 2)


print(type(XxxNet()).__name__)  # fine as long as no argument is passed

# nn.Module.__init__ takes no configuration, so any keyword is rejected there.
try:
    XxxNet(in_features=4)
except TypeError as err:
    print("TypeError:", err)


# Now: take your own arguments by name and call super().__init__() bare.
class Net(nn.Module):
    def __init__(self, in_features, out_features):
        super().__init__()
        self.fc = nn.Linear(in_features, out_features)


print(Net(in_features=4, out_features=2))
