import torch

lr, wd, steps = 0.1, 0.5, 5
# One parameter with two entries, both starting at 1.0. The loss pulls entry 0 down with
# a large gradient (10) and entry 1 up with a tiny one (-0.001).
slope = torch.tensor([10.0, -0.001])


def run(make_optimizer):
    w = torch.ones(2, requires_grad=True)
    optimizer = make_optimizer([w])
    values = []
    for _ in range(steps):
        loss = (slope * w).sum()
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        values.append(w.detach().clone())
    return values


# The same updates by hand; Adam's betas=(0.9, 0.999) and eps=1e-8 are the defaults.
def by_hand(decoupled):
    w, m, v = torch.ones(2), torch.zeros(2), torch.zeros(2)
    for t in range(1, steps + 1):
        grad = slope.clone()
        if decoupled:
            w = w * (1 - lr * wd)  # AdamW: shrink the weights, outside Adam's scaling
        else:
            grad = grad + wd * w  # Adam(weight_decay): L2 gradient, scaled with the rest
        m = 0.9 * m + 0.1 * grad
        v = 0.999 * v + 0.001 * grad**2
        m_hat, v_hat = m / (1 - 0.9**t), v / (1 - 0.999**t)
        w = w - lr * m_hat / (v_hat.sqrt() + 1e-8)
    return w


no_decay = run(lambda params: torch.optim.Adam(params, lr=lr))
adam = run(lambda params: torch.optim.Adam(params, lr=lr, weight_decay=wd))
adamw = run(lambda params: torch.optim.AdamW(params, lr=lr, weight_decay=wd))
header = "step  " + "".join(
    f"{name:<16}" for name in ("Adam, no decay", "Adam(wd=0.5)", "AdamW(wd=0.5)")
)
print(header.rstrip())
for t in range(steps):
    cells = [" ".join(f"{v:6.4f}" for v in w.tolist()) for w in (no_decay[t], adam[t], adamw[t])]
    print(f"{t + 1:4d}  " + "   ".join(cells))
print("by hand, Adam :", torch.allclose(by_hand(decoupled=False), adam[-1]))
print("by hand, AdamW:", torch.allclose(by_hand(decoupled=True), adamw[-1]))
decoupled = run(
    lambda params: torch.optim.Adam(params, lr=lr, weight_decay=wd, decoupled_weight_decay=True)
)
print("Adam(decoupled_weight_decay=True) is AdamW:", torch.equal(decoupled[-1], adamw[-1]))

# What the decay did after 5 steps: the difference from the run without decay.
print("decay effect, Adam(wd=0.5): ", [round(v, 4) for v in (adam[-1] - no_decay[-1]).tolist()])
print("decay effect, AdamW(wd=0.5):", [round(v, 4) for v in (adamw[-1] - no_decay[-1]).tolist()])
