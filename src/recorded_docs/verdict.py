"""The one verdict on a snippet's run: verification, recording, drift and compat use it.

:func:`judge` compares a run (:mod:`recorded_docs.runner`) with what is recorded: its
text output (:mod:`recorded_docs.compare`) and its figures' data
(:mod:`recorded_docs.figures`), and returns a :class:`Verdict`:

============================  =========================================================
``ok``                        ran as declared, printed and drew what is recorded
``output changed``            ran as declared, but printed or drew something else
``new warning``               a warning the snippet does not declare
``error``                     it crashed, ran out of time, or raised what it does not
                              declare
``legacy changed``            a declared legacy warning or error no longer happens (or
                              another error happens instead)
============================  =========================================================

with ``line`` (the one-line reason: an error's ``Category: message``, a number that
changed), ``detail`` (the whole story: the problems, the first difference, the diff) and
``raised`` (an error the snippet does not declare ended it). The verdict reads the run's
typed problems (:class:`recorded_docs.runner.Problem`), never their text, and the
recordings of the snippet it is given, never a global root.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from enum import Enum

from recorded_docs.compare import Mismatch, compare, diff
from recorded_docs.figures import compare_figure
from recorded_docs.runner import Run
from recorded_docs.snippet import Snippet


class Status(str, Enum):  # noqa: UP042 - StrEnum is 3.11+, the core runs on 3.10
    OK = "ok"
    OUTPUT_CHANGED = "output changed"
    NEW_WARNING = "new warning"
    ERROR = "error"
    LEGACY_CHANGED = "legacy changed"

    def __str__(self) -> str:
        return self.value


@dataclass(frozen=True)
class FigureChange:
    number: int  # 1-based
    data_file: str  # the recorded .json
    change: str  # what changed (recorded_docs.figures.compare_figure)


@dataclass(frozen=True)
class Verdict:
    status: Status
    line: str = ""
    detail: str = ""
    raised: bool = False
    # What differs, for the messages that explain it.
    mismatch: Mismatch | None = None
    figure: FigureChange | None = None
    figure_count: tuple[int, int] | None = None  # (drawn, recorded) when they differ
    problems: tuple = field(default=())

    @property
    def ok(self) -> bool:
        return self.status is Status.OK

    def as_dict(self) -> dict:
        """The fields a drift or compat report keeps."""
        return {
            "status": self.status.value,
            "detail": self.detail,
            "line": self.line,
            "raised": self.raised,
        }


def _first_line(text: str) -> str:
    return text.strip().splitlines()[0] if text.strip() else ""


def first_difference(snippet: Snippet, run: Run, line: int) -> str:
    """Which snippet line printed the first output line that differs."""
    code = run.code_lines
    if line < len(run.output_lines) and run.output_lines[line]:
        src = run.output_lines[line]
        text = code[src - 1].strip() if src <= len(code) else ""
        return (
            f"  first difference at output line {line + 1}, printed by {snippet}:{src}\n"
            f"      {text}"
        )
    if line < len(run.output_lines):
        return (
            f"  first difference at output line {line + 1}, written below Python "
            "(os.write, C code or a subprocess), so no snippet line to name"
        )
    return f"  first difference at output line {line + 1}"


def judge(
    snippet: Snippet,
    run: Run,
    expected: str | None,
    figures: list[dict] | None = None,
    output_file: str | None = None,
) -> Verdict:
    """The verdict on ``run`` against ``expected`` (the recorded text; None: nothing) and
    ``figures`` (the recorded figures' data, in order; None: read the snippet's own)."""
    code = run.code_lines
    error = run.error
    unexpected_error = error is not None and not (run.legacy.raises & error.kinds)
    raised = bool(run.crash or unexpected_error)
    problems = tuple(run.problems)
    error_line = ""
    if error is not None and unexpected_error:
        error_line = f"{error.category}: {_first_line(error.message)}".strip()
    if run.crash:
        line = _first_line(run.crash) or "crashed"
        detail = "\n\n".join(map(str, run.problems))
        return Verdict(Status.ERROR, line, detail, True, problems=problems)
    if unexpected_error and not run.legacy.raises:
        detail = error.describe(snippet.path, code) + "\n" + error.traceback
        return Verdict(Status.ERROR, error_line, detail, raised, problems=problems)
    warned = run.problems_of("warning")
    if warned:
        event = next(w for w in run.warnings if not (run.legacy.warns & w.kinds))
        line = f"{event.category}: {_first_line(event.message)}".strip()
        detail = "\n".join(map(str, warned))
        return Verdict(Status.NEW_WARNING, line, detail, raised, problems=problems)
    if run.problems:
        line = error_line if unexpected_error else _first_line(str(run.problems[0]))
        detail = "\n".join(map(str, run.problems))
        return Verdict(Status.LEGACY_CHANGED, line, detail, raised, problems=problems)

    label = output_file or snippet.output_file().as_posix()
    mismatch = compare(expected or "", run.output)
    if mismatch is not None:
        detail = (
            f"{first_difference(snippet, run, mismatch.line).strip()}\n"
            f"{mismatch.reason}\n{diff(expected or '', run.output, label)}"
        )
        return Verdict(
            Status.OUTPUT_CHANGED, _first_line(mismatch.reason), detail, raised, mismatch=mismatch
        )

    recorded = figures if figures is not None else recorded_figure_data(snippet)
    drawn = len(run.figures)
    if recorded is not None and len(recorded) != drawn:
        what = f"it draws {drawn} figure(s), {len(recorded)} are recorded"
        return Verdict(
            Status.OUTPUT_CHANGED, what, what, raised, figure_count=(drawn, len(recorded))
        )
    for number, figure in enumerate(run.figures, start=1):
        want = recorded[number - 1] if recorded else {}
        change = compare_figure(want, figure["data"])
        if change is not None:
            data_file = snippet.figure_files(number)[1].as_posix()
            return Verdict(
                Status.OUTPUT_CHANGED,
                f"figure {number}: {_first_line(change)}",
                f"figure {number}: {change}",
                raised,
                figure=FigureChange(number, data_file, change),
            )
    return Verdict(Status.OK, raised=raised)


def recorded_figure_data(snippet: Snippet) -> list[dict] | None:
    """The data of a snippet's recorded figures (figure 1 first); None when one is missing.

    A gap (fig1 and fig3 recorded, no fig2) or a missing .json reads as None, so that the
    caller sees a structural difference rather than a comparison with nothing.
    """
    numbers = snippet.recorded_figures()
    if numbers != list(range(1, len(numbers) + 1)):
        return None
    data = []
    for number in numbers:
        path = snippet.root / snippet.figure_files(number)[1]
        if not path.exists():
            return None
        data.append(json.loads(path.read_text("utf-8")))
    return data
