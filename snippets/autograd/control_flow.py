import torch


def f(a):
    # How often the loop runs, and which branch is taken, depend on a's value.
    b = a * 3
    while b.abs() < 500:
        b = b * 3
    if b > 0:
        c = b
    else:
        c = -2 * b
    return c


# f(a) = k * a with a k that depends on a, so df/da = k = f(a) / a.
for value in [0.5, -0.01]:
    a = torch.tensor(value, requires_grad=True)
    d = f(a)
    d.backward()
    print(f"a = {value}: grad = {a.grad.item():g}, f(a)/a = {(d / a).item():g}")
    print(torch.allclose(a.grad, d / a))
