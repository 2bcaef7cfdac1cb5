"""The pytest plugin, as a maintainer runs it: ``pytest --codeblocks docs/``,
``pytest docs/en/page.md``, ``--drift-report``, on throw-away sites with pytester.

The runs are in-process (``runpytest_inprocess``): a new Python per run would import
torch again each time (about 7 s a run with torchvision and matplotlib, doubling the
test session). torch cannot be imported twice in one process, so it is imported in this
worker first (the ``snippet_environment`` fixture, autouse here): pytester then keeps
it across the inner runs, which fork their snippets from this worker as the plugin
always does.
"""

from __future__ import annotations

import json
import textwrap

import pytest

from tests.helpers import DOUBLING, MKDOCS_YML, PAGE

pytest_plugins = ["pytester"]

INI = """\
[tool.pytest.ini_options]
recorded_docs_pages = "docs"
recorded_docs_languages = ["zh", "en"]
recorded_docs_comments = ["zh"]
"""

SHELL = """
```bash
touch shell-block-ran
exit 1
```
"""

RAISES = "# legacy: raises IndexError\nx = [1]\nprint(x[0])\nprint(x[2])  # out of range\n"
RAISES_OUT = (
    "1\nTraceback (most recent call last):\n"
    '  File "raises.py", line 4, in <module>\n'
    "    print(x[2])  # out of range\n"
    "IndexError: list index out of range\n"
)


@pytest.fixture(autouse=True)
def torch_first(snippet_environment):
    """torch (and what the runner preloads) imported before any inner run."""


def make_site(pytester, snippets: dict[str, tuple[str, str | None]], pages=None) -> None:
    pytester.makepyprojecttoml(INI)
    (pytester.path / "mkdocs.yml").write_text(MKDOCS_YML)
    (pytester.path / "snippets/t").mkdir(parents=True)
    for lang in ("zh", "en"):
        (pytester.path / "docs" / lang).mkdir(parents=True)
    for name, (code, output) in snippets.items():
        (pytester.path / f"snippets/t/{name}.py").write_text(code)
        if output is not None:
            (pytester.path / f"snippets/t/{name}.out").write_text(output)
        for lang in ("zh", "en"):
            text = PAGE.format(title="Page", name=name, output="Output")
            (pytester.path / f"docs/{lang}/{name}.md").write_text(text)
    (pytester.path / "README.md").write_text("# A readme\n" + SHELL)


def manifest_for(pytester, env: dict, names: list[str]) -> None:
    data = {f"t/{n}.py": {"cpu": env} for n in names}
    (pytester.path / "snippets/manifest.json").write_text(json.dumps(data, indent=2))


def outcomes(result) -> dict[str, str]:
    """nodeid -> PASSED/FAILED from a -rA run's short summary."""
    found = {}
    for line in result.outlines:
        for word in ("PASSED", "FAILED", "ERROR"):
            if line.startswith(word + " "):
                found[line.split()[1]] = word
    return found


def test_codeblocks_verifies_the_pages_one_item_per_snippet_and_runs_no_shell_block(
    pytester, snippet_environment
):
    make_site(
        pytester,
        {
            "double": (DOUBLING, "tensor([3., 4.])\ndone\n"),
            "changed": ("print('now')\n", "before\n"),
            "raises": (RAISES, RAISES_OUT),
        },
    )
    (pytester.path / "snippets/t/raises.zh.yaml").write_text("- en: out of range\n  zh: 越界\n")
    page = pytester.path / "docs/en/double.md"
    page.write_text(page.read_text() + SHELL)
    manifest_for(pytester, snippet_environment, ["double", "changed", "raises"])
    # One item per snippet, under the first page collected (en before zh).
    result = pytester.runpytest_inprocess("--codeblocks", "docs", "--collect-only", "-q")
    assert [line for line in result.outlines if "::" in line] == [
        "docs/en/changed.md::t/changed.py",
        "docs/en/double.md::t/double.py",
        "docs/en/raises.md::t/raises.py",
    ], result.stdout.str()
    # Run: a Chinese page named first gets its snippet's item, which runs the variant the
    # page shows: its translated comment is quoted by the recorded traceback, so it
    # differs, while the snippet itself would pass. Each snippet runs once.
    result = pytester.runpytest_inprocess(
        "--codeblocks", "docs/zh/raises.md", "docs/en", "-rA", "-p", "no:cacheprovider"
    )
    got = outcomes(result)
    assert got == {
        "docs/zh/raises.md::t/raises.py": "FAILED",
        "docs/en/changed.md::t/changed.py": "FAILED",
        "docs/en/double.md::t/double.py": "PASSED",
    }, result.stdout.str()
    text = result.stdout.str()
    assert "# 越界" in text
    # A failure names the page and block line, the snippet and its line, and the diff.
    assert "docs/en/changed.md:3: snippets/t/changed.py" in text
    assert "printed by snippets/t/changed.py:1" in text and "-before" in text and "+now" in text
    assert not (pytester.path / "shell-block-ran").exists()  # no shell block ever runs
    assert result.ret == 1


def test_a_readme_is_refused_when_named_and_skipped_in_a_folder(pytester):
    make_site(pytester, {"double": (DOUBLING, "tensor([3., 4.])\ndone\n")})
    result = pytester.runpytest_inprocess("README.md")
    assert result.ret == 4
    errors = [line for line in result.errlines if line.startswith("ERROR:")]
    assert errors == [
        "ERROR: README.md is not a page of this site: pages are docs/<zh|en>/**/*.md "
        "(its code blocks are not run)"
    ], result.stderr.str()
    assert "Traceback" not in result.stderr.str()
    result = pytester.runpytest_inprocess("--codeblocks", ".", "--collect-only", "-q")
    assert "README.md" not in result.stdout.str()
    assert not (pytester.path / "shell-block-ran").exists()


def test_drift_report_end_to_end_with_a_crash_a_malformed_page_and_a_selection(pytester):
    """--drift-report under -n0, then the report's exit code; --snippet selects."""
    from recorded_docs.compat.drift import main

    make_site(
        pytester,
        {
            "double": (DOUBLING, "tensor([3., 4.])\ndone\n"),
            "quits": ("import os\n\nos._exit(0)\n", ""),
            "hidden": ("print(1)\n", "1\n"),
        },
    )
    for lang in ("zh", "en"):
        broken = pytester.path / f"docs/{lang}/hidden.md"
        broken.write_text(
            broken.read_text().replace("```python", "<!--pytest-codeblocks:cont-->\n```python", 1)
        )
    report = pytester.path / "runs" / "run.jsonl"
    result = pytester.runpytest_inprocess("docs", "-q", f"--drift-report={report}")
    assert result.ret == 1  # not 0: os._exit ended only its own child
    text = result.stdout.str()
    assert "docs/en/hidden.md:3: <!--pytest-codeblocks:cont--> marks a continued block" in text
    assert "Traceback" not in text
    statuses = {
        json.loads(line)["snippet"]: json.loads(line)["status"]
        for line in report.read_text().splitlines()
    }
    assert statuses == {"t/double.py": "ok", "t/quits.py": "error"}
    out = pytester.path / "report.md"
    assert main([str(out), str(report)], root=pytester.path) == 1
    table = out.read_text()
    assert "| `t/hidden.py` | **not run** |" in table and "| `t/quits.py` | **error** |" in table
    assert "2 drifted cell(s) over 3 snippets" in table
    # --snippet NAME keeps only that snippet's item (compat re-runs changed ones).
    result = pytester.runpytest_inprocess(
        "docs", "--collect-only", "-q", "--snippet=t/double.py", "--snippet=t/quits.py"
    )
    assert [line for line in result.outlines if "::" in line] == [
        "docs/en/double.md::t/double.py",
        "docs/en/quits.md::t/quits.py",
    ], result.stdout.str()


def test_outside_a_configured_project_the_plugin_does_nothing(pytester):
    """Installed everywhere the engine is, it collects pages only where configured."""
    pytester.makepyprojecttoml("[tool.pytest.ini_options]\n")
    (pytester.path / "docs/en").mkdir(parents=True)
    (pytester.path / "docs/en/page.md").write_text(
        textwrap.dedent(PAGE.format(title="t", name="x", output="Output"))
    )
    result = pytester.runpytest_inprocess("docs", "--collect-only", "-q")
    assert result.ret == 5 and "no tests collected" in result.stdout.str()
