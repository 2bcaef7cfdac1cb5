import torch

# An image as PIL and NumPy store it: height x width x channels (HWC).
img = torch.arange(24).reshape(2, 4, 3)  # H=2, W=4, C=3
chw = img.permute(2, 0, 1)  # PyTorch's layout: C x H x W
print(img.shape, chw.shape)
print(img[1, 3, 2].item(), chw[2, 1, 3].item())  # the same element
print(chw[0])  # channel 0 as a 2 x 4 picture

# A batch: N x H x W x C -> N x C x H x W. transpose swaps only two dims:
# transpose(1, 3) also puts C second, but swaps H and W (N x C x W x H).
batch = torch.zeros(8, 2, 4, 3)
print(batch.permute(0, 3, 1, 2).shape, batch.transpose(1, 3).shape)

# .mT transposes the last two dims of a batch of matrices (.T is for 2-D).
print(torch.zeros(5, 2, 3).mT.shape)

# None of them copies: the result reads the same memory in another order.
print(chw.data_ptr() == img.data_ptr())
