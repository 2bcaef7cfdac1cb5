"""What the tests share: the site's root, and throw-away sites to break things on.

A :class:`FixtureSite` is a tiny site in a temporary directory (mkdocs.yml, a zh and an
en page per snippet, the snippet and its recorded output); a test breaks one thing and
asserts that the engine fails with a message naming the page, the snippet and the line.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

from recorded_docs import manifest
from recorded_docs.lint import structure_problems
from recorded_docs.pages import Example, Site
from recorded_docs.runner import Run
from recorded_docs.runner import run_snippet as _run_snippet
from recorded_docs.snippet import Snippet
from recorded_docs.verdict import judge
from recorded_docs.verify import verify

ROOT = Path(__file__).resolve().parent.parent

MKDOCS_YML = """\
site_name: fixture
markdown_extensions:
  - pymdownx.superfences
  - pymdownx.snippets:
      base_path: !relative $config_dir
      check_paths: true
"""

PAGE = """\
# {title}

```python title="t/{name}.py"
--8<-- "snippets/t/{name}.py"
```

<!--pytest-codeblocks:expected-output-->

``` {{ .text .snippet-output title="{output}" }}
--8<-- "snippets/t/{name}.out"
```
"""

DOUBLING = "import torch\n\nx = torch.tensor([1.5, 2.0])\nprint(x * 2)\nprint('done')\n"


def run_snippet(path: Path | str, root: Path, timeout: float | None = None) -> Run:
    """Run the snippet at ``root / path``."""
    return _run_snippet(Snippet.at(root, Path(path).as_posix()), timeout)


def check_example(example: Example, run: Run, env: dict, record: bool = False):
    """(failure or None, action) of verifying (or recording) one run."""
    outcome = verify(example, run, env, record=record)
    return outcome.failure, outcome.action


def classify(example: Example, run: Run) -> dict:
    """The verdict as drift and compat keep it."""
    return judge(example.snippet, run, example.expected or "").as_dict()


class FixtureSite:
    def __init__(self, root: Path, env: dict):
        self.root = root
        self.env = env
        (root / "mkdocs.yml").write_text(MKDOCS_YML)
        for lang in ("zh", "en"):
            (root / "docs" / lang).mkdir(parents=True)
        (root / "snippets" / "t").mkdir(parents=True)

    def add(self, name: str, code: str, output: str | None = None, pages=("zh", "en")):
        (self.root / "snippets" / "t" / f"{name}.py").write_text(code)
        for lang in pages:
            title, out = ("页面", "输出") if lang == "zh" else ("Page", "Output")
            page = self.root / "docs" / lang / f"{name}.md"
            page.write_text(PAGE.format(title=title, name=name, output=out))
        if output is not None:
            (self.root / "snippets" / "t" / f"{name}.out").write_text(output)
            manifest.update(self.root, f"t/{name}.py", "cpu", self.env)

    def site(self) -> Site:
        return Site(self.root)

    def problems(self) -> list[str]:
        return structure_problems(self.site())

    def example(self, name: str) -> Example:
        (example,) = [e for e in self.site().examples() if e.name == f"t/{name}.py"]
        return example

    def run(self, name: str, timeout: float | None = None):
        example = self.example(name)
        return example, _run_snippet(example.snippet, timeout)

    def check(self, name: str, record: bool = False, timeout: float | None = None):
        example, run = self.run(name, timeout)
        return check_example(example, run, self.env, record=record)

    def record(self, name: str):
        """Record a snippet with the real recorder."""
        return self.check(name, record=True)


# ---- snippets several test files use ---------------------------------------------

PLOT = """\
import matplotlib.pyplot as plt
import torch

x = torch.linspace(0, 3, 7)
fig, ax = plt.subplots(figsize=(4, 3))
ax.plot(x, x**2, label="square")
ax.plot(x, torch.sin(x), label="sine")
ax.set_title("Two curves")
ax.set_xlabel("x")
ax.legend()
print("drawn")
plt.show()
"""


def add_plot(site: FixtureSite, name: str = "plot", code: str = PLOT, shown: int = 1) -> None:
    """A drawing snippet on both pages, each page showing ``shown`` figures after it."""
    site.add(name, code, "drawn\n")
    for lang in ("zh", "en"):
        page = site.root / "docs" / lang / f"{name}.md"
        lines = [
            f"![{'曲线' if lang == 'zh' else 'Curves'} {n}](figure:snippets/t/{name}.fig{n}.svg)"
            for n in range(1, shown + 1)
        ]
        page.write_text(page.read_text() + "".join(f"\n{line}\n" for line in lines))


DEVICE_SNIPPET = textwrap.dedent("""\
    import torch

    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    print(torch.ones(2, device=device).device.type)
    """)

COPY_CONSTRUCT = "import torch\n\nx = torch.tensor(1.0)\ny = torch.tensor(x)\nprint(y)\n"
