"""The guard cannot be fooled: isolation, time limits, crashes, malformed pages,
drift plumbing and exact text. Each test on a throw-away site (tests/test_checks.py
style), each case found by an adversary (issue #11).
"""

import json
import os
import sys
import textwrap
from pathlib import Path

import pytest

from tests.test_checks import DOUBLING, FixtureSite
from tools import snippet_runner
from tools.drift_report import load, main, render
from tools.output_compare import compare
from tools.pytest_snippets import ROOT, check_example, classify
from tools.site_pages import PageError, Site
from tools.snippet_runner import default_timeout, in_child, run_snippet


def _pytest_main(args: list[str], site_root: str, output: str) -> tuple[int, str]:
    """pytest.main(args) on another site, in this (forked) process; (exit code, output)."""
    os.environ["SNIPPETS_SITE_ROOT"] = site_root
    sys.modules.pop("tests.test_snippets", None)  # re-read with the other site
    fd = os.open(output, os.O_WRONLY | os.O_CREAT | os.O_TRUNC)
    os.dup2(fd, 1)
    os.dup2(fd, 2)
    sys.stdout = sys.stderr = open(1, "w", closefd=False)  # noqa: SIM115
    os.chdir(ROOT)
    code = int(pytest.main(args))
    sys.stdout.flush()
    return code, Path(output).read_text()


class GuardSite(FixtureSite):
    def run(self, name: str, timeout: float | None = None):
        site = Site(self.root)
        (example,) = [e for e in site.examples() if e.name == f"t/{name}.py"]
        return example, run_snippet(example.snippet, self.root, timeout=timeout)

    def check(self, name: str, record: bool = False, timeout: float | None = None):
        example, run = self.run(name, timeout)
        return check_example(example, run, self.env, record=record, root=self.root)


@pytest.fixture
def site(tmp_path, snippet_environment):
    return GuardSite(tmp_path, snippet_environment)


# ---- isolation: nothing a snippet changes reaches the next one ------------------


def test_print_options_do_not_leak_into_the_next_snippet(site):
    site.add(
        "coarse",
        "import torch\n\ntorch.set_printoptions(precision=1)\nprint(torch.tensor([0.78431]))\n",
        "tensor([0.8])\n",
    )
    site.add("fine", "import torch\n\nprint(torch.tensor([0.78431]))\n", "tensor([0.7843])\n")
    assert site.check("coarse") == (None, "ok")
    assert site.check("fine") == (None, "ok")


LEAKER = textwrap.dedent("""\
    import logging
    import os
    import sys

    import torch

    torch.set_num_threads(1)
    torch.set_default_dtype(torch.float64)
    torch.set_default_device("meta")
    torch.use_deterministic_algorithms(True)
    os.environ["LEAKED_VARIABLE"] = "1"
    sys.path.insert(0, "/leaked/path")
    sys.modules["leaked_module"] = sys
    logging.basicConfig()
    print("changed")
    """)

CHECKER = textwrap.dedent("""\
    import logging
    import os
    import sys

    import torch

    print(torch.get_num_threads())
    print(torch.get_default_dtype(), torch.empty(1).device)
    print(torch.are_deterministic_algorithms_enabled())
    print(os.environ.get("LEAKED_VARIABLE"), "/leaked/path" in sys.path)
    print("leaked_module" in sys.modules, len(logging.getLogger().handlers))
    """)


def test_other_global_state_does_not_leak(site):
    import torch

    threads = snippet_runner._PARENT["threads"]  # what a fresh `python` gets here
    site.add("leaker", LEAKER, "changed\n")
    site.add("checker", CHECKER, f"{threads}\ntorch.float32 cpu\nFalse\nNone False\nFalse 0\n")
    assert site.check("leaker") == (None, "ok")
    assert site.check("checker") == (None, "ok")
    # ... and nothing reached the test process either.
    assert torch.get_default_dtype() == torch.float32
    assert "LEAKED_VARIABLE" not in os.environ and "/leaked/path" not in sys.path


# ---- time limit, crashes, exits ----------------------------------------------


def test_endless_loop_fails_after_the_time_limit_naming_snippet_and_line(site):
    site.add("spin", "print('start')\nx = 0\nwhile True:\n    x += 1\n", "start\n")
    # 1.5 s: long enough for the forked child to reach the loop on a loaded machine.
    failure, _ = site.check("spin", timeout=1.5)
    assert failure is not None
    assert "snippets/t/spin.py:4: timed out after 1.5 s on line 4" in failure
    assert "x += 1" in failure and "start" in failure  # the line, and the output until then


def test_time_limit_comes_from_the_option_or_the_environment(monkeypatch):
    monkeypatch.delenv("SNIPPET_TIMEOUT", raising=False)
    assert default_timeout() == 60
    monkeypatch.setenv("SNIPPET_TIMEOUT", "7.5")
    assert default_timeout() == 7.5


def test_os_exit_and_a_segfault_fail_naming_the_snippet(site):
    site.add("quits", "import os\n\nprint('bye')\nos._exit(0)\nprint('never')\n", "bye\nnever\n")
    failure, _ = site.check("quits")
    assert failure is not None and "snippets/t/quits.py" in failure
    assert "exit status 0" in failure and "os._exit()" in failure
    site.add("segv", "import ctypes\n\nprint('before')\nctypes.string_at(0)\n", "before\n")
    failure, _ = site.check("segv")
    assert failure is not None
    assert "snippets/t/segv.py:4: killed by SIGSEGV (segmentation fault) on line 4" in failure
    site.add("killed", "import os\nimport signal\n\nos.kill(os.getpid(), signal.SIGSEGV)\n", "")
    failure, _ = site.check("killed")
    assert failure is not None and "snippets/t/killed.py:4: killed by SIGSEGV" in failure


BELOW_PYTHON = textwrap.dedent("""\
    import ctypes
    import os
    import subprocess
    import sys

    print("python")
    os.write(1, b"os.write\\n")
    subprocess.run([sys.executable, "-c", "print('subprocess')"], check=True)
    ctypes.CDLL(None).printf(b"printf %d\\n", 42)
    print("stderr", file=sys.stderr)
    print("end")
    """)


def test_output_written_below_python_is_captured_in_order(site):
    site.add("below", BELOW_PYTHON, "python\nos.write\nsubprocess\nprintf 42\nstderr\nend\n")
    assert site.check("below") == (None, "ok")
    site.add("below", BELOW_PYTHON, "python\nos.write\nsubprocess\nprintf 41\nstderr\nend\n")
    failure, _ = site.check("below")
    assert failure is not None and "number 41 became 42" in failure
    assert "written below Python" in failure  # no snippet line to name for printf's output
    _, run = site.run("below")
    assert run.output_lines == [6, 0, 0, 0, 10, 11]  # Python's writes keep their lines


def test_the_parent_never_initialises_cuda(site, monkeypatch):
    import torch

    from tools.pytest_snippets import cuda_device_name

    # A CPU run hides the GPU; a --device cuda run names it. Either way, from a child.
    assert (in_child(cuda_device_name) is None) == (site.env["device"] == "cpu")
    assert not torch.cuda.is_initialized()
    site.add("double", DOUBLING, "tensor([3., 4.])\ndone\n")
    monkeypatch.setattr(torch.cuda, "is_initialized", lambda: True)
    with pytest.raises(RuntimeError, match="CUDA is initialised in the process"):
        site.check("double")


# ---- malformed pages: one line naming page and line ---------------------------


def _page_errors(site: GuardSite) -> list[str]:
    errors = Site(site.root).page_errors()
    assert all("\n" not in e and "Traceback" not in e for e in errors), errors
    return errors


def test_orphan_output_marker_names_page_and_line(site):
    site.add("double", DOUBLING, "tensor([3., 4.])\ndone\n")
    site.add("other", "print(1)\n", "1\n", pages=())
    page = site.root / "docs/zh/double.md"
    # An editor deleted the code block of `other`, leaving its marker and output block.
    page.write_text(
        page.read_text()
        + '\n<!--pytest-codeblocks:expected-output-->\n\n```text\n--8<-- "snippets/t/other.out"\n```\n'
    )
    errors = _page_errors(site)
    assert len(errors) == 1 and errors[0].startswith("docs/zh/double.md:13: ")
    assert "follows an output block (line 9)" in errors[0]
    assert any(e.startswith("docs/zh/double.md:13") for e in Site(site.root).structure_problems())


@pytest.mark.parametrize(
    "extra, where, what",
    [
        ("```python\nprint(1)\n", 13, "never closed"),
        ('```python\n--8<-- "snippets/t/gone.py"\n```\n', 14, "gone.py"),
        (
            '``` { .text }\n--8<-- "snippets/t/double.out"\n```\n',
            13,
            "has no <!--pytest-codeblocks:expected-output--> marker",
        ),
        (
            "<!--pytest-codeblocks:expected-output-->\n\nSome prose.\n",
            13,
            "must come right before a code block",
        ),
        ("<!--pytest-codeblocks:skip-->\n", 13, "not used on this site"),
    ],
    ids=[
        "unclosed-fence",
        "missing-include",
        "output-without-code",
        "marker-then-prose",
        "unknown-marker",
    ],
)
def test_malformed_page_is_one_line_naming_page_and_line(site, extra, where, what):
    site.add("double", DOUBLING, "tensor([3., 4.])\ndone\n")
    page = site.root / "docs/en/double.md"
    page.write_text(page.read_text() + "\n" + extra)
    errors = _page_errors(site)
    assert len(errors) == 1 and errors[0].startswith(f"docs/en/double.md:{where}: "), errors
    assert what in errors[0]


def test_site_build_stops_on_a_malformed_page_with_the_same_line(site):
    from mkdocs.exceptions import BuildError

    from tools.notebooks import write_all

    site.add("double", DOUBLING, "tensor([3., 4.])\ndone\n")
    page = site.root / "docs/zh/double.md"
    page.write_text(
        page.read_text().replace('--8<-- "snippets/t/double.py"', '--8<-- "snippets/t/gone.py"')
    )
    with pytest.raises(PageError, match=r"^docs/zh/double\.md:4: includes snippets/t/gone\.py"):
        write_all(site.root, site.root / "out")
    assert issubclass(PageError, BuildError)  # mkdocs prints it as one line and aborts
    page.write_text(page.read_text() + "\n```python\n")
    with pytest.raises(PageError, match=r"^docs/zh/double\.md:13: this code block"):
        write_all(site.root, site.root / "out")


def test_pytest_codeblocks_is_refused_with_a_message(tmp_path):
    args = ["--codeblocks", "docs/en/index.md", "-p", "no:cacheprovider"]
    returncode, output = in_child(_pytest_main, args, str(ROOT), str(tmp_path / "out.txt"))
    assert returncode == 4 and "--codeblocks is disabled on this site" in output
    assert "nox -s tests" in output


# ---- exact text ------------------------------------------------------------------


def test_indentation_and_line_structure_are_text():
    shown = "ResNet(\n  (fc): Linear(in_features=512, out_features=10, bias=True)\n)"
    assert compare(shown, shown) is None
    assert compare(shown, shown.replace("  (fc)", "(fc)")) is not None  # indentation
    assert compare(shown, shown.replace("  (fc)", "    (fc)")) is not None
    assert compare("a\n\nb", "a\nb") is not None  # a blank line is structure
    assert compare("a b", "a  b") is not None  # spacing between words is text
    assert compare("a\n", "a\n\n") is None  # trailing blank lines are not shown


def test_padding_next_to_numbers_may_move():
    assert compare("tensor([ 0.0000, -1.0000])", "tensor([-0.0000, -1.0000])") is None
    assert (
        compare(
            "tensor([[ 1.,  2.],\n        [-3., 10.]])", "tensor([[ 1., 2.],\n        [-3., 10.]])"
        )
        is None
    )
    assert compare("loss   0.5000", "loss 0.5000") is None
    assert compare("tensor([[ 1.],\n        [-3.]])", "tensor([[ 1.],\n    [-3.]])") is not None


# ---- drift: nothing passes quietly ----------------------------------------------


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


def test_drift_run_end_to_end_fails_on_a_crash_and_a_page_it_cannot_read(site, tmp_path):
    """pytest --drift-report under -n0 on a throw-away site, then the report's exit code."""
    site.add("double", DOUBLING, "tensor([3., 4.])\ndone\n")
    site.add("quits", "import os\n\nos._exit(0)\n", "")
    site.add("hidden", "print(1)\n", "1\n")
    broken = site.root / "docs/en/hidden.md"
    broken.write_text(
        broken.read_text().replace("```python", "<!--pytest-codeblocks:cont-->\n```python", 1)
    )
    (site.root / "docs/zh/hidden.md").write_text(broken.read_text())
    report = tmp_path / "runs" / "run.jsonl"
    args = ["tests/test_snippets.py", "-n0", "-q", "-p", "no:cacheprovider"]
    args += [f"--drift-report={report}", "-W", "ignore::pytest.PytestAssertRewriteWarning"]
    # pytest in a child forked from this worker: torch is imported already (a new
    # Python would spend seconds importing it), and the child is thrown away after.
    returncode, output = in_child(_pytest_main, args, str(site.root), str(tmp_path / "pytest.txt"))
    assert returncode == 1, output  # not 0: os._exit ended only its own child
    assert "docs/en/hidden.md:3: <!--pytest-codeblocks:cont--> marks a continued block" in output
    assert "Traceback" not in output
    statuses = {
        json.loads(line)["snippet"]: json.loads(line)["status"]
        for line in report.read_text().splitlines()
    }
    assert statuses == {"t/double.py": "ok", "t/quits.py": "error"}
    out = tmp_path / "report.md"
    assert main([str(out), str(report)], root=site.root) == 1
    text = out.read_text()
    assert "| `t/hidden.py` | **not run** |" in text and "| `t/quits.py` | **error** |" in text
    assert "2 drifted cell(s) over 3 snippets" in text


def test_a_syntax_error_is_the_snippets_own_error(site):
    site.add("typo", "print('a'\n", "a\n")
    failure, _ = site.check("typo")
    assert failure is not None and "SyntaxError" in failure and "harness" not in failure
