"""Measure verification against its floor and against the notebook way.

    python -m recorded_docs bench --tests-seconds 12.3 [--setup-seconds 45.6]

(``nox -s bench`` times a fresh set-up and ``nox -s tests`` itself and passes the
figures in.)

* fresh set-up: a new clone, ``python3 noxw --install-only`` (every install the
  default sessions need, torch included, from the installer's cache);

* floor: one Python start with ``import torch, torchvision`` (a fresh process,
  best of three), plus each snippet's own run time (measured inside the child that runs
  it, so the floor leaves out the cost of isolating snippets: a fork each);
* the notebook way: each page as a generated Jupyter notebook, executed with
  nbclient, one kernel per page;
* ``mkdocs build`` of both languages, cold (fresh process, empty output folder).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
import warnings
from pathlib import Path


def stand_ins(root: Path) -> list[str]:
    """The models the pytest configuration (pyproject.toml) gives stand-in weights."""
    import tomllib

    pyproject = root / "pyproject.toml"
    if not pyproject.exists():
        return []
    ini = tomllib.loads(pyproject.read_text("utf-8")).get("tool", {}).get("pytest", {})
    value = ini.get("ini_options", {}).get("recorded_docs_stand_in_weights", [])
    return value.split() if isinstance(value, str) else list(value)


def timed(cmd: list[str], **kwargs) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, check=True, capture_output=True, **kwargs)
    return time.perf_counter() - start


def snippet_seconds(root: Path) -> tuple[float, int]:
    """Sum of the snippets' own run times (each timed in its child; torch imported first)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import torch  # noqa: F401
        import torchvision  # noqa: F401

    from recorded_docs.pages import Site
    from recorded_docs.runner import run_snippet
    from recorded_docs.stand_ins import seed_torch_hub

    with tempfile.TemporaryDirectory() as home:
        seed_torch_hub(Path(home), stand_ins(root))
        os.environ["TORCH_HOME"] = home
        examples = Site(root).examples()
        total = sum(run_snippet(e.snippet).seconds for e in examples)
    return total, len(examples)


def notebook_seconds(root: Path, torch_home: str) -> tuple[float, int]:
    import nbclient
    import nbformat

    from recorded_docs.notebooks import write_all
    from recorded_docs.pages import Site

    with tempfile.TemporaryDirectory() as tmp:
        paths = [p for p in write_all(Site(root), Path(tmp)) if p.parent.name == "zh"]
        start = time.perf_counter()
        for path in paths:
            nb = nbformat.read(path, as_version=4)
            nbclient.NotebookClient(
                nb, timeout=600, kernel_name="python3", resources={"metadata": {"path": tmp}}
            ).execute(env={**os.environ, "TORCH_HOME": torch_home})
        return time.perf_counter() - start, len(paths)


def main(argv: list[str], root: Path | None = None) -> int:
    root = root or Path.cwd()
    parser = argparse.ArgumentParser(prog="python -m recorded_docs bench")
    parser.add_argument("--tests-seconds", type=float, required=True)
    parser.add_argument("--setup-seconds", type=float)
    args = parser.parse_args(argv)

    start_and_import = min(
        timed([sys.executable, "-c", "import torch, torchvision"]) for _ in range(3)
    )
    snippets, count = snippet_seconds(root)
    floor = start_and_import + snippets

    with tempfile.TemporaryDirectory() as home:
        from recorded_docs.stand_ins import seed_torch_hub

        seed_torch_hub(Path(home), stand_ins(root))
        notebooks, pages = notebook_seconds(root, home)

    with tempfile.TemporaryDirectory() as out:
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
        mkdocs = timed(
            [sys.executable, "-m", "mkdocs", "build", "-q", "-d", out], cwd=root, env=env
        )

    rows = (
        []
        if args.setup_seconds is None
        else [("fresh set-up: new clone, noxw --install-only (installs)", args.setup_seconds)]
    )
    rows += [
        ("floor: python start + import torch, torchvision", start_and_import),
        (f"floor: the {count} snippets' own run time", snippets),
        ("floor (total)", floor),
        ("nox -s tests (venv reused, all tests, best of 3)", args.tests_seconds),
        (f"notebooks: {pages} pages via nbclient, one kernel each", notebooks),
        ("mkdocs build, both languages, cold", mkdocs),
    ]
    width = max(len(name) for name, _ in rows)
    print(f"\nbench on {os.cpu_count()} cores, {count} snippets\n")
    for name, seconds in rows:
        print(f"  {name:<{width}}  {seconds:7.2f} s")
    print(f"\n  verification / floor      = {args.tests_seconds / floor:.2f}  (target <= 1.5)")
    print(f"  notebooks / verification  = {notebooks / args.tests_seconds:.2f}  (target >= 3)")
    return 0
