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
    {"python": "3.11", "torch": "9.2.0", "torchvision": "9.17.0", "numpy": "numpy>=2"},
    {"python": "3.11", "torch": "9.0.0", "torchvision": "9.15.0", "numpy": "numpy<2"},
    {"python": "3.11", "torch": "9.1.0", "torchvision": "9.16.0", "numpy": "numpy>=2"},
]
PINNED = {"python": "3.11", "torch": "9.2.0", "torchvision": "9.17.0"}


def torches(data: dict) -> list[str]:
    return [e["torch"] for e in data["environments"]]


class Steps:
    """Stand-in environments and snippet runs, recording what ran."""

    def __init__(self, fail_install: set[str] = frozenset()):
        self.fail_install = set(fail_install)
        self.installed: list[str] = []
        self.ran: list[str] = []
        self.pythons: list[str] = []
        self.only: list = []

    def make_env(self, run, venv, pair, others, root, cache, fresh, python):
        assert cache is False and fresh is True  # no installer cache, a fresh environment
        assert python == pair["python"]  # the environment's own Python
        if pair["torch"] in self.fail_install:
            raise RuntimeError("uv exited with 2")
        (venv / "bin").mkdir(parents=True)
        self.installed.append(pair["torch"])
        self.pythons.append(python)
        return Path(sys.executable)

    def run_snippets(self, run, python, report, root, only=None, **kw):
        py, torch = report.stem.removeprefix("py").split("-torch-")
        self.ran.append(torch)
        self.only.append(only)
        fingerprints = compat_data.fingerprints(root)
        rows = [
            {
                "snippet": "t/a.py",
                "torch": torch,
                "torchvision": "x",
                "python": py,
                "status": "ok",
                "fingerprint": fingerprints["t/a.py"],
            },
            {
                "snippet": "t/b.py",
                "torch": torch,
                "torchvision": "x",
                "python": py,
                "status": "error",
                "line": "RuntimeError: gone",
                "raised": True,
                "fingerprint": fingerprints["t/b.py"],
            },
        ]
        rows = [r for r in rows if only is None or r["snippet"] in only]
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
        PINNED,
        kw.pop("pairs", PAIRS),
        root / ".artifacts/compat",
        root / ".nox/compat",
        make_env=steps.make_env,
        run_snippets=steps.run_snippets,
        version_in=lambda python, package: "9.9.9",
        log=lambda line: None,
        **kw,
    )


def test_a_full_run_writes_the_data_and_removes_its_state(tmp_path):
    root = site(tmp_path)
    steps = Steps()
    data = compat_run(root, steps).run()
    assert steps.ran == ["9.2.0", "9.0.0", "9.1.0"]  # the plan's order
    assert torches(data) == ["9.0.0", "9.1.0", "9.2.0"]
    assert data["snippets"]["t/b.py"]["results"]["3.11/9.1.0"] == {
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
        CompatStopped,
        match=r"torch 9\.0\.0 on Python 3\.11: its environment could not be installed",
    ):
        compat_run(root, steps).run()
    assert steps.ran == ["9.2.0"]
    state = root / ".artifacts/compat"
    assert (state / "py3.11-torch-9.2.0.done").exists()
    assert not (state / "py3.11-torch-9.0.0.done").exists()
    partial = compat_data.load(root)  # written after each release: shows what was found
    assert torches(partial) == ["9.2.0"]
    assert not (root / ".nox/compat/py3.11-torch-9.0.0").exists()  # no half-made env kept
    # The next run: the same plan, from the state; what is done is not done again.
    steps = Steps()
    planned = CompatRun.planned(state)
    assert planned == {"pairs": PAIRS, "only": None}
    data = compat_run(root, steps).run()
    assert steps.ran == ["9.0.0", "9.1.0"]
    assert torches(data) == ["9.0.0", "9.1.0", "9.2.0"]


def test_a_full_disk_keeps_the_data_file_and_the_run_continues(tmp_path):
    root = site(tmp_path)
    before = '{"schema": 2, "before": true, "environments": [], "snippets": {}}\n'
    (root / "snippets/compat.json").write_text(before)
    calls = []

    def full_disk(data, where):
        calls.append(data)
        if len(calls) == 1:
            raise OSError(errno.ENOSPC, "No space left on device")
        return compat_data.write(data, where)

    steps = Steps()
    with pytest.raises(CompatStopped, match="the disk is full"):
        compat_run(root, steps, write_data=full_disk).run()
    assert (root / "snippets/compat.json").read_text() == before
    assert steps.ran == ["9.2.0"]
    steps = Steps()
    data = compat_run(root, steps, write_data=full_disk).run()
    assert steps.ran == ["9.0.0", "9.1.0"]  # 9.2.0's results were kept
    assert len(data["environments"]) == 3


def test_the_writer_leaves_no_temporary_file_on_a_full_disk(tmp_path, monkeypatch):
    root = site(tmp_path)
    data = compat_data.merge(None, [], {"t/a.py": {}}, PINNED)

    def no_space(self, *args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(Path, "replace", no_space)
    with pytest.raises(OSError):
        compat_data.write(data, root)
    assert not list((root / "snippets").glob(".compat.json.tmp"))


def test_a_refresh_runs_only_the_changed_snippets_in_every_environment(tmp_path):
    """`nox -s compat` with nothing else to do: the snippets whose code, output or figures
    changed since they were checked run again, on every environment of the data."""
    from recorded_docs.compat.run import refresh

    root = site(tmp_path)
    python312 = {**PAIRS[0], "python": "3.12"}
    compat_run(root, Steps(), pairs=[*PAIRS, python312]).run()
    data = compat_data.load(root)
    assert refresh(data, root)[1] == []  # nothing changed: nothing to run
    (root / "snippets/t/b.py").write_text("# a comment edit only\nprint(1)\n")
    assert refresh(data, root)[1] == []
    (root / "snippets/t/b.py").write_text("print(2)\n")
    pairs, only = refresh(data, root)
    assert only == ["t/b.py"]
    assert [(p["python"], p["torch"]) for p in pairs] == [
        ("3.11", "9.0.0"),
        ("3.11", "9.1.0"),
        ("3.11", "9.2.0"),
        ("3.12", "9.2.0"),
    ]
    steps = Steps()
    data = compat_run(root, steps, pairs=pairs, only=only).run()
    assert steps.only == [["t/b.py"]] * 4 and steps.pythons == ["3.11"] * 3 + ["3.12"]
    assert compat_data.stale(data, compat_data.fingerprints(root)) == []
    # t/a.py kept its results; t/b.py's are about its new code.
    assert len(data["snippets"]["t/a.py"]["results"]) == 4
    assert data["snippets"]["t/b.py"]["fingerprint"] == compat_data.fingerprints(root)["t/b.py"]


def test_the_command_says_when_there_is_nothing_to_do(tmp_path, capsys, monkeypatch):
    from recorded_docs.compat import run as run_module

    root = site(tmp_path)
    compat_run(root, Steps()).run()
    argv = ["--pinned", "3.11/9.2.0/9.17.0", "--state", str(root / ".artifacts/compat")]
    assert run_module.main(argv, root) == 0
    assert "nothing to do" in capsys.readouterr().out


def test_matrix_jobs_keep_their_results_and_the_last_job_merges_them(tmp_path, capsys):
    """The matrix workflow: each job runs one environment with --results (the data file
    untouched), uploads the folder; the last job merges every job's files (downloaded
    side by side) with the same writer; an environment that did not finish is left out
    and said so."""
    from recorded_docs.compat import run as run_module

    root = site(tmp_path)
    downloads = tmp_path / "downloads"
    for i, pair in enumerate([PAIRS[0], {**PAIRS[0], "python": "3.12"}, PAIRS[1]]):
        job = compat_run(root, Steps(), pairs=[pair], keep_results=True)
        job.state_dir = downloads / f"compat-{i}"
        assert job.run() == {}
        assert not (root / "snippets/compat.json").exists()
    # A job that died before its .done: its partial results must not count.
    (downloads / "compat-2" / "py3.11-torch-9.0.0.done").unlink()
    argv = ["--pinned", "3.11/9.2.0/9.17.0", "--merge", str(downloads)]
    assert run_module.main(argv, root) == 0
    out = capsys.readouterr()
    assert (
        "merged 2 environment(s)" in out.out and "py3.11-torch-9.0.0.jsonl has no .done" in out.err
    )
    data = compat_data.load(root)
    assert [(e["python"], e["torch"]) for e in data["environments"]] == [
        ("3.11", "9.2.0"),
        ("3.12", "9.2.0"),
    ]
    assert data["pinned"] == {"python": "3.11", "torch": "9.2.0", "torchvision": "9.17.0"}
    assert data["snippets"]["t/b.py"]["results"]["3.12/9.2.0"]["result"] == "fails"
    # --write-plan writes the environments a run would make, and runs nothing.
    plan = tmp_path / "matrix.json"
    argv = [
        "--pinned",
        "3.11/9.2.0/9.17.0",
        "--write-plan",
        str(plan),
        "--python",
        "3.12",
        "9.2.0/9.17.0",
    ]
    assert run_module.main(argv, root) == 0
    assert json.loads(plan.read_text()) == [
        {"python": "3.12", "torch": "9.2.0", "torchvision": "9.17.0", "numpy": "numpy>=2"}
    ]
