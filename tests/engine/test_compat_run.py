"""A compat run (recorded_docs.compat.run) that stops is continued: after a failed
install, a full disk, or an interruption, the next run skips what is done. Made-up
releases: the environments and the snippet runs are stand-ins, the state files and the
data file real."""

from __future__ import annotations

import errno
import json
import sys
from pathlib import Path

import pytest

from recorded_docs.compat import data as compat_data
from recorded_docs.compat.run import CompatRun, CompatStopped

PAIRS = [
    {"torch": "9.2.0", "torchvision": "9.17.0", "numpy": "numpy>=2"},
    {"torch": "9.0.0", "torchvision": "9.15.0", "numpy": "numpy<2"},
    {"torch": "9.1.0", "torchvision": "9.16.0", "numpy": "numpy>=2"},
]


class Steps:
    """Stand-in environments and snippet runs, recording what ran."""

    def __init__(self, fail_install: set[str] = frozenset()):
        self.fail_install = set(fail_install)
        self.installed: list[str] = []
        self.ran: list[str] = []

    def make_env(self, run, venv, pair, others, root, cache, fresh):
        assert cache is False and fresh is True  # no installer cache, a fresh environment
        if pair["torch"] in self.fail_install:
            raise RuntimeError("uv exited with 2")
        (venv / "bin").mkdir(parents=True)
        self.installed.append(pair["torch"])
        return Path(sys.executable)  # has numpy: its version is asked

    def run_snippets(self, run, python, report, root, **kw):
        torch = report.stem.removeprefix("torch-")
        self.ran.append(torch)
        rows = [
            {"snippet": "t/a.py", "torch": torch, "torchvision": "x", "status": "ok"},
            {
                "snippet": "t/b.py",
                "torch": torch,
                "torchvision": "x",
                "status": "error",
                "line": "RuntimeError: gone",
                "raised": True,
            },
        ]
        report.write_text("".join(json.dumps(r) + "\n" for r in rows))


def site(tmp_path: Path) -> Path:
    root = tmp_path / "site"
    (root / "snippets/t").mkdir(parents=True)
    for name in ("a", "b"):
        (root / f"snippets/t/{name}.py").write_text("print(1)\n")
    return root


def compat_run(root: Path, steps: Steps, **kw) -> CompatRun:
    return CompatRun(
        root,
        "9.2.0",
        PAIRS,
        root / ".artifacts/compat",
        root / ".nox/compat",
        make_env=steps.make_env,
        run_snippets=steps.run_snippets,
        log=lambda line: None,
        **kw,
    )


def test_a_full_run_writes_the_data_and_removes_its_state(tmp_path):
    root = site(tmp_path)
    steps = Steps()
    data = compat_run(root, steps).run()
    assert steps.ran == ["9.2.0", "9.0.0", "9.1.0"]  # the plan's order
    assert [v["torch"] for v in data["versions"]] == ["9.0.0", "9.1.0", "9.2.0"]
    assert data["snippets"]["t/b.py"]["9.1.0"] == {
        "result": "fails",
        "reason": "RuntimeError: gone",
    }
    assert not (root / ".artifacts/compat").exists()
    assert len((root / ".artifacts/compat-runs.jsonl").read_text().splitlines()) == 1
    assert not list((root / ".nox/compat").glob("*"))  # every environment removed


def test_a_failed_install_stops_and_the_next_run_continues(tmp_path):
    root = site(tmp_path)
    steps = Steps(fail_install={"9.0.0"})
    with pytest.raises(
        CompatStopped, match=r"torch 9\.0\.0: its environment could not be installed"
    ):
        compat_run(root, steps).run()
    assert steps.ran == ["9.2.0"]
    state = root / ".artifacts/compat"
    assert (state / "torch-9.2.0.done").exists() and not (state / "torch-9.0.0.done").exists()
    partial = compat_data.load(root)  # written after each release: shows what was found
    assert [v["torch"] for v in partial["versions"]] == ["9.2.0"]
    assert not (root / ".nox/compat/torch-9.0.0").exists()  # no half-made environment kept
    # The next run: the same plan, from the state; what is done is not done again.
    steps = Steps()
    planned = CompatRun.planned(state)
    assert planned == PAIRS
    data = compat_run(root, steps).run()
    assert steps.ran == ["9.0.0", "9.1.0"]
    assert [v["torch"] for v in data["versions"]] == ["9.0.0", "9.1.0", "9.2.0"]


def test_a_full_disk_keeps_the_data_file_and_the_run_continues(tmp_path):
    root = site(tmp_path)
    (root / "snippets/compat.json").write_text('{"before": true}\n')
    calls = []

    def full_disk(data, where):
        calls.append(data)
        if len(calls) == 1:
            raise OSError(errno.ENOSPC, "No space left on device")
        return compat_data.write(data, where)

    steps = Steps()
    with pytest.raises(CompatStopped, match="the disk is full"):
        compat_run(root, steps, write_data=full_disk).run()
    assert json.loads((root / "snippets/compat.json").read_text()) == {"before": True}
    assert steps.ran == ["9.2.0"]
    steps = Steps()
    data = compat_run(root, steps, write_data=full_disk).run()
    assert steps.ran == ["9.0.0", "9.1.0"]  # 9.2.0's results were kept
    assert len(data["versions"]) == 3


def test_the_writer_leaves_no_temporary_file_on_a_full_disk(tmp_path, monkeypatch):
    root = site(tmp_path)
    data = compat_data.build([], ["t/a.py"], "9.2.0")

    def no_space(self, *args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(Path, "replace", no_space)
    with pytest.raises(OSError):
        compat_data.write(data, root)
    assert not list((root / "snippets").glob(".compat.json.tmp"))
