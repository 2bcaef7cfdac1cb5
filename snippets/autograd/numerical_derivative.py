import matplotlib.pyplot as plt
import torch


def f(x):
    return 3 * x**2 - 4 * x


# autograd: f'(x) = 6x - 4, which is 2 at x = 1.
x = torch.tensor(1.0, dtype=torch.float64, requires_grad=True)
f(x).backward()
print("autograd:", x.grad.item())

# The difference quotient (f(x + h) - f(x)) / h approaches f'(1) as h shrinks.
x0 = torch.tensor(1.0, dtype=torch.float64)
for k in range(1, 6):
    h = 10.0**-k
    q = ((f(x0 + h) - f(x0)) / h).item()
    print(f"h={h:.0e}  quotient={q:.6f}  error={abs(q - 2):.1e}")

# Much smaller h, in float64 and float32: rounding errors take over.
hs = torch.logspace(-1, -16, 16, dtype=torch.float64)
fig, ax = plt.subplots(figsize=(6, 3.5), layout="constrained")
for dtype in (torch.float64, torch.float32):
    x1 = torch.tensor(1.0, dtype=dtype)
    h = hs.to(dtype)
    err = ((f(x1 + h) - f(x1)) / h - 2).abs()
    best = err.argmin()
    print(f"{dtype}: smallest error {err[best].item():.1e} at h={h[best].item():.0e}")
    ax.loglog(hs, err, "o-", label=str(dtype))
ax.loglog(hs, 3 * hs, "k--", label="3h (the error without rounding)")
ax.set_title("Error of the difference quotient for f'(1), f(x) = 3x² - 4x")
ax.set_xlabel("h (shrinking to the right)")
ax.invert_xaxis()
ax.set_ylim(1e-10, 10)
ax.set_ylabel("|quotient - 2|")
ax.legend(loc="lower left", fontsize="small")
plt.show()
