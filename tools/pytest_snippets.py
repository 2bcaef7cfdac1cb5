"""pytest plugin: verify every snippet against its recorded output, or re-record it.

    pytest tests/test_snippets.py            # verify (what `nox -s tests` runs)
    pytest tests/test_snippets.py --record   # re-run and rewrite changed outputs

One engine: recording is the verification run with a flag, so what is recorded is
exactly what is checked. A snippet that fails (error, unexpected warning, a
declared legacy warning that no longer happens) is never recorded.
"""

from __future__ import annotations

import datetime
import io
import json
import os
import platform
import warnings
from pathlib import Path

import pytest

from tools import figures, manifest
from tools.figures import compare_figure, figure_files, recorded_figures
from tools.output_compare import TOLERANCE, compare, diff
from tools.site_pages import Example
from tools.snippet_runner import TIMEOUT_ENV, Run, in_child, prepare_parent

ROOT = Path(__file__).resolve().parent.parent
RESNET18_FILE = "resnet18-f37072fd.pth"


def pytest_addoption(parser):
    group = parser.getgroup("snippets", "recorded snippet outputs")
    group.addoption(
        "--record",
        action="store_true",
        help="re-run every snippet and rewrite the recorded outputs (and manifest) that changed",
    )
    group.addoption(
        "--device",
        choices=("cpu", "cuda"),
        default="cpu",
        help="run the snippets on this device (default cpu; cpu hides any GPU from torch)",
    )
    group.addoption(
        "--drift-report",
        metavar="PATH",
        help="classify every snippet (ok / output changed / new warning / error) against the "
        "recorded outputs on whatever torch is installed, and append one JSON line each to PATH",
    )
    group.addoption(
        "--snippet-timeout",
        type=float,
        metavar="SECONDS",
        default=None,
        help=f"time limit per snippet (default: ${TIMEOUT_ENV}, else 60); a snippet that runs "
        "longer fails, naming the line it was on",
    )


def pytest_configure(config):
    if config.getoption("device") == "cpu":
        # Snippets pick cuda when they see a GPU; a CPU run must not see one.
        os.environ["CUDA_VISIBLE_DEVICES"] = ""


@pytest.fixture(scope="session")
def snippet_environment(tmp_path_factory, pytestconfig) -> dict:
    """Import torch once per worker, pre-seed the hub cache, describe this machine.

    Snippets run in children forked from this process (tools/snippet_runner.py), so
    it must never initialise CUDA itself: the GPU is looked at from a child. The
    workers share the cores between their children.
    """
    prepare_parent(workers=int(os.environ.get("PYTEST_XDIST_WORKER_COUNT", "1")))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import numpy  # noqa: F401
        import PIL.Image  # noqa: F401
        import torch
        import torchvision

    device = pytestconfig.getoption("device")
    gpu = in_child(cuda_device_name) if device == "cuda" else None
    if device == "cuda" and gpu is None:
        pytest.exit("--device cuda: torch sees no CUDA device on this machine", returncode=2)
    torch_home = tmp_path_factory.mktemp("torch_home")
    seed_hub_cache(torch_home)
    os.environ["TORCH_HOME"] = str(torch_home)
    return describe_environment(torch, torchvision, device=device, gpu=gpu)


def cuda_device_name() -> str | None:
    """The GPU's name and CUDA version, or None. Initialises CUDA: call it in_child()."""
    import torch

    if not torch.cuda.is_available():
        return None
    return f"{torch.cuda.get_device_name()} (CUDA {torch.version.cuda})"


def seed_hub_cache(torch_home: Path) -> None:
    """Put a stand-in resnet18 checkpoint where torchvision looks before downloading.

    It has the real architecture and random weights: the pages show shapes and
    parameter counts, never values that depend on the trained weights.
    """
    import torch
    import torchvision

    prepare_parent()  # single-threaded here, so that forked snippets may use threads
    checkpoints = torch_home / "hub" / "checkpoints"
    checkpoints.mkdir(parents=True, exist_ok=True)
    if not _STAND_IN:  # made once per process (and inherited by forked children)
        buffer = io.BytesIO()
        torch.manual_seed(0)
        torch.save(torchvision.models.resnet18().state_dict(), buffer)
        _STAND_IN.append(buffer.getvalue())
    (checkpoints / RESNET18_FILE).write_bytes(_STAND_IN[0])


_STAND_IN: list[bytes] = []


def describe_environment(torch, torchvision, device: str, gpu: str | None = None) -> dict:
    if device == "cuda":
        name = gpu or "CUDA"
    else:
        name = f"CPU ({platform.machine()})"
    return {
        "torch": torch.__version__.split("+")[0],
        "torchvision": torchvision.__version__.split("+")[0],
        "python": platform.python_version(),
        "device": device,
        "device_name": name,
        "recorded": datetime.date.today().isoformat(),
    }


def _first_difference(example: Example, run: Run, line: int) -> str:
    code = run.code_lines
    if line < len(run.output_lines) and run.output_lines[line]:
        src = run.output_lines[line]
        text = code[src - 1].strip() if src <= len(code) else ""
        return f"  first difference at output line {line + 1}, printed by {example.snippet}:{src}\n      {text}"
    if line < len(run.output_lines):
        return (
            f"  first difference at output line {line + 1}, written below Python "
            "(os.write, C code or a subprocess), so no snippet line to name"
        )
    return f"  first difference at output line {line + 1}"


def check_example(
    example: Example, run: Run, env: dict, record: bool, root: Path = ROOT
) -> tuple[str | None, str]:
    """Verify (or record) one example: its text output, then its figures.

    Returns (failure message or None, what was done).
    """
    failure, action = check_output(example, run, env, record, root)
    if failure is not None or run.problems:
        return failure, action
    figure_failure, figure_action = check_figures(example, run, env, record, root)
    if figure_failure is not None:
        return figure_failure, figure_action
    if figure_action == "recorded" and action in ("ok", "unchanged", "manifest updated"):
        return None, "recorded"
    return None, action


def check_figures(
    example: Example, run: Run, env: dict, record: bool, root: Path = ROOT
) -> tuple[str | None, str]:
    """Verify (or record) the figures a snippet drew against their recorded data.

    Only the data is compared (tools/figures.py), never pixels. Recording rewrites a
    figure's .json and .svg only when its data changed beyond the tolerance (or a
    file is missing), and removes the files of figures the snippet no longer draws.
    Figures are recorded from CPU runs only; a CUDA run is checked against them.
    """
    shown = f"  shown on: {example.pages()}"
    recorded = recorded_figures(root, example.snippet)
    count = len(run.figures)
    rerecord = f"nox -s record -- -k {example.snippet.stem}"
    if record and env["device"] == "cpu":
        changed = False
        for number, figure in enumerate(run.figures, start=1):
            svg, data_file = (root / p for p in figure_files(example.snippet, number))
            old = json.loads(data_file.read_text("utf-8")) if data_file.exists() else None
            if old is None or compare_figure(old, figure["data"]) is not None or not svg.exists():
                manifest.write_atomic(data_file, figures.dumps(figure["data"]))
                svg.write_bytes(figure["svg"])
                changed = True
        for number in recorded:
            if number > count:
                for path in figure_files(example.snippet, number):
                    (root / path).unlink(missing_ok=True)
                changed = True
        if changed:
            manifest.update(root, example.name, "cpu", env)
            return None, "recorded"
        return None, "unchanged"
    expected = list(range(1, count + 1))
    if recorded != expected:
        files = ", ".join(figure_files(example.snippet, n)[1].as_posix() for n in expected)
        if not recorded:
            what = f"it draws {count} figure(s) but none is recorded ({files} missing)"
        elif not count:
            what = f"it draws no figure, but {len(recorded)} are recorded"
        else:
            what = f"it draws {count} figure(s), {len(recorded)} are recorded"
        return f"{example.snippet}: {what}\n{shown}\n  record them: {rerecord}", "failed"
    for number, figure in enumerate(run.figures, start=1):
        data_file = figure_files(example.snippet, number)[1]
        if not (root / data_file).exists():
            return (
                f"{example.snippet}: figure {number}: {data_file} is missing\n{shown}\n"
                f"  record it: {rerecord}",
                "failed",
            )
        want = json.loads((root / data_file).read_text("utf-8"))
        change = compare_figure(want, figure["data"])
        if change is not None:
            return (
                f"{example.snippet}: figure {number} differs from the recorded figure "
                f"({data_file.as_posix()})\n{shown}\n  {change}\n"
                f"Figures are compared by their data ({figures.describe_tolerance()}). "
                f"If the change is intended, re-record: {rerecord}",
                "failed",
            )
    return None, "ok"


def check_output(
    example: Example, run: Run, env: dict, record: bool, root: Path = ROOT
) -> tuple[str | None, str]:
    """Verify (or record) one example's text output. Returns (failure or None, what was done).

    On CPU the expected output is the page's output block. On CUDA, a snippet that
    uses a device is checked against (and recorded to) its .cuda.out, which the
    pages show in a "CUDA" tab; every other snippet is checked against its CPU
    output and is never recorded from a GPU run.
    """
    shown = f"  shown on: {example.pages()}"
    if run.problems:
        return (
            f"{example.snippet} fails to run cleanly\n{shown}\n\n" + "\n\n".join(run.problems),
            "failed",
        )

    device = env["device"]
    per_device = device != "cpu" and example.uses_device(root)
    output_file = example.cuda_output_file if per_device else example.output_file
    output_path = root / output_file
    recorded = output_path.read_text("utf-8") if output_path.exists() else None
    expected = (recorded or "") if per_device else example.expected
    key = device if per_device else "cpu"
    record = record and (device == "cpu" or per_device)
    entry = manifest.load(root).get(example.name, {}).get(key)
    version_drift = manifest.version_drift(entry, env)
    rerecord = "nox -s record" + (f" -- --device {device}" if per_device else "")

    if expected is None:
        if run.output.strip():
            if record:
                manifest.write_atomic(output_path, run.output)
                manifest.update(root, example.name, key, env)
            return (
                f"{example.snippet} prints output, but its page shows no output block\n{shown}\n"
                f"  add, after the code block:\n\n"
                f"  <!--pytest-codeblocks:expected-output-->\n\n"
                f'  ```text title="输出 / Output"\n  --8<-- "{example.output_file.as_posix()}"\n  ```',
                "failed",
            )
        if record and version_drift:
            manifest.update(root, example.name, key, env)
            return None, "manifest updated"
        return None, "ok"

    mismatch = compare(recorded if record and recorded is not None else expected, run.output)
    if record:
        if recorded is None or mismatch is not None:
            manifest.write_atomic(output_path, run.output)
            manifest.update(root, example.name, key, env)
            return None, "recorded"
        if version_drift:
            manifest.update(root, example.name, key, env)
            return None, "manifest updated"
        return None, "unchanged"

    if mismatch is not None:
        message = (
            f"{example.snippet}: output on {device} differs from the recorded output\n{shown}\n"
            f"{_first_difference(example, run, mismatch.line)}\n"
            f"  {mismatch.reason}\n\n"
            f"{diff(expected, run.output, output_file.as_posix())}\n"
        )
        if version_drift:
            message += "recorded with another version: " + "; ".join(version_drift) + "\n"
        message += (
            f"Numbers are compared with {TOLERANCE}, text exactly. "
            f"If the change is intended, re-record: {rerecord}"
        )
        return message, "failed"
    if version_drift:
        return (
            f"{example.snippet}: recorded output is from another version than installed\n{shown}\n"
            f"  {'; '.join(version_drift)}\n"
            f"  (the output still matches) re-record to update snippets/manifest.json: {rerecord}",
            "failed",
        )
    return None, "ok"


def classify(example: Example, run: Run) -> dict:
    """How a snippet fares on the installed versions, for the drift table and compat data.

    ``error``: it crashed, ran out of time, or raised what it does not declare;
    ``new warning``: a warning it does not declare; ``legacy changed``: a declared
    legacy warning or error no longer happens (or another error happens instead);
    ``output changed``: it ran as declared but prints something else. ``line`` is
    the one-line reason (an error's ``Category: message``), ``raised`` whether an
    error the snippet does not declare ended it.
    """
    code = run.code_lines
    error = run.error
    unexpected_error = error is not None and not (run.legacy["raises"] & error.kinds)
    raised = {"raised": bool(run.crash or unexpected_error)}
    if error is not None and unexpected_error:
        first = error.message.strip().splitlines()[0] if error.message.strip() else ""
        error_line = f"{error.category}: {first}".strip()
    if run.crash:
        line = run.crash.strip().splitlines()[0] if run.crash.strip() else "crashed"
        return {"status": "error", "detail": "\n\n".join(run.problems), "line": line, **raised}
    if unexpected_error and not run.legacy["raises"]:
        detail = error.describe(example.snippet, code) + "\n" + error.traceback
        return {"status": "error", "detail": detail, "line": error_line, **raised}
    warnings_ = [p for p in run.problems if p.startswith("unexpected warning")]
    if warnings_:
        event = next(w for w in run.warnings if not (run.legacy["warns"] & w.kinds))
        first = event.message.strip().splitlines()[0] if event.message.strip() else ""
        line = f"{event.category}: {first}".strip()
        return {"status": "new warning", "detail": "\n".join(warnings_), "line": line, **raised}
    if run.problems:
        line = error_line if unexpected_error else run.problems[0].splitlines()[0]
        return {
            "status": "legacy changed",
            "detail": "\n".join(run.problems),
            "line": line,
            **raised,
        }
    expected = example.expected or ""
    mismatch = compare(expected, run.output)
    if mismatch is not None:
        return {
            "status": "output changed",
            "detail": f"{_first_difference(example, run, mismatch.line).strip()}\n"
            f"{mismatch.reason}\n{diff(expected, run.output, example.output_file.as_posix())}",
            "line": mismatch.reason.strip().splitlines()[0] if mismatch.reason.strip() else "",
            **raised,
        }
    for number, figure in enumerate(run.figures, start=1):
        data_file = ROOT / figure_files(example.snippet, number)[1]
        want = json.loads(data_file.read_text("utf-8")) if data_file.exists() else {}
        change = compare_figure(want, figure["data"])
        if change is not None:
            return {
                "status": "output changed",
                "detail": f"figure {number}: {change}",
                "line": f"figure {number}: {change.strip().splitlines()[0]}",
                **raised,
            }
    return {"status": "ok", "detail": "", "line": "", **raised}


def append_drift(path: Path, example: Example, env: dict, result: dict) -> None:
    """Add one snippet's result to a JSON-lines report (safe with parallel workers)."""
    from filelock import FileLock

    path.parent.mkdir(parents=True, exist_ok=True)
    line = json.dumps(
        {
            "snippet": example.name,
            "pages": [str(loc) for loc in example.shown_on],
            "torch": env["torch"],
            "torchvision": env["torchvision"],
            **result,
        },
        ensure_ascii=False,
    )
    with FileLock(f"{path}.lock"), open(path, "a", encoding="utf-8") as handle:
        handle.write(line + "\n")


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    if not config.getoption("record"):
        return
    done: dict[str, list[str]] = {}
    for reports in terminalreporter.stats.values():
        for report in reports:
            if getattr(report, "when", None) != "call":
                continue
            for key, value in report.user_properties:
                if key == "snippet_action" and value[1] not in ("ok", "unchanged"):
                    done.setdefault(value[1], []).append(value[0])
    terminalreporter.section("recording")
    if not done:
        terminalreporter.write_line("every recorded output is up to date; nothing rewritten")
    for action, names in sorted(done.items()):
        terminalreporter.write_line(f"{action}: {len(names)}")
        for name in sorted(names):
            terminalreporter.write_line(f"  {name}")
