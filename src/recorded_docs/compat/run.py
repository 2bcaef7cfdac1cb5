"""A compat run: snippets in environments of other torch releases and Pythons, one
environment at a time.

    python -m recorded_docs compat run --pinned PY/TORCH/VISION            # refresh, resume or plan
    python -m recorded_docs compat run --pinned ... --python 3.12         # that Python's plan
    python -m recorded_docs compat run --pinned ... --plan                # the pinned Python's plan
    python -m recorded_docs compat run --pinned ... 2.4.1/0.19.1          # these releases
    python -m recorded_docs compat run --pinned ... --write-plan M.json   # the plan, as JSON
    python -m recorded_docs compat run --pinned ... --results DIR ...     # a matrix job
    python -m recorded_docs compat run --pinned ... --merge DIR           # the matrix's last job

(``nox -s compat`` runs this.) What a run does, first that applies:

1. **resume**: a run that stopped (a failed install, a full disk, Ctrl-C) left its plan
   in ``state_dir``; the next run continues it, skipping what is done;
2. **these releases / that Python's plan** when asked (every snippet on each);
3. **refresh**: with nothing else to do, only the snippets whose results are missing or
   about other files (their code, recorded output or figures changed since:
   :func:`recorded_docs.compat.data.stale`) run again, in every environment the data
   file lists, and nothing runs when there are none;
4. **the plan** of the pinned Python when there is no data file yet.

Per environment: make it under ``envs_dir`` (:func:`recorded_docs.compat.envs.make_env`,
without the installer's cache: ~3 GB of downloads per release that must not pile up on
disk), run the snippets (``pytest docs --drift-report``: one verdict per snippet, with the
fingerprint of what it judged), merge the results into the data file
(:func:`recorded_docs.compat.data.merge`), and remove the environment in the background
while the next one installs, so at most two are on disk. State: ``plan.json``, then per
environment ``py<P>-torch-<T>.jsonl`` and, once complete, ``.done`` with what it took.
Only when every environment is in the data file is the state removed (and a line
appended to the run history).
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


def label(pair: dict) -> str:
    return f"torch {pair['torch']} on Python {pair['python']}"


@dataclass
class CompatRun:
    root: Path
    pinned: dict[str, str]  # {"python", "torch", "torchvision"}: the site's recordings
    pairs: list[dict[str, str]]  # {"python", "torch", "torchvision", "numpy"}
    state_dir: Path
    envs_dir: Path
    only: list[str] | None = None  # run only these snippets (a refresh)
    # Keep the per-environment result files and leave the data file alone (a job of the
    # matrix workflow: its last job merges every job's results).
    keep_results: bool = False
    others: list[str] = field(default_factory=list)  # requirements besides torch/vision/numpy
    workers: str = "1"
    nice: int = 10
    env: dict[str, str] = field(default_factory=dict)
    log: Callable[[str], None] = print
    # The steps, replaceable in tests.
    make_env: Callable[..., Path] = envs.make_env
    run_snippets: Callable[..., None] = envs.run_snippets
    write_data: Callable[[dict, Path], Path] = compat_data.write
    version_in: Callable[[Path, str], str] = None  # type: ignore[assignment]
    runner: Callable[..., object] | None = None

    def __post_init__(self) -> None:
        self.state_dir = Path(self.state_dir)
        self.envs_dir = Path(self.envs_dir)
        self.runner = self.runner or envs.subprocess_runner(self.log)
        self.version_in = self.version_in or _version_in
        self._removing: list[threading.Thread] = []
        self.peak_disk = 0

    # ---- state ----------------------------------------------------------------------

    @property
    def plan_file(self) -> Path:
        return self.state_dir / "plan.json"

    def report(self, pair: dict) -> Path:
        return self.state_dir / f"py{pair['python']}-torch-{pair['torch']}.jsonl"

    def done_file(self, pair: dict) -> Path:
        return self.report(pair).with_suffix(".done")

    @classmethod
    def planned(cls, state_dir: Path) -> dict | None:
        """The plan a stopped run left: {"pairs": [...], "only": [...] or None}."""
        plan = Path(state_dir) / "plan.json"
        return json.loads(plan.read_text("utf-8")) if plan.exists() else None

    # ---- the run --------------------------------------------------------------------

    def write(self) -> Path:
        """Merge every finished environment's results into the data file."""
        reports = [self.report(p) for p in self.pairs if self.done_file(p).exists()]
        environments = {}
        for report in reports:
            info = json.loads(report.with_suffix(".done").read_text("utf-8"))
            environments[compat_data.env_key(info["python"], info["torch"])] = {
                "numpy": info.get("numpy")
            }
        try:
            old = compat_data.load(self.root)
        except compat_data.DataError as err:
            raise CompatStopped(str(err)) from None
        data = compat_data.merge(
            old,
            compat_data.load_rows(reports),
            compat_data.fingerprints(self.root),
            self.pinned,
            environments,
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
        report = self.report(pair)
        report.unlink(missing_ok=True)
        venv = self.envs_dir / f"py{pair['python']}-torch-{pair['torch']}"
        begin = time.monotonic()
        try:
            python = self.make_env(
                self.runner, venv, pair, self.others, self.root, False, True, pair["python"]
            )
        except Exception as err:  # noqa: BLE001 - named, and the run can be continued
            shutil.rmtree(venv, ignore_errors=True)
            raise CompatStopped(
                f"{label(pair)}: its environment could not be installed ({err}); "
                f"the environments done so far are kept in {self.state_dir}: fix the cause "
                "(network, disk, a release without wheels for this Python) and run again"
            ) from None
        size = envs.dir_size(venv)
        numpy = self.version_in(python, "numpy")
        self.run_snippets(
            self.runner,
            python,
            report,
            self.root,
            workers=self.workers,
            nice=self.nice,
            env=self.env,
            only=self.only,
        )
        self._remove_later(venv)
        Path(f"{report}.lock").unlink(missing_ok=True)
        info = {
            **pair,
            "numpy": numpy,
            "snippets": len(self.only) if self.only is not None else "all",
            "seconds": round(time.monotonic() - begin),
            "env_bytes": size,
        }
        self.done_file(pair).write_text(json.dumps(info) + "\n", "utf-8")
        self.log(f"{label(pair)}: {info['seconds']} s, environment {size / 1e9:.1f} GB")

    def run(self) -> dict:
        """Run what is not done yet; returns the data written. Raises CompatStopped."""
        self.state_dir.mkdir(parents=True, exist_ok=True)
        plan = {"pairs": self.pairs, "only": self.only}
        self.plan_file.write_text(json.dumps(plan, indent=1) + "\n", "utf-8")
        what = f"{len(self.only)} snippet(s)" if self.only is not None else "every snippet"
        self.log(f"{what} in: " + ", ".join(label(p) for p in self.pairs))
        self.envs_dir.mkdir(parents=True, exist_ok=True)
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
                    self.log(f"{label(pair)}: done in an earlier run")
                    continue
                self._one(pair)
                if not self.keep_results:
                    self.write()
        finally:
            for thread in self._removing:
                thread.join()
            stop.set()
            self.log(
                f"this run: {time.monotonic() - started:.0f} s wall, "
                f"peak disk use {self.peak_disk / 1e9:.1f} GB above its start"
            )
        if self.keep_results:
            return {}
        self.write()
        history = self.state_dir.parent / "compat-runs.jsonl"
        with history.open("a", encoding="utf-8") as log:
            done = [json.loads(self.done_file(p).read_text("utf-8")) for p in self.pairs]
            log.write(json.dumps(done) + "\n")
        shutil.rmtree(self.state_dir)  # every environment is in the data file now
        return compat_data.load(self.root)


def _version_in(python: Path, package: str) -> str:
    done = subprocess.run(
        [str(python), "-c", f"import {package}; print({package}.__version__)"],
        capture_output=True,
        text=True,
    )
    return done.stdout.strip()


# ---- what to run ------------------------------------------------------------------


def refresh(data: dict | None, root: Path) -> tuple[list[dict], list[str]]:
    """(every environment of the data, the snippets to run again in them)."""
    if not data:
        return [], []
    pairs = [
        {
            "python": env["python"],
            "torch": env["torch"],
            "torchvision": env["torchvision"],
            "numpy": f"numpy=={env['numpy']}" if env.get("numpy") else "",
        }
        for env in data["environments"]
    ]
    return pairs, compat_data.stale(data, compat_data.fingerprints(root))


def python_plan(python: str, pinned: dict[str, str]) -> list[dict[str, str]]:
    """The releases to run on ``python``: the pinned Python's full plan, another Python's
    oldest (with its torchvision), pinned and newest release that have wheels for it."""
    torches = envs.index_versions("torch", python)
    visions = envs.index_versions("torchvision", python)
    if compat_data.python_minor(python) == compat_data.python_minor(pinned["python"]):
        pairs = envs.plan(torches, visions, pinned["torch"], pinned["torchvision"])
    else:
        pairs = envs.edge_plan(torches, visions, pinned["torch"], pinned["torchvision"])
    return [{"python": compat_data.python_minor(python), **p} for p in pairs]


def main(argv: list[str], root: Path | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m recorded_docs compat run")
    parser.add_argument("pairs", nargs="*", help="TORCH/TORCHVISION releases (every snippet)")
    parser.add_argument("--pinned", required=True, help="the pinned PYTHON/TORCH/TORCHVISION")
    parser.add_argument(
        "--python", action="append", default=[], help="run this Python's plan (repeatable)"
    )
    parser.add_argument("--plan", action="store_true", help="run the pinned Python's plan")
    parser.add_argument(
        "--write-plan", metavar="PATH", help="write the environments as JSON and run nothing"
    )
    parser.add_argument(
        "--results",
        metavar="DIR",
        help="keep each environment's results in DIR and leave the data file alone",
    )
    parser.add_argument(
        "--merge", metavar="DIR", help="merge the results in DIR into the data file, run nothing"
    )
    parser.add_argument("--state", default=".artifacts/compat")
    parser.add_argument("--envs", default=".nox/compat")
    parser.add_argument("--requirement", action="append", default=[], dest="others")
    args = parser.parse_args(argv)
    root = root or Path.cwd()
    python, torch, vision = (args.pinned.split("/") + ["", "", ""])[:3]
    pinned = {"python": python, "torch": torch, "torchvision": vision}
    state = Path(args.results or args.state)
    only = None
    try:
        data = compat_data.load(root)
    except compat_data.DataError as err:
        print(f"compat: {err}", file=sys.stderr)
        return 1
    if args.merge:
        return merge_results(Path(args.merge), root, pinned, data)
    if (planned := CompatRun.planned(state)) is not None and not (
        args.pairs or args.python or args.plan
    ):
        print(f"resuming the run planned in {state / 'plan.json'}")
        pairs, only = planned["pairs"], planned["only"]
    elif args.pairs:
        pythons = args.python or [python]
        pairs = []
        for p in pythons:
            for arg in args.pairs:
                t, _, v = arg.partition("/")
                pairs.append(
                    {"python": p, "torch": t, "torchvision": v, "numpy": envs.numpy_spec(t)}
                )
    elif args.python or args.plan or data is None:
        pairs = [pair for p in (args.python or [python]) for pair in python_plan(p, pinned)]
    else:
        pairs, only = refresh(data, root)
        if not only:
            print(
                f"compat: nothing to do: every snippet's results in {compat_data.DATA} are "
                "about its code, output and figures as they are now"
            )
            return 0
        print(f"compat: {len(only)} snippet(s) changed or new since they were checked:")
        for name in only:
            print(f"  {name}")
    if args.write_plan:
        Path(args.write_plan).parent.mkdir(parents=True, exist_ok=True)
        Path(args.write_plan).write_text(json.dumps(pairs) + "\n", "utf-8")
        print(f"compat: {len(pairs)} environment(s) planned in {args.write_plan}")
        return 0
    if state.exists() and CompatRun.planned(state) is not None and planned is not None:
        if planned != {"pairs": pairs, "only": only}:
            shutil.rmtree(state)  # another plan replaces the stopped one
    run = CompatRun(
        root,
        pinned,
        pairs,
        state,
        Path(args.envs),
        only=only,
        keep_results=bool(args.results),
        others=args.others,
        workers=os.environ.get("COMPAT_WORKERS", "1"),
        nice=int(os.environ.get("COMPAT_NICE", "10")),
        env={
            "NO_MKDOCS_2_WARNING": "1",
            "PYTHONDONTWRITEBYTECODE": "1",
            # Niced, one at a time, in a fresh environment (torch.compile's caches
            # empty): a slow snippet there is not an incompatible one.
            "SNIPPET_TIMEOUT": os.environ.get("SNIPPET_TIMEOUT", "300"),
        },
    )
    try:
        data = run.run()
    except CompatStopped as err:
        print(f"compat: stopped: {err}", file=sys.stderr)
        return 1
    if args.results:
        print(f"compat: results kept in {state}")
        return 0
    for key, tally in compat_data.counts(data).items():
        print(f"{key}: " + ", ".join(f"{k} {n}" for k, n in sorted(tally.items())))
    return 0


def merge_results(folder: Path, root: Path, pinned: dict[str, str], old: dict | None) -> int:
    """Merge every environment's results in ``folder`` (``*.jsonl`` and their ``.done``,
    as ``--results`` keeps them) into the data file: the matrix workflow's last job."""
    reports = sorted(folder.rglob("*.jsonl"))
    done = [r for r in reports if r.with_suffix(".done").exists()]
    for report in reports:
        if report not in done:
            print(
                f"compat: {report} has no .done beside it: its environment did not finish, "
                "left out",
                file=sys.stderr,
            )
    if not done:
        print(f"compat: no finished results in {folder}", file=sys.stderr)
        return 1
    environments = {}
    for report in done:
        info = json.loads(report.with_suffix(".done").read_text("utf-8"))
        environments[compat_data.env_key(info["python"], info["torch"])] = {
            "numpy": info.get("numpy")
        }
    data = compat_data.merge(
        old,
        compat_data.load_rows(done),
        compat_data.fingerprints(root),
        pinned,
        environments,
    )
    path = compat_data.write(data, root)
    print(f"compat: merged {len(done)} environment(s) into {path}")
    for key, tally in compat_data.counts(data).items():
        print(f"{key}: " + ", ".join(f"{k} {n}" for k, n in sorted(tally.items())))
    return 0
