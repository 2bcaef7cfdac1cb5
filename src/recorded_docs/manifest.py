"""snippets/manifest.json: what each recorded output was recorded with.

One entry per snippet and device::

    "autograd/scalar_backward.py": {
        "cpu": {"torch": "2.14.1", "torchvision": "0.29.1", "python": "3.11.7",
                "device": "cpu", "device_name": "x86_64", "recorded": "2026-11-22"}
    }

The site build reads it (no torch needed) to show each page's versions; the
tests read it to fail when an output was recorded with another torch than the
one installed. Writes are locked and atomic, so parallel recorders can share it.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from pathlib import Path

MANIFEST = Path("snippets") / "manifest.json"
CHECKED_PACKAGES = ("torch", "torchvision")


def load(root: Path) -> dict:
    path = root / MANIFEST
    return json.loads(path.read_text("utf-8")) if path.exists() else {}


def write_atomic(path: Path, text: str) -> None:
    """Replace ``path`` with ``text`` in one step: readers see the old or the new file."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def update(root: Path, snippet: str, device: str, entry: dict) -> None:
    """Set one snippet's entry under a file lock (filelock: POSIX and Windows)."""
    # Imported here: the site build reads the manifest (load) and needs no lock.
    from filelock import FileLock

    path = root / MANIFEST
    with FileLock(path.with_name(".manifest.lock")):
        data = load(root)
        data.setdefault(snippet, {})[device] = entry
        ordered = {k: dict(sorted(v.items())) for k, v in sorted(data.items())}
        write_atomic(path, json.dumps(ordered, indent=2, ensure_ascii=False) + "\n")


def version_drift(entry: dict | None, environment: dict) -> list[str]:
    """Which checked packages differ between a recording and this environment."""
    if entry is None:
        return ["no recording in snippets/manifest.json"]
    return [
        f"{name} {entry.get(name)} (recorded) vs {environment[name]} (installed)"
        for name in CHECKED_PACKAGES
        if entry.get(name) != environment[name]
    ]
