"""Measure verification against its floor and against the notebook way.

    python -m tools.bench --tests-seconds 12.3 [--setup-seconds 45.6]

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

ROOT = Path(__file__).resolve().parent.parent


def timed(cmd: list[str], **kwargs) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, check=True, capture_output=True, **kwargs)
    return time.perf_counter() - start


def snippet_seconds() -> tuple[float, int]:
    """Sum of the snippets' own run times (each timed in its child; torch imported first)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import torch  # noqa: F401
        import torchvision  # noqa: F401

    from tools.pytest_snippets import seed_hub_cache
    from tools.site_pages import Site
    from tools.snippet_runner import run_snippet

    with tempfile.TemporaryDirectory() as home:
        seed_hub_cache(Path(home))
        os.environ["TORCH_HOME"] = home
        examples = Site(ROOT).examples()
        total = sum(run_snippet(e.snippet, ROOT).seconds for e in examples)
    return total, len(examples)


def notebook_seconds(torch_home: str) -> tuple[float, int]:
    import nbclient
    import nbformat

    from tools.notebooks import write_all

    with tempfile.TemporaryDirectory() as tmp:
        paths = [p for p in write_all(ROOT, Path(tmp)) if p.parent.name == "zh"]
        start = time.perf_counter()
        for path in paths:
            nb = nbformat.read(path, as_version=4)
            nbclient.NotebookClient(
                nb, timeout=600, kernel_name="python3", resources={"metadata": {"path": tmp}}
            ).execute(env={**os.environ, "TORCH_HOME": torch_home})
        return time.perf_counter() - start, len(paths)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--tests-seconds", type=float, required=True)
    parser.add_argument("--setup-seconds", type=float)
    args = parser.parse_args()

    start_and_import = min(
        timed([sys.executable, "-c", "import torch, torchvision"]) for _ in range(3)
    )
    snippets, count = snippet_seconds()
    floor = start_and_import + snippets

    with tempfile.TemporaryDirectory() as home:
        from tools.pytest_snippets import seed_hub_cache

        seed_hub_cache(Path(home))
        notebooks, pages = notebook_seconds(home)

    with tempfile.TemporaryDirectory() as out:
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
        mkdocs = timed(
            [sys.executable, "-m", "mkdocs", "build", "-q", "-d", out], cwd=ROOT, env=env
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


if __name__ == "__main__":
    sys.exit(main())
