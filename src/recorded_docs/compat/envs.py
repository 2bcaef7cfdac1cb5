"""The engine `nox -s drift` and `nox -s compat` share: one torch release, one environment.

    pairs = plan(index_versions("torch"), index_versions("torchvision"), "2.14.1", "0.29.1")
    make_env(run, venv, pair, others, root)   # a venv: that torch/torchvision/NumPy + this package
    run_snippets(run, python, report, root)   # pytest --drift-report: one JSON line per snippet

``run(cmd, env=..., success_codes=...)`` is the caller's (nox's ``session.run``, or
:func:`subprocess_runner`). Each environment gets this package installed editable with
its own (small) dependencies: no MkDocs, no Markdown stack. The version cap some
machines set through a pip constraint file is lifted for these environments only
(PIP_CONSTRAINT / UV_CONSTRAINT = /dev/null). uv's package sources come from the
caller's environment (the noxfile passes pip's, see tools/uv_config.py).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from packaging.version import InvalidVersion, Version

Runner = Callable[..., object]


def index_versions(name: str, python: str | None = None) -> list[str]:
    """Every release of a package the index offers with wheels for ``python`` (a version
    such as "3.12"; default: this Python), newest first (pip index versions)."""
    target = ["--python-version", python, "--only-binary=:all:"] if python else []
    # Environments made by uv have no pip: the Python they were made from has.
    interpreters = [sys.executable, getattr(sys, "_base_executable", None), shutil.which("python3")]
    for interpreter in dict.fromkeys(i for i in interpreters if i):
        done = subprocess.run(
            [interpreter, "-m", "pip", "index", "versions", name, *target],
            capture_output=True,
            text=True,
            env={**os.environ, "PIP_CONSTRAINT": os.devnull},
        )
        if done.returncode == 0:
            found = re.search(r"Available versions: (.*)", done.stdout)
            return [v.strip() for v in found[1].split(",")] if found else []
    raise RuntimeError(f"pip index versions {name} failed:\n{done.stderr}")


def _releases(versions: list[str]) -> list[Version]:
    out = []
    for text in versions:
        try:
            v = Version(text)
        except InvalidVersion:
            continue
        if not (v.local or v.is_prerelease or v.is_devrelease):
            out.append(v)
    return sorted(set(out))


def vision_minor(torch: Version) -> tuple[int, int]:
    """torchvision's (major, minor) for a torch release: 2.x -> 0.(x+15), 1.x -> 0.(x+1)."""
    return (0, torch.minor + 15) if torch.major == 2 else (0, torch.minor + 1)


def numpy_spec(torch: str) -> str:
    """torch before 2.3 was built against NumPy 1 (its C API breaks on NumPy 2)."""
    return "numpy<2" if Version(torch) < Version("2.3") else "numpy>=2"


def latest_patches(versions: list[Version]) -> dict[tuple[int, int], Version]:
    out: dict[tuple[int, int], Version] = {}
    for v in versions:
        out[(v.major, v.minor)] = v  # sorted ascending: the last patch wins
    return out


def plan(
    torch_versions: list[str],
    vision_versions: list[str],
    pinned_torch: str,
    pinned_vision: str,
    step: int = 2,
) -> list[dict[str, str]]:
    """The releases a compat run covers, in the order to run them.

    Every ``step``-th minor release (its last patch) from the oldest this Python can
    install with its own torchvision, plus the pinned pair and the newest torch
    (with its torchvision, or the newest torchvision when its own is not out yet).
    Order: pinned, newest, oldest, then the others from new to old, so that a run
    cut short still spans the whole range.
    Each pair: {"torch", "torchvision" ("" = the newest the resolver accepts), "numpy"}.
    """
    torches = latest_patches(_releases(torch_versions))
    visions = latest_patches(_releases(vision_versions))
    minors = [m for m, v in sorted(torches.items()) if vision_minor(v) in visions]
    newest = max(torches.values())
    chosen = [torches[m] for m in minors[::step]]
    pairs: dict[str, dict[str, str]] = {}

    def add(torch: Version, vision: str | None = None) -> None:
        if vision is None:
            found = visions.get(vision_minor(torch))
            vision = str(found) if found else ""
        pairs[str(torch)] = {
            "torch": str(torch),
            "torchvision": vision,
            "numpy": numpy_spec(str(torch)),
        }

    add(Version(pinned_torch), pinned_vision)
    add(newest)
    if chosen:
        add(chosen[0])
    for v in sorted(chosen[1:], reverse=True):
        if str(v) not in pairs:
            add(v)
    return list(pairs.values())


def edge_plan(
    torch_versions: list[str],
    vision_versions: list[str],
    pinned_torch: str,
    pinned_vision: str,
) -> list[dict[str, str]]:
    """For a Python other than the pinned one: its oldest release that has its own
    torchvision, the pinned release (where it has wheels) and its newest; pinned first."""
    torches = latest_patches(_releases(torch_versions))
    visions = latest_patches(_releases(vision_versions))
    minors = [m for m, v in sorted(torches.items()) if vision_minor(v) in visions]
    if not minors:
        return []
    available = set(_releases(torch_versions))
    pairs: dict[str, dict[str, str]] = {}

    def add(torch: Version, vision: str | None = None) -> None:
        if vision is None:
            found = visions.get(vision_minor(torch))
            vision = str(found) if found else ""
        pairs.setdefault(
            str(torch),
            {"torch": str(torch), "torchvision": vision, "numpy": numpy_spec(str(torch))},
        )

    if Version(pinned_torch) in available:
        add(Version(pinned_torch), pinned_vision)
    add(max(torches.values()))
    add(torches[minors[0]])
    return list(pairs.values())


def subprocess_runner(log=print) -> Runner:
    """A ``run(*cmd, env=..., success_codes=...)`` that runs commands with subprocess."""

    def run(*cmd, env=None, success_codes=(0,), **_):
        log("$ " + " ".join(map(str, cmd)))
        done = subprocess.run([str(c) for c in cmd], env={**os.environ, **(env or {})})
        if done.returncode not in success_codes:
            raise RuntimeError(f"{cmd[0]} exited with {done.returncode}")
        return done.returncode

    return run


def make_env(
    run: Runner,
    venv: Path,
    pair: dict[str, str],
    others: list[str],
    root: Path,
    cache: bool = True,
    fresh: bool = False,
    python: str | None = None,
) -> Path:
    """A virtual environment at ``venv`` holding the pair, ``others`` and this package
    (editable, from ``root``); its Python.

    With uv (noxw installs it) unless it is missing, else venv + pip. ``cache=False``
    keeps the installer's cache out of it (a compat run downloads ~3 GB per release
    and must not keep every release on disk). ``fresh`` removes the environment first.
    ``python``: the interpreter (a path or a version uv finds), default this one.
    """
    if fresh:
        shutil.rmtree(venv, ignore_errors=True)
    interpreter = find_python(python) if python and re.fullmatch(r"\d+\.\d+", python) else python
    python = venv / "bin" / "python"
    # The uv its caller names ($UV: nox -s drift/compat pass the one tools/uv_config.py
    # finds), else uv on PATH; without one, venv and pip do the work.
    uv = os.environ.get("UV") or shutil.which("uv")
    numpy = pair.get("numpy") or numpy_spec(pair["torch"])
    others = [r for r in others if not re.match(r"numpy\b", r)]
    wanted = [
        "-e",
        str(root),
        *others,
        numpy,
        f"torch=={pair['torch']}",
        f"torchvision=={pair['torchvision']}" if pair.get("torchvision") else "torchvision",
    ]
    lifted = {"PIP_CONSTRAINT": os.devnull, "UV_CONSTRAINT": os.devnull}
    # A release candidate's own index (PyTorch's test channel), searched before the others.
    extra = ["--extra-index-url", pair["index"]] if pair.get("index") else []
    base = interpreter or sys.executable
    if uv:
        if not python.exists():
            run(uv, "venv", "-q", "-p", base, str(venv))
        flags = [] if cache else ["--no-cache"]
        run(
            uv, "pip", "install", "-q", *flags, *extra, "--python", str(python), *wanted, env=lifted
        )
    else:
        if not python.exists():
            run(base, "-m", "venv", str(venv))
        flags = [] if cache else ["--no-cache-dir"]
        run(str(python), "-m", "pip", "install", "--quiet", *flags, *extra, *wanted, env=lifted)
    return python


def find_python(version: str) -> str:
    """An interpreter of Python ``version`` ("3.12"): this one, one on PATH that answers
    (pyenv's shims answer only for its global versions), one of pyenv's installs, or one
    uv knows; a RuntimeError saying so when there is none."""
    if ".".join(map(str, sys.version_info[:2])) == version:
        return sys.executable
    candidates = [shutil.which(f"python{version}")]
    pyenv_root = os.environ.get("PYENV_ROOT") or str(Path.home() / ".pyenv")
    candidates += sorted(
        str(p) for p in Path(pyenv_root, "versions").glob(f"{version}.*/bin/python{version}")
    )
    uv = os.environ.get("UV") or shutil.which("uv")
    if uv:
        found = subprocess.run([uv, "python", "find", version], capture_output=True, text=True)
        if found.returncode == 0:
            candidates.append(found.stdout.strip())
    for candidate in filter(None, candidates):
        done = subprocess.run(
            [candidate, "-c", "import sys; print('%d.%d' % sys.version_info[:2])"],
            capture_output=True,
            text=True,
        )
        if done.returncode == 0 and done.stdout.strip() == version:
            return candidate
    raise RuntimeError(
        f"no Python {version} found (on PATH, in pyenv or known to uv): install it, e.g. "
        f"`uv python install {version}`"
    )


def run_snippets(
    run: Runner,
    python: Path,
    report: Path,
    root: Path,
    docs_dir: str = "docs",
    workers: str = "1",
    nice: int = 0,
    env=None,
    only: list[str] | None = None,
) -> None:
    """Every snippet (or ``only`` these names) on the environment's torch: one verdict
    per snippet, as a JSON line in ``report``."""
    cmd = [str(python), "-m", "pytest", str(Path(root) / docs_dir), "-q", "-n", workers]
    cmd += ["-p", "no:cacheprovider", f"--rootdir={root}", f"--drift-report={report}"]
    for name in only or []:
        cmd.append(f"--snippet={name}")
    if nice and shutil.which("nice"):
        cmd = ["nice", "-n", str(nice), *cmd]
    run(*cmd, env=env or {}, success_codes=[0, 1])


def dir_size(path: Path) -> int:
    """Bytes under path (hard links counted once), 0 if it is gone."""
    seen, total = set(), 0
    for root, _dirs, files in os.walk(path):
        for name in files:
            try:
                st = os.lstat(os.path.join(root, name))
            except OSError:
                continue
            if (st.st_dev, st.st_ino) not in seen:
                seen.add((st.st_dev, st.st_ino))
                total += st.st_blocks * 512
    return total
