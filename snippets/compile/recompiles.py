import torch

compilations = 0


def counting_backend(gm, example_inputs):
    """A backend receives each graph Dynamo captures; this one only counts and reports."""
    global compilations
    compilations += 1
    inputs = [n.meta["example_value"] for n in gm.graph.nodes if n.op == "placeholder"]
    shapes = [f"{str(v.dtype)[6:]}{list(v.shape)}" for v in inputs if isinstance(v, torch.Tensor)]
    ops = [
        getattr(n.target, "__name__", n.target)
        for n in gm.graph.nodes
        if n.op in ("call_function", "call_method")
    ]
    print(f"  compiling: inputs {shapes}, ops {ops}")
    return gm.forward  # run the captured graph as it is


def f(x):
    return torch.relu(x) * 2 + x.sum()


for dynamic in (None, False, True):
    torch.compiler.reset()
    compilations = 0
    compiled = torch.compile(f, backend=counting_backend, dynamic=dynamic)
    print(f"dynamic={dynamic}")
    for n in (2, 2, 3, 4, 5):  # the same shape twice, then new lengths
        compiled(torch.ones(n))
    compiled(torch.ones(5, dtype=torch.float64))  # a new dtype
    print(f"  6 calls, {compilations} compilations")
