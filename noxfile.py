"""Every task of this site, one nox session each.

    nox                  # lint, tests, docs (the defaults)
    nox -s serve         # build and serve the site at http://127.0.0.1:8000
    nox -s tests         # verify every snippet and the site's structure
    nox -s record        # re-run every snippet and rewrite the outputs that changed

Extra arguments after ``--`` go to the underlying tool (pytest, mkdocs, ruff).
Virtual environments are reused between runs: torch is a 5 GB install.
"""

import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import nox

nox.options.default_venv_backend = "venv"
nox.options.reuse_venv = "yes"
nox.options.sessions = ["lint", "tests", "notebooks", "docs", "site"]

PYPROJECT = nox.project.load_toml("pyproject.toml")
QUIET_ENV = {"NO_MKDOCS_2_WARNING": "1", "PYTHONDONTWRITEBYTECODE": "1"}
# Two workers on this project's 2-core machines; more where there are more cores.
WORKERS = str(min(4, os.cpu_count() or 1))


def install_group(session: nox.Session, group: str) -> None:
    session.install(*nox.project.dependency_groups(PYPROJECT, group))


def pinned(name: str) -> str:
    """The version the test group pins for a package, e.g. pinned("torch") == "2.14.1"."""
    for req in nox.project.dependency_groups(PYPROJECT, "test"):
        if m := re.fullmatch(rf"{name}==([\w.]+)", req):
            return m[1]
    raise ValueError(f"{name} is not pinned in the test group")


def newest(name: str) -> str:
    """The newest release the package index serves."""
    out = subprocess.run(
        [sys.executable, "-m", "pip", "index", "versions", name],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PIP_CONSTRAINT": os.devnull},
    ).stdout
    return re.search(rf"{name} \(([^)]+)\)", out)[1]


@nox.session
def tests(session: nox.Session) -> None:
    """Verify: run every snippet once, compare with its recorded output, check the pages.

    Runs the snippets (tests/test_snippets.py), the site's structure rules
    (tests/test_structure.py) and the checks' own tests (tests/test_checks.py) on
    two workers. The strict build is tested by the ``site`` session. Pass pytest
    options after --, e.g. ``nox -s tests -- -k autograd -n0``; on a GPU machine
    ``nox -s tests -- --device cuda``.
    """
    install_group(session, "test")
    session.run(
        "pytest",
        "-n",
        WORKERS,
        "-m",
        "not site and not notebooks",
        *session.posargs,
        env=QUIET_ENV,
    )


@nox.session
def record(session: nox.Session) -> None:
    """Re-run every snippet and rewrite the recorded outputs (and manifest) that changed.

    The same pytest run as ``tests`` with ``--record``; a snippet that fails is
    never recorded and the run fails. ``nox -s record -- -k autograd`` records a subset;
    ``nox -s record -- --device cuda`` records the GPU outputs on a GPU machine.
    """
    install_group(session, "test")
    session.run(
        "pytest",
        "tests/test_snippets.py",
        "--record",
        "-n",
        WORKERS,
        *session.posargs,
        env=QUIET_ENV,
    )


@nox.session
def docs(session: nox.Session) -> None:
    """Build the site with ``mkdocs build --strict`` into site/ (no torch installed)."""
    install_group(session, "docs")
    session.run("mkdocs", "build", "--strict", *session.posargs, env=QUIET_ENV)


@nox.session
def notebooks(session: nox.Session) -> None:
    """Generate every page's notebook (both languages) and execute it with nbclient.

    Also runs every snippet's Chinese variant (tests/test_zh_comments.py, marker
    ``notebooks``) and compares it with the recorded output: about 15 s on 2 cores.
    """
    install_group(session, "test")
    session.run(
        "pytest",
        "tests/test_notebooks.py",
        "tests/test_zh_comments.py",
        "-m",
        "notebooks",
        "-p",
        "no:cacheprovider",
        *session.posargs,
        env=QUIET_ENV,
    )


@nox.session
def site(session: nox.Session) -> None:
    """Test the built site as readers use it (tests/test_site.py; no torch).

    Every internal link and anchor, one search index per language, no request to
    another host, and a real browser (Debian's Chromium through Playwright):
    rendering, language switch, copy buttons, Chinese and English search.
    tests/test_search.py runs Material's own search worker on each language's index:
    every word of the pages is found, inflected forms meet, a reader's questions
    (tests/search_queries.yaml) rank the right page. Screenshots go to
    .artifacts/screenshots/.
    """
    install_group(session, "site")
    session.run(
        "pytest",
        "tests/test_site.py",
        "tests/test_search.py",
        "-p",
        "no:cacheprovider",
        *session.posargs,
        env=QUIET_ENV,
    )


@nox.session(default=False)
def offline(session: nox.Session) -> None:
    """Build a copy of the site that works opened from disk (file://) into site-offline/."""
    install_group(session, "docs")
    session.run(
        "mkdocs",
        "build",
        "--strict",
        "--site-dir",
        "site-offline",
        *session.posargs,
        env={**QUIET_ENV, "OFFLINE": "true"},
    )
    session.log("open site-offline/index.html in a browser")


@nox.session(default=False)
def serve(session: nox.Session) -> None:
    """Build the site and serve it at http://127.0.0.1:8000, rebuilding on changes."""
    install_group(session, "docs")
    session.run("mkdocs", "serve", "--dev-addr", "127.0.0.1:8000", *session.posargs, env=QUIET_ENV)


@nox.session
def lint(session: nox.Session) -> None:
    """Run ruff over the snippets, the tools, the tests and this file."""
    install_group(session, "lint")
    args = session.posargs or ["snippets", "tools", "tests", "noxfile.py"]
    session.run("ruff", "check", *args)
    session.run("ruff", "format", "--check", "--diff", *args)


@nox.session(venv_backend="none")
def drift(session: nox.Session) -> None:
    """Run every snippet on several torch/torchvision versions and print one drift table.

    Default pairs: the pinned versions and the newest release on the package index.
    Other pairs as posargs, TORCH/TORCHVISION: ``nox -s drift -- 2.13.0/0.28.0``
    (``pinned`` and ``latest`` name the defaults). Each pair gets its own virtual
    environment under .nox/drift/; the version cap some machines set through a pip
    constraint file is lifted for these environments only (PIP_CONSTRAINT=/dev/null).
    The table is printed and written to .artifacts/drift/report.md; the session fails
    on any drift: changed output, new warning, error, or a legacy API that changed.
    """
    pairs = session.posargs or ["pinned", "latest"]
    others = [
        r
        for r in nox.project.dependency_groups(PYPROJECT, "test")
        if not r.startswith(("torch==", "torchvision=="))
    ]
    reports = Path(".artifacts/drift")
    shutil.rmtree(reports, ignore_errors=True)
    runs = []
    for pair in pairs:
        if pair == "pinned":
            torch, vision = pinned("torch"), pinned("torchvision")
        elif pair == "latest":
            torch, vision = newest("torch"), ""  # pip picks the matching torchvision
        else:
            torch, _, vision = pair.partition("/")
        venv = Path(".nox/drift") / f"torch-{torch}"
        python = venv / "bin" / "python"
        if not python.exists():
            session.run(sys.executable, "-m", "venv", str(venv))
        session.run(
            str(python),
            "-m",
            "pip",
            "install",
            "--quiet",
            *others,
            f"torch=={torch}",
            f"torchvision=={vision}" if vision else "torchvision",
            env={"PIP_CONSTRAINT": os.devnull},
        )
        run = reports / f"torch-{torch}.jsonl"
        session.run(
            str(python),
            "-m",
            "pytest",
            "tests/test_snippets.py",
            "-q",
            "-n",
            WORKERS,
            "-p",
            "no:cacheprovider",
            f"--drift-report={run}",
            env=QUIET_ENV,
            success_codes=[0, 1],
        )
        runs.append(str(run))
    session.run(sys.executable, "-m", "tools.drift_report", str(reports / "report.md"), *runs)


@nox.session(venv_backend="none")
def translations(session: nox.Session) -> None:
    """List zh/en page pairs where one language's file changed in git after the other's,
    and snippets changed after their Chinese comments (<name>.zh.yaml)."""
    session.run(sys.executable, "-m", "tools.translation_status")


@nox.session(default=False)
def bench(session: nox.Session) -> None:
    """Time verification against its floor, the notebook way, and a cold site build.

    Runs ``nox -R -s tests`` (its venv reused, nothing installed) three times and
    keeps the best, as timeit does, then tools/bench.py prints the four figures
    and the two ratios.
    """
    install_group(session, "test")
    runs = []
    for _ in range(3):
        start = time.perf_counter()
        session.run(sys.executable, "-m", "nox", "-R", "-s", "tests", external=True, silent=True)
        runs.append(time.perf_counter() - start)
    session.log("nox -s tests: " + ", ".join(f"{r:.2f} s" for r in runs))
    session.run("python", "-m", "tools.bench", f"--tests-seconds={min(runs):.2f}", env=QUIET_ENV)
