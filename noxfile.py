"""Every task of this site, one nox session each.

    nox                  # lint, tests, docs (the defaults)
    nox -s serve         # build and serve the site at http://127.0.0.1:8000
    nox -s tests         # verify every snippet and the site's structure
    nox -s record        # re-run every snippet and rewrite the outputs that changed

Extra arguments after ``--`` go to the underlying tool (pytest, mkdocs, ruff).
Virtual environments are reused between runs: torch is a 5 GB install.
"""

import os

import nox

nox.options.default_venv_backend = "venv"
nox.options.reuse_venv = "yes"
nox.options.sessions = ["lint", "tests", "docs"]

PYPROJECT = nox.project.load_toml("pyproject.toml")
QUIET_ENV = {"NO_MKDOCS_2_WARNING": "1", "PYTHONDONTWRITEBYTECODE": "1"}
# Two workers on this project's 2-core machines; more where there are more cores.
WORKERS = str(min(4, os.cpu_count() or 1))


def install_group(session: nox.Session, group: str) -> None:
    session.install(*nox.project.dependency_groups(PYPROJECT, group))


@nox.session
def tests(session: nox.Session) -> None:
    """Verify: run every snippet once, compare with its recorded output, check the pages.

    Runs the snippets (tests/test_snippets.py), the site's structure rules and the
    strict build (tests/test_structure.py) and the checks' own tests
    (tests/test_checks.py) on two workers. Pass pytest options after --, e.g.
    ``nox -s tests -- -k autograd -n0``.
    """
    install_group(session, "test")
    session.run("pytest", "-n", WORKERS, *session.posargs, env=QUIET_ENV)


@nox.session
def record(session: nox.Session) -> None:
    """Re-run every snippet and rewrite the recorded outputs (and manifest) that changed.

    The same pytest run as ``tests`` with ``--record``; a snippet that fails is
    never recorded and the run fails. ``nox -s record -- -k autograd`` records a subset.
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
