"""Run one snippet file in this interpreter, the way ``python name.py`` would.

What a reader would see in a terminal becomes the snippet's output: what it prints,
plus (only for snippets that declare a legacy API) the warnings and the final
error. Everything is attributed to the snippet line that caused it, so a failure
can say "line 12" instead of pointing into torch's internals.

A snippet declares that it demonstrates a legacy API with a comment line::

    # legacy: warns UserWarning
    # legacy: raises AttributeError

Any other warning, or any uncaught exception, is a failure. A declared warning or
error that no longer happens is a failure too: the page teaching it would lie.

torch is imported by the caller, once; this module only touches it to reset
global state between snippets.
"""

from __future__ import annotations

import builtins
import contextlib
import io
import os
import random
import re
import sys
import tempfile
import time
import traceback
import types
import warnings
from dataclasses import dataclass, field
from pathlib import Path

LEGACY_RE = re.compile(r"^#\s*legacy:\s*(warns|raises)\s+([\w.]+)\s*$", re.MULTILINE)
ANSI_RE = re.compile(r"\x1b\[[0-9;]*m")


@dataclass
class Event:
    """A warning or error, attributed to a snippet line."""

    kind: str  # "warning" or "error"
    category: str  # e.g. "UserWarning", "AttributeError"
    message: str
    line: int  # snippet line that triggered it (0 if unknown)
    origin: str  # where Python attributes it, e.g. torchvision/models/_utils.py:135
    kinds: frozenset[str] = frozenset()  # the category and its base classes' names
    traceback: str = ""  # errors only: as Python prints it, snippet frames only

    def describe(self, snippet: Path, code_lines: list[str]) -> str:
        where = f"{snippet}:{self.line}" if self.line else str(snippet)
        source = code_lines[self.line - 1].strip() if 0 < self.line <= len(code_lines) else ""
        first = self.message.strip().splitlines()[0] if self.message.strip() else ""
        text = f"{where}: {self.category}: {first}"
        if source:
            text += f"\n    {source}"
        if self.origin:
            text += f"\n    (raised in {self.origin})"
        return text


@dataclass
class Run:
    snippet: Path
    source: str  # the snippet's code as it ran
    output: str  # what the page's output block should show
    output_lines: list[int]  # per output line, the snippet line that wrote it
    warnings: list[Event] = field(default_factory=list)
    error: Event | None = None
    seconds: float = 0.0
    problems: list[str] = field(default_factory=list)  # why the run itself fails

    @property
    def code_lines(self) -> list[str]:
        return self.source.splitlines()


def legacy_declarations(code: str) -> dict[str, set[str]]:
    """{'warns': {...}, 'raises': {...}} declared by ``# legacy:`` comment lines."""
    found: dict[str, set[str]] = {"warns": set(), "raises": set()}
    for kind, name in LEGACY_RE.findall(code):
        found[kind].add(name.rsplit(".", 1)[-1])
    return found


def _category_names(cls: type) -> set[str]:
    return {c.__name__ for c in cls.__mro__}


class _Capture(io.TextIOBase):
    """stdout/stderr replacement that remembers which snippet line wrote what."""

    def __init__(self, filename: str):
        self.filename = filename
        self.chunks: list[tuple[str, int]] = []

    def writable(self) -> bool:
        return True

    def snippet_line(self) -> int:
        frame = sys._getframe(1)
        while frame is not None and frame.f_code.co_filename != self.filename:
            frame = frame.f_back
        return frame.f_lineno if frame is not None else 0

    def write(self, text: str) -> int:
        if text:
            self.chunks.append((text, self.snippet_line()))
        return len(text)

    def result(self) -> tuple[str, list[int]]:
        text: list[str] = []
        lines: list[int] = []
        for chunk, line in self.chunks:
            for piece in chunk.splitlines(keepends=True):
                if not text or text[-1].endswith("\n"):
                    lines.append(line)
                text.append(piece)
        return "".join(text), lines


def _short_origin(filename: str, lineno: int) -> str:
    parts = Path(filename).parts
    for anchor in ("torchvision", "torch", "numpy", "PIL"):
        if anchor in parts:
            idx = len(parts) - 1 - parts[::-1].index(anchor)
            return f"{'/'.join(parts[idx:])}:{lineno}"
    return f"{Path(filename).name}:{lineno}"


def _format_error(exc: BaseException, filename: str) -> tuple[str, int]:
    """A traceback as Python prints it, keeping only the snippet's own frames."""
    frames = [f for f in traceback.extract_tb(exc.__traceback__) if f.filename == filename]
    lines = ["Traceback (most recent call last):\n"]
    for f in frames:
        lines.append(f'  File "{Path(filename).name}", line {f.lineno}, in {f.name}\n')
        if f.line:
            lines.append(f"    {f.line.strip()}\n")
    lines.extend(traceback.format_exception_only(type(exc), exc))
    return "".join(lines), (frames[-1].lineno if frames else 0)


def _error_event(exc: BaseException, filename: str) -> Event:
    text, line = _format_error(exc, filename)
    return Event("error", type(exc).__name__, str(exc), line, "", _category_names(type(exc)), text)


def reset_global_state() -> None:
    """Undo global state a snippet may leave behind, and scramble the RNGs.

    Scrambling means a snippet that forgets to seed its own RNG prints different
    numbers on every run, so the comparison with its recorded output catches it.
    """
    import numpy as np
    import torch

    torch.set_grad_enabled(True)
    torch.set_default_dtype(torch.float32)
    seed = int.from_bytes(os.urandom(4), "little")
    torch.manual_seed(seed)
    np.random.seed(seed)
    random.seed(seed)


def run_snippet(path: Path, root: Path) -> Run:
    """Execute ``root / path`` in a fresh namespace and temporary working directory."""
    source = (root / path).read_text("utf-8")
    filename = str((root / path).resolve())
    declared = legacy_declarations(source)
    capture = _Capture(filename)
    events: list[Event] = []
    shown_warnings: set[tuple[str, str, str]] = set()

    def on_warning(message, category, file, lineno, file_obj=None, line=None):
        snippet_line = capture.snippet_line()
        event = Event(
            "warning",
            category.__name__,
            str(message),
            snippet_line,
            _short_origin(file, lineno),
            _category_names(category),
        )
        events.append(event)
        key = (event.category, event.message, event.origin)
        if declared["warns"] & event.kinds and key not in shown_warnings:
            # Shown once per place, as Python's default filter would.
            shown_warnings.add(key)
            capture.write(f"{category.__name__}: {message}\n")

    reset_global_state()
    code = compile(source, filename, "exec")
    # A fresh module that stands in for __main__ while the snippet runs, as with
    # `python name.py`: classes it defines can then be pickled (torch.save).
    module = types.ModuleType("__main__")
    module.__dict__.update(__file__=filename, __builtins__=builtins)
    old_main = sys.modules["__main__"]
    error: Event | None = None
    old_cwd, old_argv = os.getcwd(), sys.argv
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="snippet-") as workdir:
        os.chdir(workdir)
        sys.argv = [path.name]
        sys.modules["__main__"] = module
        try:
            with (
                warnings.catch_warnings(),
                contextlib.redirect_stdout(capture),
                contextlib.redirect_stderr(capture),
            ):
                warnings.simplefilter("always")
                warnings.showwarning = on_warning
                try:
                    exec(code, module.__dict__)
                except KeyboardInterrupt:
                    raise
                except SystemExit as exc:
                    if exc.code not in (None, 0):  # sys.exit(1): the snippet failed
                        error = _error_event(exc, filename)
                except BaseException as exc:  # noqa: BLE001 - reported below
                    error = _error_event(exc, filename)
                    if declared["raises"] & error.kinds:
                        capture.write(error.traceback)
        finally:
            os.chdir(old_cwd)
            sys.argv = old_argv
            sys.modules["__main__"] = old_main
    seconds = time.perf_counter() - started

    output, output_lines = capture.result()
    run = Run(path, source, ANSI_RE.sub("", output), output_lines, events, error, seconds)
    code_lines = source.splitlines()
    for event in events:
        if not declared["warns"] & event.kinds:
            run.problems.append(
                "unexpected warning (a snippet must run warning-free unless it declares "
                "'# legacy: warns <Category>'):\n" + event.describe(path, code_lines)
            )
    for name in sorted(declared["warns"]):
        if not any(name in event.kinds for event in events):
            run.problems.append(
                f"{path}: declares '# legacy: warns {name}' but no {name} happens any more: "
                "the legacy API changed, so the page that shows it must change too"
            )
    if error is not None and not declared["raises"] & error.kinds:
        run.problems.append(
            "uncaught error:\n" + error.describe(path, code_lines) + "\n" + error.traceback
        )
    for name in sorted(declared["raises"]):
        if error is None or name not in error.kinds:
            run.problems.append(
                f"{path}: declares '# legacy: raises {name}' but it no longer raises {name}: "
                "the legacy API changed, so the page that shows it must change too"
            )
    return run
