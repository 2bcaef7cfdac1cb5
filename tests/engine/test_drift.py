"""The drift table: every snippet a row, every version pair a column, nothing passes quietly."""

import json
import textwrap
from pathlib import Path

import pytest

from recorded_docs.compat.drift import load, main, render
from recorded_docs.pages import Site
from tests.helpers import COPY_CONSTRUCT, DOUBLING, FixtureSite, classify, run_snippet


@pytest.fixture
def fixture_site(tmp_path, snippet_environment):
    return FixtureSite(tmp_path, snippet_environment)


site = fixture_site


def test_drift_table_reports_each_kind_of_change(fixture_site, tmp_path):
    from recorded_docs.compat.drift import load, render
    from recorded_docs.pytest_plugin import append_drift

    fixture_site.add("double", DOUBLING, "tensor([3., 4.])\ndone\n")
    fixture_site.add("copy", COPY_CONSTRUCT, "tensor(1.)\n")
    fixture_site.add("boom", "raise RuntimeError('gone')\n", "")
    report = tmp_path / "run.jsonl"
    site = Site(fixture_site.root)
    for example in site.examples():
        run = run_snippet(example.snippet.path, fixture_site.root)
        append_drift(report, example, fixture_site.env, classify(example, run))
    (fixture_site.root / "snippets/t/double.out").write_text("tensor([3., 5.])\ndone\n")
    columns, cells = load([report])
    statuses = {name: next(iter(row.values()))["status"] for name, row in cells.items()}
    assert statuses == {"t/boom.py": "error", "t/copy.py": "new warning", "t/double.py": "ok"}
    text, drifted = render(columns, cells)
    assert drifted == 2 and "**error**" in text and "snippets/t/boom.py:1" in text
    assert "y = torch.tensor(x)" in text  # the snippet line behind the new warning


def test_drift_classifies_changed_output(fixture_site):
    fixture_site.add("double", DOUBLING, "tensor([3., 5.])\ndone\n")
    (example,) = Site(fixture_site.root).examples()
    result = classify(example, run_snippet(example.snippet.path, fixture_site.root))
    assert result["status"] == "output changed" and "snippets/t/double.py:4" in result["detail"]


def _row(snippet: str, status: str = "ok") -> dict:
    return {
        "snippet": snippet,
        "pages": ["docs/zh/x.md:3"],
        "torch": "9.0",
        "torchvision": "1.0",
        "status": status,
        "detail": "d",
    }


def test_drift_missing_cell_is_drift_and_every_snippet_has_a_row(tmp_path):
    (tmp_path / "snippets/t").mkdir(parents=True)
    for name in ("a", "b", "c"):
        (tmp_path / f"snippets/t/{name}.py").write_text("print(1)\n")
    run = tmp_path / "run.jsonl"
    run.write_text(json.dumps(_row("t/a.py")) + "\n" + json.dumps(_row("t/b.py")) + "\n")
    columns, cells = load([run])
    text, drifted = render(columns, cells, ["t/a.py", "t/b.py", "t/c.py"])
    assert drifted == 1 and "| `t/c.py` | **not run** |" in text
    out = tmp_path / "report.md"
    assert main([str(out), str(run)], root=tmp_path) == 1
    run.write_text(run.read_text() + json.dumps(_row("t/c.py")) + "\n")
    assert main([str(out), str(run)], root=tmp_path) == 0
    # A version pair whose run wrote nothing is a column of "not run" cells.
    assert main([str(out), str(run), str(tmp_path / "torch-9.1.jsonl")], root=tmp_path) == 1
    assert "torch-9.1 (no results)" in out.read_text()


def test_classify_is_right_for_legacy_snippets(site):
    legacy = textwrap.dedent("""\
        # legacy: raises AttributeError
        import torch

        loader = torch.utils.data.DataLoader([1, 2, 3])
        batch = iter(loader).next()
        """)
    site.add("next", legacy, "")
    site.record("next")
    examples = {e.name: e for e in Site(site.root).examples()}

    def status(name: str, code: str) -> dict:
        (site.root / f"snippets/t/{name}.py").write_text(code)
        return classify(
            examples[f"t/{name}.py"], run_snippet(Path(f"snippets/t/{name}.py"), site.root)
        )

    assert status("next", legacy)["status"] == "ok"
    warned = legacy.replace("import torch\n", "import torch\n\ntorch.tensor(torch.tensor(1.0))\n")
    result = status("next", warned)
    assert result["status"] == "new warning" and "To copy construct" in result["detail"]
    result = status("next", legacy.replace("iter(loader).next()", "1 / 0"))
    assert result["status"] == "legacy changed" and "ZeroDivisionError" in result["detail"]
    result = status("next", legacy.replace("iter(loader).next()", "next(iter(loader))"))
    assert (
        result["status"] == "legacy changed"
        and "no longer raises AttributeError" in result["detail"]
    )
    result = status("next", "import os\n\nos._exit(3)\n")
    assert result["status"] == "error" and "exit status 3" in result["detail"]
