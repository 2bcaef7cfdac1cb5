"""Run one snippet file the way ``python name.py`` would, each in its own process.

What a reader would see in a terminal becomes the snippet's output: what it prints,
plus (only for snippets that declare a legacy API) the warnings and the final
error. Everything Python prints is attributed to the snippet line that caused it,
so a failure can say "line 12" instead of pointing into torch's internals.

A snippet declares that it demonstrates a legacy API with a comment line::

    # legacy: warns UserWarning
    # legacy: raises AttributeError

Any other warning, or any uncaught exception, is a failure. A declared warning or
error that no longer happens is a failure too: the page teaching it would lie.

Isolation. The caller (a pytest worker) imports torch once; every snippet then
runs in a child forked from it, so no global state a snippet changes (print
options, thread counts, deterministic flags, default dtype or device,
``os.environ``, ``sys.path``, ``sys.modules``, logging handlers, torch's warn-once
state, ...) can reach the next snippet, and a snippet that crashes, is killed by
a signal, calls ``os._exit`` or runs past its time limit fails on its own, with
its name, without taking the test run with it. The parent collects the result
(pickled, over a pipe) and cleans up after the child (its temporary working
directory, and any process it left behind: the child leads its own process group).

Output is captured at the file-descriptor level: the child's fd 1 and 2 go to one
file, so ``os.write(1, ...)``, C ``printf`` (line-buffered, as in a terminal) and
subprocesses land in it, in order with what Python prints. Python-level writes go
through the same file and remember the snippet line that made them; bytes written
below Python have no snippet line (a failure then says where in the output they
are, not which line wrote them). That is the trade-off: a line for everything
would need a trace function on every line (slow), or a guess.

Time limit: ``timeout`` seconds per snippet (default 60, or ``$SNIPPET_TIMEOUT``).
When it runs out, the parent asks the child's faulthandler for a traceback
(SIGUSR1), then kills the child's process group; the failure names the snippet
line it was on. faulthandler also reports the line of a segmentation fault.

Two rules keep forking from a process that imported torch safe:

* the parent never initialises CUDA (``torch.cuda`` initialises in the children
  only; :func:`in_child` runs any probe, such as the GPU's name, in a child), and
  ``run_snippet`` refuses to fork once it has been;
* the parent runs torch single-threaded (:func:`prepare_parent`): GNU OpenMP,
  torch's CPU thread pool, deadlocks in a forked child whose parent ran a
  parallel region. Each child runs single-threaded too: a sum split over threads
  adds in another order, and a training snippet's numbers then depend on the
  machine's cores (a CNN's learned filters moved by 1.1e-4 relative between one and
  two threads, beyond the tolerance). Parallelism comes from running snippets side
  by side (pytest-xdist's workers) instead.

Figures: the child selects the project's matplotlib backend (``MPL_BACKEND``,
recorded_docs.mpl_backend): ``plt.show()`` records the open figures instead of opening a
window, figures still open at the end are recorded too, and the run carries them
(``Run.figures``: data and SVG, :mod:`recorded_docs.figures`). The parent imports
pyplot once.

What went wrong is typed (:class:`Problem`: its ``kind``), so that the one verdict
(:mod:`recorded_docs.verdict`) never reads the messages it shows.

POSIX only (``os.fork``). Importing this module needs neither torch nor fork.
"""

from __future__ import annotations

import builtins
import contextlib
import gc
import io
import os
import pickle
import random
import re
import select
import sys
import tempfile
import time
import traceback
import types
import warnings
from dataclasses import dataclass, field
from pathlib import Path

from recorded_docs.snippet import Legacy, Snippet

ANSI_RE = re.compile(r"\x1b\[[0-9;]*m")
DEFAULT_TIMEOUT = 60.0
MPL_BACKEND = "module://recorded_docs.mpl_backend"
TIMEOUT_ENV = "SNIPPET_TIMEOUT"
# After the time limit: how long the child's faulthandler gets to write its traceback.
DUMP_GRACE = 2.0


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


PROBLEM_KINDS = ("warning", "error", "legacy", "crash", "harness")


@dataclass(frozen=True)
class Problem:
    """Why a run fails on its own, whatever it printed.

    ``warning``: a warning the snippet does not declare; ``error``: an error it does not
    declare; ``legacy``: a declared legacy warning or error that did not happen;
    ``crash``: its process ended early (time limit, signal, ``os._exit``); ``harness``:
    the runner itself failed.
    """

    kind: str
    text: str

    def __str__(self) -> str:
        return self.text


@dataclass
class Run:
    snippet: Path  # relative to the site root
    source: str  # the snippet's code as it ran
    output: str  # what the page's output block should show
    output_lines: list[int]  # per output line, the snippet line that wrote it (0: below Python)
    warnings: list[Event] = field(default_factory=list)
    error: Event | None = None
    seconds: float = 0.0
    problems: list[Problem] = field(default_factory=list)  # why the run itself fails
    # Why the snippet's process ended early (time limit, signal, os._exit), if it did.
    crash: str | None = None
    legacy: Legacy = field(default_factory=Legacy)
    # What it drew with matplotlib: per figure {'data': ..., 'svg': bytes} (figures.py).
    figures: list[dict] = field(default_factory=list)

    @property
    def code_lines(self) -> list[str]:
        return self.source.splitlines()

    def problems_of(self, kind: str) -> list[Problem]:
        return [p for p in self.problems if p.kind == kind]


def default_timeout() -> float:
    value = os.environ.get(TIMEOUT_ENV, "").strip()
    return float(value) if value else DEFAULT_TIMEOUT


def _category_names(cls: type) -> set[str]:
    return {c.__name__ for c in cls.__mro__}


# ---- the parent: fork, wait, collect ---------------------------------------------

_PARENT: dict[str, int] = {}


def prepare_parent(workers: int = 1, preload: tuple[str, ...] = ()) -> None:
    """Make this process a safe parent for snippet children (idempotent).

    Imports torch and keeps this process single-threaded, and its children too (see
    the module docstring): one thread each, whatever the machine and however many
    ``workers`` (pytest-xdist) run side by side, so that a snippet prints the same
    numbers everywhere it is verified or recorded.
    """
    if _PARENT:
        return
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import torch
    _PARENT["threads"] = 1
    torch.set_num_threads(1)
    _preload_matplotlib()
    _preload(preload)


def _preload(modules: tuple[str, ...]) -> None:
    """Import ``modules`` once here, so that the snippets forked from this process do not
    each import them (scikit-learn's datasets take about two seconds a snippet). Only
    for well-behaved libraries: what a module prints or warns while it is imported here
    is not part of any snippet's output, and it must start no thread at import time."""
    import importlib

    for name in modules:
        with contextlib.suppress(ImportError), warnings.catch_warnings():
            warnings.simplefilter("ignore")
            importlib.import_module(name)


def _preload_matplotlib() -> None:
    """Import pyplot once here (about a second), not in every snippet that draws.

    Its backend stays unresolved until a child selects the snippet backend
    (:data:`MPL_BACKEND`); no figure exists here. Without matplotlib: nothing to do.
    """
    with contextlib.suppress(ImportError), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import matplotlib.pyplot  # noqa: F401

        from recorded_docs import mpl_backend  # noqa: F401


def _check_fork_safe() -> None:
    torch = sys.modules.get("torch")
    if torch is not None and torch.cuda.is_initialized():
        raise RuntimeError(
            "CUDA is initialised in the process that runs the snippets; a forked child "
            "cannot use it. Query CUDA in a child instead: recorded_docs.runner.in_child(...)"
        )


def _flush_all() -> None:
    """Flush Python's and C's stdio buffers, so that a child does not inherit them."""
    for stream in (sys.stdout, sys.stderr, sys.__stdout__, sys.__stderr__):
        with contextlib.suppress(Exception):
            stream.flush()
    with contextlib.suppress(Exception):
        _libc().fflush(None)


def _libc():
    import ctypes

    return ctypes.CDLL(None)


def _fork() -> int:
    _flush_all()
    gc.freeze()  # the child's garbage collector then leaves the parent's objects (and pages) alone
    try:
        with warnings.catch_warnings():
            # Python 3.12+ warns about forking a process with threads (pytest-xdist's);
            # the child never touches them.
            warnings.filterwarnings("ignore", ".*fork", DeprecationWarning)
            pid = os.fork()
    except BaseException:
        gc.unfreeze()
        raise
    if pid:
        gc.unfreeze()
    return pid


def _read_result(fd: int, pid: int, deadline: float) -> tuple[bytes | None, int | None, bool]:
    """(pickled payload or None, wait status or None, timed out) from a child."""
    data = bytearray()
    size: int | None = None
    status: int | None = None
    while True:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            return None, status, True
        ready, _, _ = select.select([fd], [], [], min(remaining, 0.25))
        if ready:
            chunk = os.read(fd, 1 << 20)
            if chunk:
                data += chunk
                if size is None and len(data) >= 8:
                    size = int.from_bytes(data[:8], "little")
                if size is not None and len(data) >= 8 + size:
                    return bytes(data[8 : 8 + size]), status, False
                continue
            return None, status, False  # EOF: the child ended without a result
        # No news: a child that died while something it started holds the pipe open.
        if status is None:
            done, wait_status = os.waitpid(pid, os.WNOHANG)
            if done:
                status = wait_status
                return None, status, False


def _kill_group(pid: int, sig: int) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(pid, sig)


def _dump_line(dump: str, filename: str) -> int:
    """The snippet line in a faulthandler traceback (current thread first), 0 if none."""
    blocks = re.split(r"\n(?=(?:Current thread|Thread) 0x)", dump)
    blocks.sort(key=lambda b: not b.startswith("Current thread"))
    for block in blocks:
        for m in re.finditer(r'File "(.*)", line (\d+)', block):
            if m[1] == filename:
                return int(m[2])
    return 0


def _signal_name(number: int) -> str:
    import signal

    try:
        name = signal.Signals(number).name
    except ValueError:
        return f"signal {number}"
    what = {
        "SIGSEGV": "segmentation fault",
        "SIGABRT": "aborted",
        "SIGBUS": "bus error",
        "SIGFPE": "floating-point exception",
        "SIGILL": "illegal instruction",
        "SIGKILL": "killed",
    }.get(name)
    return f"{name} ({what})" if what else name


def in_child(func, *args, timeout: float = 120.0):
    """``func(*args)`` computed in a forked child; its result pickled back.

    For anything the parent must not do itself, such as asking torch about CUDA.
    """
    _check_fork_safe()
    read_fd, write_fd = os.pipe()
    pid = _fork()
    if pid == 0:  # pragma: no cover - the child
        os.close(read_fd)
        try:
            payload = pickle.dumps(("ok", func(*args)))
        except BaseException as exc:  # noqa: BLE001 - sent to the parent
            payload = pickle.dumps(("error", "".join(traceback.format_exception(exc))))
        _send(write_fd, payload)
        os._exit(0)
    os.close(write_fd)
    try:
        data, status, timed_out = _read_result(read_fd, pid, time.monotonic() + timeout)
    finally:
        os.close(read_fd)
        if status is None:
            if data is None:
                _kill_group(pid, 9)
                with contextlib.suppress(ProcessLookupError):
                    os.kill(pid, 9)
            os.waitpid(pid, 0)
    if data is None:
        why = f"timed out after {timeout:g} s" if timed_out else "ended without a result"
        raise RuntimeError(f"{getattr(func, '__name__', func)} in a child process {why}")
    kind, value = pickle.loads(data)
    if kind == "error":
        raise RuntimeError(f"{getattr(func, '__name__', func)} failed in a child process:\n{value}")
    return value


def _send(fd: int, payload: bytes) -> None:
    data = len(payload).to_bytes(8, "little") + payload
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]


def run_snippet(snippet: Snippet, timeout: float | None = None, source: str | None = None) -> Run:
    """Execute a snippet as ``__main__`` in a forked child, in a temporary directory.

    ``source`` runs instead of the file's own text under the file's name (a variant
    with translated comments: same lines, same code). ``timeout`` (seconds) defaults
    to ``$SNIPPET_TIMEOUT`` or 60.
    """
    import signal

    timeout = default_timeout() if timeout is None else float(timeout)
    path = Path(snippet.path)
    source = snippet.source if source is None else source
    filename = str(snippet.file.resolve())
    declared = Legacy.of(source)
    prepare_parent()
    _check_fork_safe()

    with tempfile.TemporaryDirectory(prefix="snippet-") as tmp:
        workdir = Path(tmp) / "work"
        workdir.mkdir()
        flags = os.O_RDWR | os.O_CREAT | os.O_EXCL | os.O_APPEND
        out_fd = os.open(Path(tmp) / "output", flags, 0o600)
        dump_fd = os.open(Path(tmp) / "faulthandler", flags, 0o600)
        read_fd, write_fd = os.pipe()
        try:
            pid = _fork()
            if pid == 0:  # pragma: no cover - the child; never returns
                os.close(read_fd)
                _child(path, source, filename, declared, str(workdir), out_fd, dump_fd, write_fd)
            os.close(write_fd)
            with contextlib.suppress(OSError):
                os.setpgid(pid, pid)  # (the child does it too; whichever runs first)
            status: int | None = None
            try:
                data, status, timed_out = _read_result(read_fd, pid, time.monotonic() + timeout)
                if timed_out:
                    with contextlib.suppress(ProcessLookupError):
                        os.kill(pid, signal.SIGUSR1)  # faulthandler: where is it?
                    _wait_for_dump(dump_fd)
            finally:
                _kill_group(pid, signal.SIGKILL)  # whatever it left behind, or all of it
                if status is None:
                    _, status = os.waitpid(pid, 0)
            output = os.pread(out_fd, os.fstat(out_fd).st_size, 0)
            dump = os.pread(dump_fd, os.fstat(dump_fd).st_size, 0).decode("utf-8", "replace")
        finally:
            for fd in (read_fd, out_fd, dump_fd):
                with contextlib.suppress(OSError):
                    os.close(fd)

    payload = pickle.loads(data) if data is not None else {}
    text, lines = _attribute(output, payload.get("regions", []))
    run = Run(
        path,
        source,
        ANSI_RE.sub("", text),
        lines,
        payload.get("events", []),
        payload.get("error"),
        payload.get("seconds", 0.0),
        legacy=declared,
        figures=payload.get("figures", []),
    )
    if data is None:
        line = _dump_line(dump, filename)
        run.crash = _crash_reason(status, timed_out, timeout, line)
        run.problems.append(Problem("crash", _crash_problem(run, line)))
    elif payload.get("harness_error"):
        run.crash = "the snippet harness failed"
        run.problems.append(
            Problem("harness", f"{path}: the snippet harness failed:\n{payload['harness_error']}")
        )
    _judge(run, declared)
    return run


def _wait_for_dump(dump_fd: int) -> None:
    """Give faulthandler a moment to write its traceback (it writes in one burst)."""
    stop = time.monotonic() + DUMP_GRACE
    last = -1
    while time.monotonic() < stop:
        size = os.fstat(dump_fd).st_size
        if size and size == last:
            return
        last = size
        time.sleep(0.05)


def _crash_reason(status: int | None, timed_out: bool, timeout: float, line: int) -> str:
    at = f" on line {line}" if line else ""
    if timed_out:
        return f"timed out after {timeout:g} s{at} (limit: --snippet-timeout or ${TIMEOUT_ENV})"
    if status is not None and os.WIFSIGNALED(status):
        return f"killed by {_signal_name(os.WTERMSIG(status))}{at}"
    code = os.WEXITSTATUS(status) if status is not None and os.WIFEXITED(status) else "unknown"
    return (
        f"its process ended (exit status {code}) before the snippet finished: "
        "os._exit(), or C code that called exit()"
    )


def _crash_problem(run: Run, line: int) -> str:
    code = run.code_lines
    text = f"{run.snippet}: {run.crash}"
    if 0 < line <= len(code):
        text = f"{run.snippet}:{line}: {run.crash}\n    {code[line - 1].strip()}"
    tail = run.output.rstrip("\n").splitlines()[-10:]
    if tail:
        text += "\n  its output until then (last lines):\n" + "\n".join(f"    {t}" for t in tail)
    return text


def _attribute(output: bytes, regions: list[tuple[int, int, int]]) -> tuple[str, list[int]]:
    """The output as text, and per line the snippet line that wrote its first byte.

    ``regions`` are (start, end, line) byte ranges written by Python-level code;
    bytes outside them were written below Python (line 0).
    """
    text = output.decode("utf-8", "surrogateescape")
    lines: list[int] = []
    offset, index = 0, 0
    for piece in text.splitlines(keepends=True):
        while index < len(regions) and regions[index][1] <= offset:
            index += 1
        start, end, line = regions[index] if index < len(regions) else (0, 0, 0)
        lines.append(line if start <= offset < end else 0)
        offset += len(piece.encode("utf-8", "surrogateescape"))
    return text.encode("utf-8", "surrogateescape").decode("utf-8", "replace"), lines


def _judge(run: Run, declared: Legacy) -> None:
    """Add the run's problems: unexpected warnings and errors, legacy APIs that changed."""
    path, code_lines, events, error = run.snippet, run.code_lines, run.warnings, run.error
    for event in events:
        if not declared.warns & event.kinds:
            run.problems.append(
                Problem(
                    "warning",
                    "unexpected warning (a snippet must run warning-free unless it declares "
                    "'# legacy: warns <Category>'):\n" + event.describe(path, code_lines),
                )
            )
    if run.crash:
        return  # it did not finish: what it did not do yet is no news
    for name in sorted(declared.warns):
        if not any(name in event.kinds for event in events):
            run.problems.append(
                Problem(
                    "legacy",
                    f"{path}: declares '# legacy: warns {name}' but no {name} happens any more: "
                    "the legacy API changed, so the page that shows it must change too",
                )
            )
    if error is not None and not declared.raises & error.kinds:
        run.problems.append(
            Problem(
                "error",
                "uncaught error:\n" + error.describe(path, code_lines) + "\n" + error.traceback,
            )
        )
    for name in sorted(declared.raises):
        if error is None or name not in error.kinds:
            run.problems.append(
                Problem(
                    "legacy",
                    f"{path}: declares '# legacy: raises {name}' but it no longer raises {name}: "
                    "the legacy API changed, so the page that shows it must change too",
                )
            )


# ---- the child: run the snippet, send the result, exit ------------------------


class _Capture(io.TextIOBase):
    """sys.stdout/sys.stderr of the child: writes go straight to the captured fd,
    and each write remembers which snippet line made it."""

    def __init__(self, fd: int, filename: str, regions: list[tuple[int, int, int]]):
        self.fd = fd
        self.filename = filename
        self.regions = regions

    def writable(self) -> bool:
        return True

    def fileno(self) -> int:
        return self.fd

    def isatty(self) -> bool:
        return False

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return "utf-8"

    def snippet_line(self) -> int:
        frame = sys._getframe(1)
        while frame is not None and frame.f_code.co_filename != self.filename:
            frame = frame.f_back
        return frame.f_lineno if frame is not None else 0

    def write(self, text: str) -> int:
        if text:
            data = text.encode("utf-8", "backslashreplace")
            line = self.snippet_line()
            start = os.fstat(self.fd).st_size  # O_APPEND: this write lands at the end
            view = memoryview(data)
            while view:
                view = view[os.write(self.fd, view) :]
            self.regions.append((start, start + len(data), line))
        return len(text)


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
    """Start the child as a fresh ``python`` would: its share of the cores, scrambled RNGs.

    Scrambling means a snippet that forgets to seed its own RNG prints different
    numbers on every run, so the comparison with its recorded output catches it.
    """
    import numpy as np
    import torch

    torch.set_num_threads(_PARENT.get("threads", torch.get_num_threads()))
    if "logging" in sys.modules:
        # The test process's own log handlers (pytest's) are not the snippet's: with
        # none, logging.warning() prints to stderr, as in a terminal.
        import logging

        logging.root.handlers.clear()
        logging.root.setLevel(logging.WARNING)
    seed = int.from_bytes(os.urandom(4), "little")
    torch.manual_seed(seed)
    np.random.seed(seed)
    random.seed(seed)


def _child(
    path: Path,
    source: str,
    filename: str,
    declared: Legacy,
    workdir: str,
    out_fd: int,
    dump_fd: int,
    result_fd: int,
) -> None:  # pragma: no cover - runs in the forked child
    import faulthandler
    import signal

    try:
        os.setpgid(0, 0)
        os.dup2(os.open(os.devnull, os.O_RDONLY), 0)  # input() fails at once instead of hanging
        os.dup2(out_fd, 1)
        os.dup2(out_fd, 2)
        faulthandler.enable(file=dump_fd, all_threads=True)
        faulthandler.register(signal.SIGUSR1, file=dump_fd, all_threads=True, chain=False)
        signal.signal(signal.SIGINT, signal.SIG_DFL)
        for stream in (sys.__stdout__, sys.__stderr__):
            with contextlib.suppress(Exception):
                stream.reconfigure(line_buffering=True)  # as in a terminal
        with contextlib.suppress(Exception):
            # C stdio on fd 1 line-buffered, as in a terminal, so printf keeps its place.
            import ctypes

            libc = _libc()
            stdout = ctypes.c_void_p.in_dll(libc, "stdout")
            libc.setvbuf(stdout, None, 1, 0)  # _IOLBF
        payload = _execute(path, source, filename, declared, workdir)
    except BaseException:  # noqa: BLE001 - reported by the parent
        payload = {"harness_error": traceback.format_exc()}
    _flush_all()
    try:
        data = pickle.dumps(payload)
    except Exception:  # noqa: BLE001
        data = pickle.dumps({"harness_error": traceback.format_exc()})
    _send(result_fd, data)
    os._exit(0)


def _execute(
    path: Path, source: str, filename: str, declared: Legacy, workdir: str
) -> dict:  # pragma: no cover - runs in the forked child
    regions: list[tuple[int, int, int]] = []
    stdout, stderr = _Capture(1, filename, regions), _Capture(2, filename, regions)
    events: list[Event] = []
    shown_warnings: set[tuple[str, str, str]] = set()

    def on_warning(message, category, file, lineno, file_obj=None, line=None):
        event = Event(
            "warning",
            category.__name__,
            str(message),
            stdout.snippet_line(),
            _short_origin(file, lineno),
            _category_names(category),
        )
        events.append(event)
        key = (event.category, event.message, event.origin)
        if declared.warns & event.kinds and key not in shown_warnings:
            # Shown once per place, as Python's default filter would.
            shown_warnings.add(key)
            stdout.write(f"{category.__name__}: {message}\n")

    reset_global_state()
    # Tracebacks and warnings quote the code that runs (a variant with translated
    # comments runs under the snippet's file name): the lines come from here, not disk.
    import linecache

    linecache.cache[filename] = (len(source), None, source.splitlines(True), filename)
    # A fresh module that stands in for __main__, as with `python name.py`:
    # classes the snippet defines can then be pickled (torch.save).
    module = types.ModuleType("__main__")
    module.__dict__.update(__file__=filename, __builtins__=builtins)
    sys.modules["__main__"] = module
    sys.argv = [path.name]
    sys.stdout, sys.stderr = stdout, stderr
    os.chdir(workdir)
    # plt.show() records the figures instead of opening a window (recorded_docs.mpl_backend).
    os.environ["MPLBACKEND"] = MPL_BACKEND
    if "matplotlib" in sys.modules:  # preloaded by the parent: select it there too
        sys.modules["matplotlib"].use(MPL_BACKEND)
    error: Event | None = None
    warnings.simplefilter("always")
    warnings.showwarning = on_warning
    started = time.perf_counter()
    try:
        exec(compile(source, filename, "exec"), module.__dict__)
    except SystemExit as exc:
        if exc.code not in (None, 0):  # sys.exit(1): the snippet failed
            error = _error_event(exc, filename)
    except BaseException as exc:  # noqa: BLE001 - reported by the parent
        error = _error_event(exc, filename)
        if declared.raises & error.kinds:
            stdout.write(error.traceback)
    seconds = time.perf_counter() - started
    figures: list[dict] = []
    if "matplotlib.pyplot" in sys.modules:
        from recorded_docs import mpl_backend

        mpl_backend.collect()  # figures still open at the end count too
        figures = mpl_backend.SHOWN
    return {
        "events": events,
        "error": error,
        "regions": regions,
        "seconds": seconds,
        "figures": figures,
    }
