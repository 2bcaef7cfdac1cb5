"""The checks themselves, on throw-away sites in a temporary directory.

Each test builds a tiny site (mkdocs.yml, a zh and an en page, one snippet and
its recorded output), breaks one thing, and asserts that the suite would fail
with a message that names the page, the snippet and the line.
"""

import json
import subprocess
import textwrap
from pathlib import Path

import pytest

from tools import manifest
from tools.output_compare import compare
from tools.pytest_snippets import check_example
from tools.site_pages import Site
from tools.snippet_runner import run_snippet

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

    def record(self, name: str):
        """Record a snippet with the real recorder."""
        return self.check(name, record=True)

    def check(self, name: str, record: bool = False):
        site = Site(self.root)
        (example,) = [e for e in site.examples() if e.name == f"t/{name}.py"]
        run = run_snippet(example.snippet, self.root)
        return check_example(example, run, self.env, record=record, root=self.root)


@pytest.fixture
def fixture_site(tmp_path, snippet_environment):
    return FixtureSite(tmp_path, snippet_environment)


# ---- outputs -----------------------------------------------------------------


def test_recorded_output_passes(fixture_site):
    fixture_site.add("double", DOUBLING, "tensor([3., 4.])\ndone\n")
    assert fixture_site.check("double") == (None, "ok")


def test_changed_output_fails_with_page_snippet_line_and_diff(fixture_site):
    fixture_site.add("double", DOUBLING, "tensor([3., 4.])\nfinished\n")
    failure, _ = fixture_site.check("double")
    assert failure is not None
    assert "docs/zh/double.md:3" in failure and "docs/en/double.md:3" in failure
    assert "snippets/t/double.py:5" in failure  # the print('done') line
    assert "-finished" in failure and "+done" in failure


def test_number_beyond_tolerance_fails(fixture_site):
    fixture_site.add("double", DOUBLING, "tensor([3.0100, 4.])\ndone\n")
    failure, _ = fixture_site.check("double")
    assert failure is not None and "number 3.0100 became 3." in failure
    assert "snippets/t/double.py:4" in failure


def test_number_within_tolerance_passes():
    assert compare("loss 0.8838511109352112", "loss 0.8838512000000000") is None
    assert compare("tensor([ 0.1648, -0.2595])", "tensor([ 0.16481, -0.2595])") is None
    assert compare("loss 0.8838", "loss 0.8848") is not None
    assert compare("epoch 50", "epoch 51") is not None  # integers are exact
    assert compare("conv1.weight", "conv2.weight") is not None  # digits in names are text


def test_record_rewrites_only_what_changed(fixture_site):
    fixture_site.add("double", DOUBLING, "tensor([3., 4.])\ndone\n")
    fixture_site.add("other", "print('new text')\n", "old text\n")
    before = (fixture_site.root / "snippets" / "t" / "double.out").stat().st_mtime_ns
    assert fixture_site.record("double") == (None, "unchanged")
    assert fixture_site.record("other") == (None, "recorded")
    assert (fixture_site.root / "snippets/t/double.out").stat().st_mtime_ns == before
    assert (fixture_site.root / "snippets/t/other.out").read_text() == "new text\n"
    assert fixture_site.check("other") == (None, "ok")


def test_failing_snippet_is_not_recorded(fixture_site):
    fixture_site.add("broken", "print('start')\nraise ValueError('boom')\n", "start\n")
    failure, action = fixture_site.record("broken")
    assert action == "failed"
    assert "ValueError: boom" in failure and "snippets/t/broken.py:2" in failure
    assert (fixture_site.root / "snippets/t/broken.out").read_text() == "start\n"


def test_unseeded_random_numbers_fail(fixture_site):
    code = "import torch\n\nprint(torch.rand(3))\n"
    fixture_site.add("noseed", code, "")
    fixture_site.record("noseed")
    failure, _ = fixture_site.check("noseed")
    assert failure is not None and "snippets/t/noseed.py:3" in failure


def test_output_from_another_torch_version_fails(fixture_site):
    fixture_site.add("double", DOUBLING, "tensor([3., 4.])\ndone\n")
    old = {**fixture_site.env, "torch": "2.13.0"}
    manifest.update(fixture_site.root, "t/double.py", "cpu", old)
    failure, _ = fixture_site.check("double")
    assert failure is not None
    assert "torch 2.13.0 (recorded)" in failure and "nox -s record" in failure
    assert fixture_site.record("double") == (None, "manifest updated")
    data = json.loads((fixture_site.root / "snippets/manifest.json").read_text())
    assert data["t/double.py"]["cpu"]["torch"] == fixture_site.env["torch"]


# ---- warnings and legacy APIs --------------------------------------------------

COPY_CONSTRUCT = "import torch\n\nx = torch.tensor(1.0)\ny = torch.tensor(x)\nprint(y)\n"


def test_deprecated_call_fails_at_the_snippet_line(fixture_site):
    fixture_site.add("copy", COPY_CONSTRUCT, "tensor(1.)\n")
    failure, _ = fixture_site.check("copy")
    assert failure is not None
    assert "UserWarning" in failure and "snippets/t/copy.py:4" in failure
    assert "y = torch.tensor(x)" in failure


def test_torchvision_deprecation_is_reported_against_the_snippet_line(fixture_site):
    code = "import torchvision\n\nmodel = torchvision.models.resnet18(pretrained=True)\n"
    fixture_site.add("pretrained", code, "")
    failure, _ = fixture_site.check("pretrained")
    assert failure is not None and "'pretrained' is deprecated" in failure
    assert "snippets/t/pretrained.py:3" in failure
    assert "torchvision/models/_utils.py" in failure  # where it was raised, as a hint


def test_declared_legacy_warning_is_recorded_in_the_output(fixture_site):
    code = "# legacy: warns UserWarning\n" + COPY_CONSTRUCT
    fixture_site.add("copy", code, "")
    assert fixture_site.record("copy") == (None, "recorded")
    recorded = (fixture_site.root / "snippets/t/copy.out").read_text()
    assert recorded.startswith("UserWarning: To copy construct from a tensor")
    assert fixture_site.check("copy") == (None, "ok")


def test_declared_legacy_warning_that_no_longer_happens_fails(fixture_site):
    fixture_site.add("fixed", "# legacy: warns FutureWarning\nprint('fine now')\n", "fine now\n")
    failure, _ = fixture_site.check("fixed")
    assert failure is not None and "no FutureWarning happens any more" in failure


def test_declared_legacy_error_is_recorded_and_required(fixture_site):
    code = textwrap.dedent("""\
        # legacy: raises AttributeError
        import torch

        loader = torch.utils.data.DataLoader([1, 2, 3])
        batch = iter(loader).next()
        """)
    fixture_site.add("next", code, "")
    assert fixture_site.record("next") == (None, "recorded")
    recorded = (fixture_site.root / "snippets/t/next.out").read_text()
    assert 'File "next.py", line 5, in <module>' in recorded
    assert recorded.rstrip().endswith("object has no attribute 'next'")
    fixture_site.add("next", code.replace("iter(loader).next()", "next(iter(loader))"))
    failure, _ = fixture_site.check("next")
    assert failure is not None and "no longer raises AttributeError" in failure


# ---- structure -----------------------------------------------------------------


def test_missing_translation_names_the_file(fixture_site):
    fixture_site.add("double", DOUBLING, "tensor([3., 4.])\ndone\n", pages=("zh",))
    problems = Site(fixture_site.root).structure_problems()
    assert any("docs/en/double.md is missing" in p for p in problems), problems


def test_zh_page_missing_a_snippet_of_its_en_page(fixture_site):
    fixture_site.add("double", DOUBLING, "tensor([3., 4.])\ndone\n")
    fixture_site.add("other", "print(1)\n", "1\n", pages=())
    en = fixture_site.root / "docs/en/double.md"
    en.write_text(en.read_text() + "\n" + PAGE.format(title="", name="other", output="Output"))
    problems = Site(fixture_site.root).structure_problems()
    assert any("have different snippets" in p and "snippets/t/other.py" in p for p in problems)


def test_inline_python_block_is_refused(fixture_site):
    fixture_site.add("double", DOUBLING, "tensor([3., 4.])\ndone\n")
    page = fixture_site.root / "docs/zh/double.md"
    page.write_text(page.read_text() + "\n```python\nprint('typed into the page')\n```\n")
    problems = Site(fixture_site.root).structure_problems()
    assert any("docs/zh/double.md:13" in p and "not inline code" in p for p in problems)


def test_missing_include_names_page_and_line(fixture_site):
    fixture_site.add("double", DOUBLING, "tensor([3., 4.])\ndone\n")
    (fixture_site.root / "snippets/t/double.py").unlink()
    problems = Site(fixture_site.root).structure_problems()
    assert any("docs/zh/double.md:4" in p and "snippets/t/double.py" in p for p in problems)


def test_snippet_not_shown_anywhere(fixture_site):
    fixture_site.add("double", DOUBLING, "tensor([3., 4.])\ndone\n")
    (fixture_site.root / "snippets/t/orphan.py").write_text("print(1)\n")
    problems = Site(fixture_site.root).structure_problems()
    assert "snippets/t/orphan.py is not included by any page" in problems


def test_partial_section_is_refused(fixture_site):
    code = "# --8<-- [start:shown]\nprint(1)\n# --8<-- [end:shown]\nprint(2)\n"
    fixture_site.add("part", code, "1\n2\n")
    for lang in ("zh", "en"):
        page = fixture_site.root / "docs" / lang / "part.md"
        page.write_text(
            page.read_text().replace('snippets/t/part.py"', 'snippets/t/part.py:shown"')
        )
    problems = Site(fixture_site.root).structure_problems()
    assert any("shows only part of snippets/t/part.py" in p for p in problems), problems


def test_sections_that_add_up_run_as_one_snippet(fixture_site):
    code = "# --8<-- [start:one]\nx = 1\n# --8<-- [end:one]\n# --8<-- [start:two]\nprint(x + 1)\n# --8<-- [end:two]\n"
    fixture_site.add("split", code, "2\n")
    for lang in ("zh", "en"):
        page = fixture_site.root / "docs" / lang / "split.md"
        page.write_text(
            page.read_text().replace(
                '--8<-- "snippets/t/split.py"\n```\n',
                '--8<-- "snippets/t/split.py:one"\n```\n\nSome prose.\n\n'
                '<!--pytest-codeblocks:cont-->\n\n```python\n--8<-- "snippets/t/split.py:two"\n```\n',
            )
        )
    assert Site(fixture_site.root).structure_problems() == []
    assert fixture_site.check("split") == (None, "ok")


def test_snippet_runs_as_main_so_its_classes_pickle(fixture_site):
    code = textwrap.dedent("""\
        import torch


        class Box:
            pass


        torch.save(Box(), "box.pt")
        print(type(torch.load("box.pt", weights_only=False)).__name__)
        """)
    fixture_site.add("pickle", code, "Box\n")
    assert fixture_site.check("pickle") == (None, "ok")


def test_pages_with_different_anchors_or_admonitions(fixture_site):
    fixture_site.add("double", DOUBLING, "tensor([3., 4.])\ndone\n")
    zh = fixture_site.root / "docs/zh/double.md"
    zh.write_text(zh.read_text().replace("# 页面", "# 页面 { #page }") + "\n!!! tip\n\n    提示\n")
    problems = Site(fixture_site.root).structure_problems()
    assert any("different heading anchors" in p and "'page'" in p for p in problems), problems
    assert any("different admonitions" in p and "'tip'" in p for p in problems), problems


def test_dataloader_next_outside_a_legacy_snippet_fails(fixture_site):
    code = textwrap.dedent("""\
        import torch

        loader = torch.utils.data.DataLoader([1, 2, 3], batch_size=2)
        it = iter(loader)
        batch = it.next()
        print(batch)
        """)
    fixture_site.add("itnext", code, "tensor([1, 2])\n")
    failure, _ = fixture_site.check("itnext")
    assert failure is not None and "AttributeError" in failure
    assert "snippets/t/itnext.py:5" in failure and "batch = it.next()" in failure
    assert "docs/zh/itnext.md:3" in failure


def test_torch_load_of_a_whole_pickled_model_fails(fixture_site):
    code = textwrap.dedent("""\
        import torch

        torch.save(torch.nn.Linear(2, 2), "model.pth")
        model = torch.load("model.pth")
        print(model)
        """)
    fixture_site.add("wholeload", code, "Linear(in_features=2, out_features=2, bias=True)\n")
    failure, _ = fixture_site.check("wholeload")
    assert failure is not None and "UnpicklingError" in failure
    assert "snippets/t/wholeload.py:4" in failure


def test_translation_status_lists_the_older_language(tmp_path):
    from tools.translation_status import stale_pairs

    def git(*args):
        subprocess.run(["git", *args], cwd=tmp_path, check=True, capture_output=True)

    for lang in ("zh", "en"):
        (tmp_path / "docs" / lang).mkdir(parents=True)
        (tmp_path / "docs" / lang / "p.md").write_text("# p\n")
    git("init", "-q")
    git("-c", "user.name=t", "-c", "user.email=t@t", "add", ".")
    git("-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "both")
    assert stale_pairs(tmp_path) == []
    (tmp_path / "docs/zh/p.md").write_text("# p\n\n新的段落\n")
    (lines,) = stale_pairs(tmp_path)
    assert lines.startswith("docs/en/p.md (commit") and "docs/zh/p.md (uncommitted" in lines


def test_drift_table_reports_each_kind_of_change(fixture_site, tmp_path):
    from tools.drift_report import load, render
    from tools.pytest_snippets import append_drift, classify

    fixture_site.add("double", DOUBLING, "tensor([3., 4.])\ndone\n")
    fixture_site.add("copy", COPY_CONSTRUCT, "tensor(1.)\n")
    fixture_site.add("boom", "raise RuntimeError('gone')\n", "")
    report = tmp_path / "run.jsonl"
    site = Site(fixture_site.root)
    for example in site.examples():
        run = run_snippet(example.snippet, fixture_site.root)
        append_drift(report, example, fixture_site.env, classify(example, run))
    (fixture_site.root / "snippets/t/double.out").write_text("tensor([3., 5.])\ndone\n")
    columns, cells = load([report])
    statuses = {name: next(iter(row.values()))["status"] for name, row in cells.items()}
    assert statuses == {"t/boom.py": "error", "t/copy.py": "new warning", "t/double.py": "ok"}
    text, drifted = render(columns, cells)
    assert drifted == 2 and "**error**" in text and "snippets/t/boom.py:1" in text
    assert "y = torch.tensor(x)" in text  # the snippet line behind the new warning


def test_drift_classifies_changed_output(fixture_site):
    from tools.pytest_snippets import classify

    fixture_site.add("double", DOUBLING, "tensor([3., 5.])\ndone\n")
    (example,) = Site(fixture_site.root).examples()
    result = classify(example, run_snippet(example.snippet, fixture_site.root))
    assert result["status"] == "output changed" and "snippets/t/double.py:4" in result["detail"]


# ---- devices (fixture data only: no CUDA output is ever made up for the real pages) ----

DEVICE_SNIPPET = textwrap.dedent("""\
    import torch

    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    print(torch.ones(2, device=device).device.type)
    """)


def test_device_snippet_on_cuda_is_checked_against_its_cuda_recording(fixture_site):
    fixture_site.add("dev", DEVICE_SNIPPET, "cpu\n")
    (example,) = Site(fixture_site.root).examples()
    run = run_snippet(example.snippet, fixture_site.root)  # runs on this CPU
    cuda_env = {**fixture_site.env, "device": "cuda", "device_name": "GPU (fixture)"}
    failure, action = check_example(example, run, cuda_env, record=False, root=fixture_site.root)
    assert failure is not None and "snippets/t/dev.cuda.out" in failure
    assert "--device cuda" in failure
    # A CPU-only snippet on a GPU runner is checked against its CPU output, never recorded.
    fixture_site.add("plain", "print(1)\n", "1\n")
    plain = [e for e in Site(fixture_site.root).examples() if e.name == "t/plain.py"][0]
    run = run_snippet(plain.snippet, fixture_site.root)
    result = check_example(plain, run, cuda_env, record=True, root=fixture_site.root)
    assert result == (None, "ok")  # verified against the CPU output, not recorded
    assert not (fixture_site.root / "snippets/t/plain.cuda.out").exists()


def test_cuda_recordings_are_checked_for_structure(fixture_site):
    fixture_site.add("dev", DEVICE_SNIPPET, "cpu\n")
    fixture_site.add("plain", "print(1)\n", "1\n")
    (fixture_site.root / "snippets/t/dev.cuda.out").write_text("cuda\n")
    (fixture_site.root / "snippets/t/plain.cuda.out").write_text("1\n")
    problems = Site(fixture_site.root).structure_problems()
    assert any("dev.cuda.out has no 'cuda' entry" in p for p in problems), problems
    assert any("plain.py does not use a device" in p for p in problems), problems
    manifest.update(fixture_site.root, "t/dev.py", "cuda", {**fixture_site.env, "device": "cuda"})
    (fixture_site.root / "snippets/t/dev.cuda.out").unlink()
    problems = Site(fixture_site.root).structure_problems()
    assert any("lists a CUDA recording of t/dev.py" in p for p in problems), problems


def test_pages_show_cpu_and_cuda_tabs_or_say_cuda_is_missing(fixture_site):
    from tools.hooks.recorded_note import output_blocks

    fixture_site.add("dev", DEVICE_SNIPPET, "cpu\n")
    page = (fixture_site.root / "docs/zh/dev.md").read_text()
    data = manifest.load(fixture_site.root)
    without = output_blocks(page, data, fixture_site.root, "zh")
    assert "尚未录制" in without and "===" not in without
    (fixture_site.root / "snippets/t/dev.cuda.out").write_text("cuda\n")
    gpu = {**fixture_site.env, "device": "cuda", "device_name": "GPU (fixture) (CUDA 0.0)"}
    manifest.update(fixture_site.root, "t/dev.py", "cuda", gpu)
    tabs = output_blocks(page, manifest.load(fixture_site.root), fixture_site.root, "en")
    assert '=== "CPU (' in tabs and '=== "GPU (fixture) (CUDA 0.0)"' in tabs
    assert '--8<-- "snippets/t/dev.cuda.out"' in tabs and "no GPU recording" not in tabs


def test_long_outputs_are_folded(fixture_site):
    from tools.hooks.recorded_note import FOLD_AT, output_blocks

    lines = "".join(f"line {i}\n" for i in range(FOLD_AT + 1))
    fixture_site.add("long", f"for i in range({FOLD_AT + 1}):\n    print('line', i)\n", lines)
    page = (fixture_site.root / "docs/en/long.md").read_text()
    folded = output_blocks(page, manifest.load(fixture_site.root), fixture_site.root, "en")
    assert f'??? quote "Output ({FOLD_AT + 1} lines, click to expand)"' in folded


def test_sys_exit_with_an_error_code_fails_the_snippet_not_the_session(fixture_site):
    fixture_site.add("exits", "import sys\n\nprint('bye')\nsys.exit(3)\n", "bye\n")
    failure, _ = fixture_site.check("exits")
    assert failure is not None and "SystemExit: 3" in failure
    assert "snippets/t/exits.py:4" in failure
    fixture_site.add("done", "import sys\n\nprint('bye')\nsys.exit(0)\n", "bye\n")
    assert fixture_site.check("done") == (None, "ok")


def test_recorded_note_gives_each_environment_once_with_its_dates(fixture_site):
    from tools.hooks.recorded_note import recorded_note

    fixture_site.add("a", "print(1)\n", "1\n")
    fixture_site.add("b", "print(2)\n", "2\n")
    page = "# Page\n\n" + "\n".join(
        (fixture_site.root / f"docs/en/{n}.md").read_text().split("\n", 1)[1] for n in "ab"
    )
    data = manifest.load(fixture_site.root)
    data["t/a.py"]["cpu"] = {**data["t/a.py"]["cpu"], "recorded": "2026-01-01"}
    data["t/b.py"]["cpu"] = {**data["t/b.py"]["cpu"], "recorded": "2026-02-01"}
    note = recorded_note(page, data, "en", "docs/en/page.md")
    assert note.count("PyTorch ") == 1 and "2026-01-01 – 2026-02-01" in note, note
    data["t/b.py"]["cpu"] = {**data["t/b.py"]["cpu"], "torch": "9.9.9"}
    note = recorded_note(page, data, "en", "docs/en/page.md")
    assert note.count("PyTorch ") == 2 and "PyTorch 9.9.9" in note, note
    assert "–" not in note


# ---- figures (tools/figures.py) ------------------------------------------------

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


def test_changed_curve_fails_naming_figure_artist_and_first_point(fixture_site):
    add_plot(fixture_site)
    assert fixture_site.record("plot") == (None, "recorded")
    data = json.loads((fixture_site.root / "snippets/t/plot.fig1.json").read_text())
    assert data["axes"][0]["legend"] == ["square", "sine"]
    assert fixture_site.check("plot") == (None, "ok")
    fixture_site.add("plot", PLOT.replace("torch.sin(x)", "torch.sin(x) * 1.01"), "drawn\n")
    failure, _ = fixture_site.check("plot")
    assert failure is not None
    assert "snippets/t/plot.py: figure 1 differs" in failure, failure
    assert "axes 1 ('Two curves'), line 2 'sine'" in failure, failure
    # sin(0) * 1.01 is still 0: the first differing point is the second one.
    assert "first differing point: index 1, recorded (x, y) = (0.5, 0.4794255)" in failure
    assert "docs/zh/plot.md:3" in failure and "nox -s record -- -k plot" in failure


def test_same_data_drawn_differently_passes_and_is_not_rerecorded(fixture_site):
    add_plot(fixture_site)
    fixture_site.record("plot")
    svg = fixture_site.root / "snippets/t/plot.fig1.svg"
    before = svg.read_bytes()
    # Another look, the same data: what a new matplotlib's rendering changes.
    restyled = PLOT.replace(
        "import torch\n",
        "import torch\n\nplt.rcParams['lines.antialiased'] = False\nplt.rcParams['lines.linewidth'] = 3\n",
    )
    fixture_site.add("plot", restyled, "drawn\n")
    run = run_snippet(Path("snippets/t/plot.py"), fixture_site.root)
    assert run.figures[0]["svg"] != before  # the pixels differ ...
    assert fixture_site.check("plot") == (None, "ok")  # ... the data does not
    assert fixture_site.record("plot") == (None, "unchanged")
    assert svg.read_bytes() == before  # no churn


def test_unrecorded_figure_fails_with_what_to_run(fixture_site):
    add_plot(fixture_site)
    failure, _ = fixture_site.check("plot")
    assert failure is not None
    assert "it draws 1 figure(s) but none is recorded" in failure
    assert "snippets/t/plot.fig1.json missing" in failure and "nox -s record -- -k plot" in failure
    problems = Site(fixture_site.root).structure_problems()
    assert any("shows snippets/t/plot.fig1.svg, which is not recorded" in p for p in problems)


def test_figures_must_be_shown_on_both_pages_and_only_recorded_ones(fixture_site):
    add_plot(fixture_site, shown=0)
    for n in (1, 2):
        for suffix in ("svg", "json"):
            (fixture_site.root / f"snippets/t/plot.fig{n}.{suffix}").write_text("{}")
    problems = Site(fixture_site.root).structure_problems()
    assert any("plot.fig2.svg is recorded but not shown" in p for p in problems), problems
    add_plot(fixture_site, shown=2)
    assert Site(fixture_site.root).structure_problems() == []
    en = fixture_site.root / "docs/en/plot.md"
    en.write_text(en.read_text().replace("fig2", "fig3"))
    problems = Site(fixture_site.root).structure_problems()
    assert any("have different figures" in p for p in problems), problems
    assert any("docs/en/plot.md:15: shows snippets/t/plot.fig3.svg" in p for p in problems)
    en.write_text(en.read_text().replace("![Curves 1]", "![]"))
    assert any("has no alt text" in p for p in Site(fixture_site.root).structure_problems())


def test_figures_on_the_page_and_in_the_notebook(fixture_site):
    from tools.hooks.figures import render_figures
    from tools.notebooks import page_notebook

    add_plot(fixture_site)
    (fixture_site.root / "snippets/t/plot.fig1.svg").write_text("<svg></svg>")
    (fixture_site.root / "snippets/t/plot.fig1.json").write_text("{}")
    page = (fixture_site.root / "docs/zh/plot.md").read_text()
    html = render_figures(page, "../")
    assert '<img src="../snippets/t/plot.fig1.svg" alt="曲线 1"' in html
    assert "figure:" not in html
    nb = page_notebook(Site(fixture_site.root), "zh", Path("plot.md"))
    (cell,) = [c for c in nb.cells if c.cell_type == "code"]
    assert [o.output_type for o in cell.outputs] == ["stream", "display_data"]
    assert cell.outputs[1].data["image/svg+xml"] == "<svg></svg>"
    assert all("figure:" not in c.source for c in nb.cells)


def test_a_figure_line_needs_a_line_of_its_own(fixture_site):
    add_plot(fixture_site)
    zh = fixture_site.root / "docs/zh/plot.md"
    zh.write_text(zh.read_text().replace("![曲线 1]", "见 ![曲线 1]"))
    assert any(
        "docs/zh/plot.md:13: a figure goes on a line of its own" in p
        for p in Site(fixture_site.root).page_errors()
    )


def test_show_collects_every_figure_in_order_without_warnings(fixture_site):
    code = (
        "import matplotlib.pyplot as plt\n\n"
        "plt.show()  # nothing to show: no figure, no warning\n"
        "plt.plot([1, 2], [3, 4])\n"
        "plt.title('first')\n"
        "plt.show()\n"
        "fig, axes = plt.subplots(1, 2)\n"
        "axes[1].imshow([[0, 1], [2, 3]])\n"
        "plt.figure()\n"
        "plt.scatter([1], [2], label='point')\n"
        "print('left open')\n"
    )
    fixture_site.add("many", code, "left open\n")
    run = run_snippet(Path("snippets/t/many.py"), fixture_site.root)
    assert run.problems == [] and run.warnings == []
    titles = [[axes["title"] for axes in f["data"]["axes"]] for f in run.figures]
    assert titles == [["first"], ["", ""], [""]]  # shown, then still open at the end, in order
    assert run.figures[1]["data"]["axes"][1]["images"][0]["array"] == [[0, 1], [2, 3]]
    assert run.figures[2]["data"]["axes"][0]["collections"][0]["offsets"] == [[1, 2]]
    assert all(f["svg"].startswith(b"<?xml") for f in run.figures)
    plain = run_snippet(Path("snippets/t/many.py"), fixture_site.root)
    assert [f["svg"] for f in plain.figures] == [f["svg"] for f in run.figures]  # same bytes


def test_a_large_image_is_kept_as_block_means_and_a_change_still_fails():
    import numpy as np
    from matplotlib.figure import Figure  # no backend, no pyplot: nothing global changes

    from tools.figures import compare_figure, figure_data

    photo = np.linspace(0, 1, 120 * 90 * 3).reshape(120, 90, 3)
    fig = Figure()
    fig.add_subplot().imshow(photo)
    data = figure_data(fig)
    (image,) = data["axes"][0]["images"]
    assert "array" not in image and image["block"] == [5, 4] and image["shape"] == [120, 90, 3]
    photo[7, 5, 1] = 0.0  # one pixel of one channel
    changed = Figure()
    changed.add_subplot().imshow(photo)
    failure = compare_figure(data, figure_data(changed))
    assert (
        failure is not None and "image 1: block_means: first differing point [1, 1, 1]" in failure
    )


def test_a_manifest_entry_for_a_removed_snippet_is_a_structure_problem(fixture_site):
    fixture_site.add("gone", "print(1)\n", "1\n")
    manifest.update(fixture_site.root, "t/never.py", "cpu", fixture_site.env)
    problems = Site(fixture_site.root).structure_problems()
    assert any("manifest.json has an entry for t/never.py" in p for p in problems), problems
