"""Verify one snippet's run against its recordings, or record it: the pytest item's work.

Recording is the verification run with a flag, so what is recorded is exactly what is
checked: :func:`verify` takes the one verdict (:func:`recorded_docs.verdict.judge`) and
either explains a failure (page, snippet and line, the diff) or, with ``record``,
rewrites only what changed beyond the tolerance (``<name>.out``, figures, manifest). A
snippet whose run fails on its own (an error, an unexpected warning, a declared legacy
warning that no longer happens) is never recorded.

On CPU the expected output is the page's output block. On CUDA, a device snippet is
checked against (and recorded to) its ``.cuda.out``, which pages show in a "CUDA" tab;
every other snippet is checked against its CPU output and is never recorded from a GPU
run. Figures are recorded from CPU runs only; a CUDA run is checked against them.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from recorded_docs import figures, manifest
from recorded_docs.compare import TOLERANCE, diff
from recorded_docs.pages import Example
from recorded_docs.runner import Run
from recorded_docs.verdict import Status, Verdict, first_difference, judge


@dataclass(frozen=True)
class Outcome:
    failure: str | None  # the message, None when it passes
    action: str  # ok, unchanged, recorded, manifest updated, failed
    verdict: Verdict


def expected_output(example: Example, device: str) -> tuple[str | None, str, bool]:
    """(expected text, its file, per device) for a run on ``device``."""
    snippet = example.snippet
    per_device = device != "cpu" and snippet.uses_device
    if per_device:
        return snippet.recorded_output(device) or "", snippet.output_file(device).as_posix(), True
    return example.expected, snippet.output_file().as_posix(), False


def verify(example: Example, run: Run, env: dict, record: bool = False) -> Outcome:
    """Verify (or record) one example: its text output, then its figures."""
    snippet = example.snippet
    root = snippet.root
    device = env["device"]
    shown = f"  shown on: {example.pages()}"
    expected, output_file, per_device = expected_output(example, device)
    recorded_text = snippet.recorded_output(device if per_device else "cpu")
    record = record and (device == "cpu" or per_device)
    # When recording, compare with the file; else with what the pages show.
    against = recorded_text if record and recorded_text is not None else expected
    verdict = judge(snippet, run, against, output_file=output_file)
    key = device if per_device else "cpu"
    entry = manifest.load(root).get(snippet.name, {}).get(key)
    version_drift = manifest.version_drift(entry, env)
    rerecord = "nox -s record" + (f" -- --device {device}" if per_device else "")

    if run.problems:
        return Outcome(
            f"{snippet} fails to run cleanly\n{shown}\n\n" + "\n\n".join(map(str, run.problems)),
            "failed",
            verdict,
        )

    output_path = root / output_file
    if expected is None:
        if run.output.strip():
            if record:
                manifest.write_atomic(output_path, run.output)
                manifest.update(root, snippet.name, key, env)
            return Outcome(
                f"{snippet} prints output, but its page shows no output block\n{shown}\n"
                f"  add, after the code block:\n\n"
                f"  <!--pytest-codeblocks:expected-output-->\n\n"
                f'  ```text title="输出 / Output"\n  --8<-- "{snippet.output_file().as_posix()}"\n  ```',
                "failed",
                verdict,
            )
        action = "ok"
        if record and version_drift:
            manifest.update(root, snippet.name, key, env)
            action = "manifest updated"
    elif record:
        if recorded_text is None or verdict.mismatch is not None:
            manifest.write_atomic(output_path, run.output)
            manifest.update(root, snippet.name, key, env)
            action = "recorded"
        elif version_drift:
            manifest.update(root, snippet.name, key, env)
            action = "manifest updated"
        else:
            action = "unchanged"
    else:
        mismatch = verdict.mismatch
        if mismatch is not None:
            message = (
                f"{snippet}: output on {device} differs from the recorded output\n{shown}\n"
                f"{first_difference(snippet, run, mismatch.line)}\n"
                f"  {mismatch.reason}\n\n"
                f"{diff(expected, run.output, output_file)}\n"
            )
            if version_drift:
                message += "recorded with another version: " + "; ".join(version_drift) + "\n"
            message += (
                f"Numbers are compared with {TOLERANCE}, text exactly. "
                f"If the change is intended, re-record: {rerecord}"
            )
            return Outcome(message, "failed", verdict)
        if version_drift:
            return Outcome(
                f"{snippet}: recorded output is from another version than installed\n{shown}\n"
                f"  {'; '.join(version_drift)}\n"
                f"  (the output still matches) re-record to update snippets/manifest.json: "
                f"{rerecord}",
                "failed",
                verdict,
            )
        action = "ok"

    figure_failure, figure_action = _figures(example, run, env, record, verdict)
    if figure_failure is not None:
        return Outcome(figure_failure, figure_action, verdict)
    if figure_action == "recorded" and action in ("ok", "unchanged", "manifest updated"):
        action = "recorded"
    return Outcome(None, action, verdict)


def _figures(
    example: Example, run: Run, env: dict, record: bool, verdict: Verdict
) -> tuple[str | None, str]:
    """Verify (or record) the figures a snippet drew against their recorded data.

    Only the data is compared (recorded_docs.figures), never pixels. Recording rewrites a
    figure's .json and .svg only when its data changed beyond the tolerance (or a file is
    missing), and removes the files of figures the snippet no longer draws.
    """
    snippet = example.snippet
    root = snippet.root
    shown = f"  shown on: {example.pages()}"
    recorded = snippet.recorded_figures()
    count = len(run.figures)
    rerecord = f"nox -s record -- -k {snippet.stem}"
    if record and env["device"] == "cpu":
        changed = False
        for number, figure in enumerate(run.figures, start=1):
            svg, data_file = (root / p for p in snippet.figure_files(number))
            old = json.loads(data_file.read_text("utf-8")) if data_file.exists() else None
            if (
                old is None
                or figures.compare_figure(old, figure["data"]) is not None
                or not svg.exists()
            ):
                manifest.write_atomic(data_file, figures.dumps(figure["data"]))
                svg.write_bytes(figure["svg"])
                changed = True
        for number in recorded:
            if number > count:
                for path in snippet.figure_files(number):
                    (root / path).unlink(missing_ok=True)
                changed = True
        if changed:
            manifest.update(root, snippet.name, "cpu", env)
            return None, "recorded"
        return None, "unchanged"
    expected = list(range(1, count + 1))
    if recorded != expected:
        files = ", ".join(snippet.figure_files(n)[1].as_posix() for n in expected)
        if not recorded:
            what = f"it draws {count} figure(s) but none is recorded ({files} missing)"
        elif not count:
            what = f"it draws no figure, but {len(recorded)} are recorded"
        else:
            what = f"it draws {count} figure(s), {len(recorded)} are recorded"
        return f"{snippet}: {what}\n{shown}\n  record them: {rerecord}", "failed"
    for number in expected:
        data_file = snippet.figure_files(number)[1]
        if not (root / data_file).exists():
            return (
                f"{snippet}: figure {number}: {data_file} is missing\n{shown}\n"
                f"  record it: {rerecord}",
                "failed",
            )
    if verdict.status is Status.OUTPUT_CHANGED and verdict.figure is not None:
        change = verdict.figure
        return (
            f"{snippet}: figure {change.number} differs from the recorded figure "
            f"({change.data_file})\n{shown}\n  {change.change}\n"
            f"Figures are compared by their data ({figures.describe_tolerance()}). "
            f"If the change is intended, re-record: {rerecord}",
            "failed",
        )
    return None, "ok"
