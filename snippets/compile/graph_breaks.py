import torch


def with_print(x):
    y = torch.sin(x)
    print("print runs in Python")  # a side effect Dynamo cannot put in a graph
    return torch.cos(y)


def with_if(x):
    y = x * 2
    if y.sum() > 0:  # which branch depends on the values in y
        return y + 1
    return y - 1


def with_where(x):
    y = x * 2
    return torch.where(y.sum() > 0, y + 1, y - 1)  # both branches, chosen on the device


x = torch.ones(3)
for fn in (with_print, with_if, with_where):
    torch.compiler.reset()  # forget earlier compilations
    # explain() runs fn under Dynamo and reports the graphs it captured.
    report = torch._dynamo.explain(fn)(x)
    print(
        f"{fn.__name__}: {report.graph_count} graph(s), {report.graph_break_count} graph break(s)"
    )
    for reason in report.break_reasons:
        print("  reason:", reason.reason.splitlines()[0])

# fullgraph=True turns a graph break into an error instead of a silent split.
torch.compiler.reset()
try:
    torch.compile(with_if, fullgraph=True)(x)
except torch._dynamo.exc.Unsupported as e:
    print(type(e).__name__ + ":", str(e).splitlines()[0])
