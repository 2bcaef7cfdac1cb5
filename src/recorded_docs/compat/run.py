"""A compat run: every snippet on a list of torch releases, one environment at a time.

    python -m recorded_docs compat run --pinned 2.14.1/0.29.1 [TORCH/TORCHVISION ...]

(``nox -s compat`` runs this.) Per release: make its environment under ``envs_dir``
(:func:`recorded_docs.compat.envs.make_env`, without the installer's cache: a release is
~3 GB of downloads that must not pile up on disk), run every snippet on it
(``pytest docs --drift-report``: one verdict per snippet), rewrite the data file
(:mod:`recorded_docs.compat.data`), and remove the environment in the background while
the next one installs, so at most two releases are on disk.

Resumable: the plan and each release's results stay in ``state_dir``
(``plan.json``, ``torch-X.jsonl``, then ``torch-X.done`` with what the release took);
a run that stops (a failed install, a full disk, Ctrl-C) is continued by the next one
with the same plan, skipping what is done. Only when every release is in the data file
is the state removed (and a line appended to the run history).
"""

from __future__ import annotations

import argparse
import errno
import json
import os
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from recorded_docs.compat import data as compat_data
from recorded_docs.compat import envs


class CompatStopped(Exception):
    """The run stopped; its state is kept and the next run continues it."""


@dataclass
class CompatRun:
    root: Path
    pinned: str  # the pinned torch release (its recorded outputs are the site's)
    pairs: list[dict[str, str]]
    state_dir: Path
    envs_dir: Path
    others: list[str] = field(default_factory=list)  # requirements besides torch/vision/numpy
    workers: str = "1"
    nice: int = 10
    env: dict[str, str] = field(default_factory=dict)
    log: Callable[[str], None] = print
    # The steps, replaceable in tests.
    make_env: Callable[..., Path] = envs.make_env
    run_snippets: Callable[..., None] = envs.run_snippets
    write_data: Callable[[dict, Path], Path] = compat_data.write
    runner: Callable[..., object] | None = None

    def __post_init__(self) -> None:
        self.state_dir = Path(self.state_dir)
        self.envs_dir = Path(self.envs_dir)
        self.runner = self.runner or envs.subprocess_runner(self.log)
        self._removing: list[threading.Thread] = []
        self.peak_disk = 0

    # ---- state ----------------------------------------------------------------------

    @property
    def plan_file(self) -> Path:
        return self.state_dir / "plan.json"

    def report(self, pair: dict) -> Path:
        return self.state_dir / f"torch-{pair['torch']}.jsonl"

    def done_file(self, pair: dict) -> Path:
        return self.report(pair).with_suffix(".done")

    @classmethod
    def planned(cls, state_dir: Path) -> list[dict[str, str]] | None:
        plan = Path(state_dir) / "plan.json"
        return json.loads(plan.read_text("utf-8")) if plan.exists() else None

    # ---- the run --------------------------------------------------------------------

    def write(self) -> Path:
        """The data file from every finished release's results so far."""
        reports = [self.report(p) for p in self.pairs if self.done_file(p).exists()]
        numpy = {}
        for report in reports:
            info = json.loads(report.with_suffix(".done").read_text("utf-8"))
            if info.get("numpy"):
                numpy[info["torch"].split("+")[0]] = info["numpy"]
        data = compat_data.build(
            compat_data.load_rows(reports),
            compat_data.snippet_names(self.root),
            self.pinned,
            numpy,
        )
        try:
            return self.write_data(data, self.root)
        except OSError as err:
            if err.errno == errno.ENOSPC:
                raise CompatStopped(
                    f"the disk is full: {compat_data.DATA} was not written (it keeps its "
                    f"previous content). Free some space and run again: it continues from "
                    f"{self.state_dir}"
                ) from None
            raise

    def _remove_later(self, venv: Path) -> None:
        """Remove an environment while the next one installs (at most one at a time)."""
        for thread in self._removing:
            thread.join()
        trash = venv.with_name(venv.name + ".removing")
        shutil.rmtree(trash, ignore_errors=True)
        venv.rename(trash)
        thread = threading.Thread(target=shutil.rmtree, args=(trash, True))
        thread.start()
        self._removing[:] = [thread]

    def _one(self, pair: dict) -> None:
        torch = pair["torch"]
        report = self.report(pair)
        report.unlink(missing_ok=True)
        venv = self.envs_dir / f"torch-{torch}"
        begin = time.monotonic()
        try:
            python = self.make_env(self.runner, venv, pair, self.others, self.root, False, True)
        except Exception as err:  # noqa: BLE001 - named, and the run can be continued
            shutil.rmtree(venv, ignore_errors=True)
            raise CompatStopped(
                f"torch {torch}: its environment could not be installed ({err}); "
                f"the releases done so far are kept in {self.state_dir}: fix the cause "
                "(network, disk, a release without wheels for this Python) and run again"
            ) from None
        size = envs.dir_size(venv)
        numpy = _version_in(python, "numpy")
        self.run_snippets(
            self.runner,
            python,
            report,
            self.root,
            workers=self.workers,
            nice=self.nice,
            env=self.env,
        )
        self._remove_later(venv)
        Path(f"{report}.lock").unlink(missing_ok=True)
        info = {
            **pair,
            "numpy": numpy,
            "seconds": round(time.monotonic() - begin),
            "env_bytes": size,
        }
        self.done_file(pair).write_text(json.dumps(info) + "\n", "utf-8")
        self.log(f"torch {torch}: {info['seconds']} s, environment {size / 1e9:.1f} GB")

    def run(self) -> dict:
        """Run what is not done yet; returns the data written. Raises CompatStopped."""
        self.state_dir.mkdir(parents=True, exist_ok=True)
        self.plan_file.write_text(json.dumps(self.pairs, indent=1) + "\n", "utf-8")
        self.log("releases: " + ", ".join(p["torch"] for p in self.pairs))
        for leftover in self.envs_dir.glob("*.removing"):
            shutil.rmtree(leftover, ignore_errors=True)  # from a run that stopped
        start_use = shutil.disk_usage(self.state_dir).used
        stop = threading.Event()

        def watch() -> None:
            while not stop.wait(2):
                used = shutil.disk_usage(self.state_dir).used - start_use
                self.peak_disk = max(self.peak_disk, used)

        threading.Thread(target=watch, daemon=True).start()
        started = time.monotonic()
        try:
            for pair in self.pairs:
                if self.done_file(pair).exists():
                    self.log(f"torch {pair['torch']}: done in an earlier run")
                    continue
                self._one(pair)
                self.write()
        finally:
            for thread in self._removing:
                thread.join()
            stop.set()
            self.log(
                f"this run: {time.monotonic() - started:.0f} s wall, "
                f"peak disk use {self.peak_disk / 1e9:.1f} GB above its start"
            )
        self.write()
        history = self.state_dir.parent / "compat-runs.jsonl"
        with history.open("a", encoding="utf-8") as log:
            done = [json.loads(self.done_file(p).read_text("utf-8")) for p in self.pairs]
            log.write(json.dumps(done) + "\n")
        shutil.rmtree(self.state_dir)  # every release is in the data file now
        return compat_data.load(self.root)


def _version_in(python: Path, package: str) -> str:
    done = subprocess.run(
        [str(python), "-c", f"import {package}; print({package}.__version__)"],
        capture_output=True,
        text=True,
    )
    return done.stdout.strip()


def main(argv: list[str], root: Path | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m recorded_docs compat run")
    parser.add_argument("pairs", nargs="*", help="TORCH/TORCHVISION pairs (default: the plan)")
    parser.add_argument("--pinned", required=True, help="the pinned TORCH/TORCHVISION")
    parser.add_argument("--state", default=".artifacts/compat")
    parser.add_argument("--envs", default=".nox/compat")
    parser.add_argument("--requirement", action="append", default=[], dest="others")
    args = parser.parse_args(argv)
    root = root or Path.cwd()
    torch, _, vision = args.pinned.partition("/")
    state = Path(args.state)
    if args.pairs:
        pairs = []
        for arg in args.pairs:
            t, _, v = arg.partition("/")
            pairs.append({"torch": t, "torchvision": v, "numpy": envs.numpy_spec(t)})
    elif (planned := CompatRun.planned(state)) is not None:
        print(f"resuming the run planned in {state / 'plan.json'}")
        pairs = planned
    else:
        pairs = envs.plan(
            envs.index_versions("torch"), envs.index_versions("torchvision"), torch, vision
        )
    run = CompatRun(
        root,
        torch,
        pairs,
        state,
        Path(args.envs),
        others=args.others,
        workers=os.environ.get("COMPAT_WORKERS", "1"),
        nice=int(os.environ.get("COMPAT_NICE", "10")),
        env={"NO_MKDOCS_2_WARNING": "1", "PYTHONDONTWRITEBYTECODE": "1"},
    )
    try:
        data = run.run()
    except CompatStopped as err:
        print(f"compat: stopped: {err}", file=sys.stderr)
        return 1
    for version, tally in compat_data.counts(data).items():
        print(f"torch {version}: " + ", ".join(f"{k} {n}" for k, n in sorted(tally.items())))
    return 0
