import warnings

import torch
from PIL import Image
from torchvision import transforms
from torchvision.transforms import v2

torch.manual_seed(0)
pixels = torch.randint(0, 256, (4, 5, 3), dtype=torch.uint8)  # (H, W, C), as in an image file
image = Image.fromarray(pixels.numpy())
mean, std = (0.5, 0.5, 0.5), (0.25, 0.25, 0.25)

# The current API: torchvision.transforms.v2
new = v2.Compose([v2.ToImage(), v2.ToDtype(torch.float32, scale=True), v2.Normalize(mean, std)])
# The old way (v1): ToTensor converts and scales in one step
old = transforms.Compose([transforms.ToTensor(), transforms.Normalize(mean, std)])

step = v2.ToImage()(image)  # (C, H, W), still uint8 0..255
print(type(step).__name__, step.dtype, tuple(step.shape), step[:, 0, 0].tolist())
print(v2.ToDtype(torch.float32)(step)[:, 0, 0])  # without scale=True: still 0..255
step = v2.ToDtype(torch.float32, scale=True)(step)  # float 0..1
print(step.dtype, step[:, 0, 0])

a, b = new(image), old(image)
print(a[:, 0, 0], b[:, 0, 0])
# v1 divides by 255, v2 multiplies by 1/255: equal up to float rounding
print(torch.equal(a, b), f"{(a - b).abs().max().item():.1e}", torch.allclose(a, b, atol=1e-6))

# v2 also has a ToTensor, but it is deprecated:
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    v2.ToTensor()(image)
print(caught[0].category.__name__, str(caught[0].message).split(".")[0])
