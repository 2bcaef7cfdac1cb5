"""Every task of this site, one nox session each.

    python3 noxw                # lint, tests, notebooks, site (the defaults)
    python3 noxw -s serve       # build and serve the site at http://127.0.0.1:8000
    python3 noxw -s tests       # verify every snippet and the site's structure
    python3 noxw -s record      # re-run every snippet and rewrite the outputs that changed

(``noxw`` runs nox from its own environment; a plain ``nox`` works the same.)
Extra arguments after ``--`` go to the underlying tool (pytest, mkdocs, ruff).

Sessions share virtual environments, made once and reused: ``.nox/torch`` (the
``test`` group, torch is a 5 GB install) for tests, notebooks, record and bench;
``.nox/docs`` (never torch) for docs, serve, offline, site, and the drivers of drift
and compat; ``.nox/lint``. Each holds this repository's package (src/recorded_docs)
installed editable. They are made and filled with uv where it is installed (``noxw``
installs it), else with venv and pip; uv gets pip's package sources (tools/uv_config.py).
"""

import os
import platform
import re
import shutil
import sys
import time
from pathlib import Path

import nox


def _uv_config():
    """tools/uv_config.py, loaded from its file (it is not a package anyone installs)."""
    import importlib.util

    path = Path(__file__).resolve().parent / "tools" / "uv_config.py"
    spec = importlib.util.spec_from_file_location("uv_config", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


uv_config = _uv_config()
uv_environment, uv_binary = uv_config.uv_environment, uv_config.uv_binary

nox.needs_version = ">=2025.2.9"
# The sessions make their own (shared) environments: see environment().
nox.options.default_venv_backend = "none"
# The strict build is tested by `site` (tests/test_site.py); `docs` builds into site/.
nox.options.sessions = ["lint", "tests", "notebooks", "site"]

PYPROJECT = nox.project.load_toml("pyproject.toml")
# What the sessions' environments need (the site's Markdown stack); the package alone
# runs on older Pythons (drift and compat environments).
SITE_PYTHON = PYPROJECT["tool"]["noxw"]["requires-python"]
# Bytecode: every session's processes write it into one folder, .nox/pycache (never next
# to the sources, so snippets/ and tests/ stay clean), and reuse it. Only what is
# imported is compiled, once: torch's environment compiled whole took 18 s of every
# fresh set-up, the modules torch, torchvision, scikit-learn and pandas import take 6 s
# once. PYTHONDONTWRITEBYTECODE, which this machine and many CI machines set, is unset
# for them (empty), else every process compiled torch again.
PYCACHE = Path(__file__).resolve().parent / ".nox" / "pycache"
QUIET_ENV = {
    "NO_MKDOCS_2_WARNING": "1",
    "PYTHONDONTWRITEBYTECODE": "",
    "PYTHONPYCACHEPREFIX": str(PYCACHE),
}
# Two workers on this project's 2-core machines; more where there are more cores.
WORKERS = str(min(4, os.cpu_count() or 1))
# Work stealing: a worker that runs out takes the rest of another's share, so one slow
# snippet late in a share no longer leaves a core idle (tests: 27.5 s -> 24.5 s on 2 cores).
XDIST = ["-n", WORKERS, "--dist", "worksteal"]


def fits_requires_python(venv: Path) -> bool:
    """Whether the environment's Python (pyvenv.cfg) satisfies requires-python."""
    from packaging.specifiers import SpecifierSet

    cfg = dict(
        line.replace(" ", "").split("=", 1)
        for line in (venv / "pyvenv.cfg").read_text().splitlines()
        if "=" in line
    )
    version = cfg.get("version_info") or cfg.get("version") or platform.python_version()
    version = re.match(r"\d+(\.\d+)*", version)[0]  # "3.11.7.final.0" -> "3.11.7"
    return version in SpecifierSet(SITE_PYTHON)


def session_python(session: nox.Session, uv: str | None) -> str:
    """nox's own Python where it satisfies requires-python, else a specifier for uv.

    uv then finds a matching interpreter (PATH, pyenv, its own) or downloads one, so the
    README's commands work from e.g. Debian 12's python3 (3.11.2, too old for the pins).
    """
    from packaging.specifiers import SpecifierSet

    needed = SITE_PYTHON
    if platform.python_version() in SpecifierSet(needed):
        return sys.executable
    if not uv:
        session.error(f"this project needs Python {needed}, nox runs on {sys.version}")
    session.log(f"Python {platform.python_version()} is too old here ({needed}): uv picks one")
    return needed


def environment(
    session: nox.Session, name: str, group: str, package: bool = True
) -> dict[str, str]:
    """Make .nox/<name> with a dependency group (and this package, editable) installed;
    return the variables to use it.

    Environments are shared by name: torch is installed once, in .nox/torch. A stamp
    file lists what was installed (the package's own dependencies included), so a run
    whose requirements are there already installs nothing (delete .nox/<name> to start
    that environment afresh).
    """
    venv = Path(".nox") / name
    python = venv / "bin" / "python"
    reqs = nox.project.dependency_groups(PYPROJECT, group)
    if package:
        reqs = ["-e", ".", *reqs]
    stamp = venv / f"installed-{group}.txt"
    own = PYPROJECT["project"]["dependencies"] if package else []
    want = "\n".join([*reqs, *own]) + "\n"
    if not (python.exists() and stamp.is_file() and stamp.read_text() == want):
        uv = uv_binary()
        if python.exists() and not fits_requires_python(venv):
            session.log(f"{venv} has a Python older than requires-python: making it afresh")
            shutil.rmtree(venv)
        if not python.exists():
            shutil.rmtree(venv, ignore_errors=True)
            base = session_python(session, uv)
            if uv:
                session.run_install(uv, "venv", "-q", "-p", base, str(venv), external=True)
            else:
                session.run_install(base, "-m", "venv", str(venv), external=True)
        if uv:
            cmd = [uv, "pip", "install", "--python", str(python)]
            session.run_install(*cmd, *reqs, env=uv_environment(), external=True)
        else:
            cmd = [
                str(python),
                "-m",
                "pip",
                "install",
                "--disable-pip-version-check",
                "--no-compile",
            ]
            session.run_install(*cmd, *reqs, external=True)
        stamp.write_text(want)
    bindir = str(python.parent.resolve())
    return {
        **QUIET_ENV,
        "VIRTUAL_ENV": str(venv.resolve()),
        "PATH": bindir + os.pathsep + os.environ.get("PATH", ""),
    }


def run(session: nox.Session, env: dict[str, str], program: str, *args: str, **kw) -> None:
    """session.run with the program from the environment that env (environment()) names."""
    path = shutil.which(program, path=env["PATH"]) or program
    session.run(path, *args, env={**env, **kw.pop("env", {})}, external=True, **kw)


def torch_env(session: nox.Session) -> dict[str, str]:
    return environment(session, "torch", "test")


def docs_env(session: nox.Session, group: str = "docs") -> dict[str, str]:
    return environment(session, "docs", group)


def pinned(name: str) -> str:
    """The version the test group pins for a package, e.g. pinned("torch") == "2.14.1"."""
    for req in nox.project.dependency_groups(PYPROJECT, "test"):
        if m := re.fullmatch(rf"{name}==([\w.]+)", req):
            return m[1]
    raise ValueError(f"{name} is not pinned in the test group")


def recorded_python() -> str:
    """The Python minor version the site's outputs were recorded with (the manifest's):
    the compat data's pinned Python."""
    import json
    from collections import Counter

    manifest = json.loads(Path("snippets/manifest.json").read_text("utf-8"))
    versions = Counter(
        ".".join(entry["python"].split(".")[:2])
        for devices in manifest.values()
        for entry in devices.values()
    )
    return versions.most_common(1)[0][0]


def test_requirements_but_torch() -> list[str]:
    """What a drift or compat environment needs besides torch, torchvision and NumPy:
    the snippets' other imports (not the Markdown stack; the package brings pytest)."""
    docs = set(nox.project.dependency_groups(PYPROJECT, "docs"))
    return [
        r
        for r in nox.project.dependency_groups(PYPROJECT, "test")
        if r not in docs and not r.startswith(("torch==", "torchvision==", "numpy"))
    ]


def engine(session: nox.Session, *args: str) -> None:
    """``python -m recorded_docs ARGS`` in the docs environment (no torch), with uv and
    pip's package sources for the environments it makes."""
    env = docs_env(session)
    uv = uv_binary()
    extra = {**uv_environment(), **({"UV": uv} if uv else {})}
    run(session, {**env, **extra}, "python", "-m", "recorded_docs", *args)


@nox.session
def tests(session: nox.Session) -> None:
    """Verify: run every snippet the pages show once, compare with its recorded output,
    and run the engine's, the pages' and the repository's own tests.

    ``pytest`` collects docs/ (each page's snippets: recorded_docs' pytest plugin) and
    tests/ (engine, pages, repository), on two workers; the built site is tested by the
    ``site`` session. Pass pytest options after --, e.g. ``nox -s tests -- docs/en/autograd.md``
    or ``-- -k autograd -n0``; on a GPU machine ``nox -s tests -- --device cuda``.
    """
    env = torch_env(session)
    run(session, env, "pytest", *XDIST, "-m", "not site and not notebooks", *session.posargs)


@nox.session
def record(session: nox.Session) -> None:
    """Re-run every snippet and rewrite the recorded outputs (and manifest) that changed.

    The same run as ``tests`` over docs/ with ``--record``; a snippet that fails is never
    recorded and the run fails. ``nox -s record -- -k autograd`` records a subset;
    ``nox -s record -- --device cuda`` records the GPU outputs on a GPU machine.
    """
    env = torch_env(session)
    run(session, env, "pytest", "docs", "--record", *XDIST, *session.posargs)


@nox.session(default=False)
def docs(session: nox.Session) -> None:
    """Build the site with ``mkdocs build --strict`` into site/ (no torch installed)."""
    env = docs_env(session)
    run(session, env, "mkdocs", "build", "--strict", *session.posargs)


@nox.session
def notebooks(session: nox.Session) -> None:
    """Generate every page's notebook (both languages) and execute it with nbclient.

    Also runs the Chinese pages' snippets as those pages show them (their Chinese
    comments: ``pytest docs/zh``) against the recorded outputs.
    """
    env = torch_env(session)
    # One run on every core: each test worker's kernel runs its share of the pages'
    # notebooks, and the Chinese pages' snippets fill the gaps (44 s -> 29 s on 2 cores).
    paths = ["tests/pages/test_notebooks.py", "docs/zh"]
    run(session, env, "pytest", *XDIST, "-p", "no:cacheprovider", *paths, *session.posargs)


@nox.session
def site(session: nox.Session) -> None:
    """Test the built site as readers use it (tests/site/; no torch).

    Every internal link and anchor, one search index per language, no request to
    another host, and a real browser (Debian's Chromium through Playwright):
    rendering, language switch, copy buttons, Chinese and English search.
    tests/site/test_search.py runs Material's own search worker on each language's
    index: every word of the pages is found, inflected forms meet, a reader's questions
    (tests/site/search_queries.yaml) rank the right page. Screenshots go to
    .artifacts/screenshots/.
    """
    env = docs_env(session, "site")
    # On every core: the workers share one build of the site (tests/site/conftest.py) and
    # spread the browser tests (2 cores: 175 s in one process, about 100 s in two).
    run(session, env, "pytest", "tests/site", *XDIST, "-p", "no:cacheprovider", *session.posargs)


@nox.session(default=False)
def offline(session: nox.Session) -> None:
    """Build a copy of the site that works opened from disk (file://) into site-offline/."""
    env = docs_env(session)
    run(
        session,
        env,
        "mkdocs",
        "build",
        "--strict",
        "--site-dir",
        "site-offline",
        *session.posargs,
        env={"OFFLINE": "true"},
    )
    session.log("open site-offline/index.html in a browser")


@nox.session(default=False)
def serve(session: nox.Session) -> None:
    """Build the site and serve it at http://127.0.0.1:8000, rebuilding on changes.

    ``--dirty``: after the first build, a change rebuilds only the pages (both languages,
    their notebooks) that show the changed file (recorded_docs' MkDocs plugin knows which:
    a page, a snippet, its output, its Chinese comments, a figure); a change to
    mkdocs.yml rebuilds everything. Pass other mkdocs serve options after --.
    """
    env = docs_env(session)
    args = session.posargs or ["--dev-addr", "127.0.0.1:8000"]
    run(session, env, "mkdocs", "serve", "--dirty", *args)


@nox.session
def lint(session: nox.Session) -> None:
    """Run ruff over the code, and actionlint (with shellcheck) over .github/workflows."""
    env = environment(session, "lint", "lint", package=False)
    args = session.posargs or ["snippets", "src", "tools", "tests", "noxfile.py", "noxw"]
    run(session, env, "ruff", "check", *args)
    run(session, env, "ruff", "format", "--check", "--diff", *args)
    if not session.posargs:
        run(session, env, "actionlint", "-color=false")


@nox.session(default=False)
def drift(session: nox.Session) -> None:
    """Run every snippet on several torch/torchvision versions and print one drift table.

    Default pairs: the pinned versions and the newest release on the package index.
    Other pairs as posargs, TORCH/TORCHVISION: ``nox -s drift -- 2.13.0/0.28.0``
    (``pinned`` and ``latest`` name the defaults). Each pair gets its own virtual
    environment under .nox/drift/ (kept for the next run), made by the engine it shares
    with ``compat`` (recorded_docs.compat.envs); the version cap some machines set
    through a pip constraint file is lifted for these environments only.
    The table is printed and written to .artifacts/drift/report.md; the session fails
    on any drift: changed output, new warning, error, or a legacy API that changed.
    """
    requirements = [f"--requirement={r}" for r in test_requirements_but_torch()]
    pin = f"--pinned={pinned('torch')}/{pinned('torchvision')}"
    engine(session, "drift", pin, f"--workers={WORKERS}", *requirements, *session.posargs)


@nox.session(default=False)
def compat(session: nox.Session) -> None:
    """Check the snippets on other torch releases and Pythons: snippets/compat.json.

    With nothing else to do, re-runs only the snippets whose code, recorded output or
    figures changed since their results (or that have none), in every environment the
    data lists, and says "nothing to do" when there are none. A run that stopped is
    continued first (resumable: state in .artifacts/compat/). Other runs, every snippet:
    ``nox -s compat -- --plan`` (the pinned Python's plan: every other minor release from
    the oldest it can install, plus the pinned and the newest, each with its torchvision
    and a NumPy it supports), ``-- --python 3.12`` (that Python's oldest, pinned and
    newest releases with wheels for it, from any interpreter uv or pyenv has), or
    ``-- 2.4.1/0.19.1`` (these releases). One environment at a time under .nox/compat/,
    made without the installer's cache and removed after its run (while the next one
    installs): ~3 GB of downloads and ~6 GB of disk each, two at most. Snippets run one
    at a time, niced (COMPAT_WORKERS, COMPAT_NICE). About 5 min per environment, most
    of it the download; a refresh of a few snippets costs the same downloads.
    """
    requirements = [f"--requirement={r}" for r in test_requirements_but_torch()]
    pin = f"--pinned={recorded_python()}/{pinned('torch')}/{pinned('torchvision')}"
    engine(session, "compat", "run", pin, *requirements, *session.posargs)


@nox.session(default=False)
def translations(session: nox.Session) -> None:
    """List zh/en page pairs where one language's file changed in git after the other's,
    and snippets changed after their Chinese comments (<name>.zh.yaml)."""
    engine(session, "translations")


@nox.session(default=False)
def bench(session: nox.Session) -> None:
    """Time a fresh set-up, verification against its floor, the notebook way, a site build.

    Fresh set-up: a new clone of this checkout's HEAD (under .nox/, on the disk the
    installer's cache is on) and ``python3 noxw --install-only``, i.e. every install
    the default sessions need, nox and uv included (with the installer's cache as
    this machine has it). Then ``nox -R -s tests`` (nothing installed) three times,
    keeping the best, as timeit does; ``python -m recorded_docs bench`` prints the
    figures and ratios.
    """
    env = torch_env(session)
    clone = Path(".nox/bench-fresh-clone").resolve()
    shutil.rmtree(clone, ignore_errors=True)
    session.run("git", "clone", "--quiet", "--no-hardlinks", ".", str(clone), external=True)
    python3 = shutil.which("python3") or sys.executable
    start = time.perf_counter()
    with session.chdir(clone):
        session.run(python3, "noxw", "--install-only", external=True, silent=True)
    setup = time.perf_counter() - start
    shutil.rmtree(clone, ignore_errors=True)
    session.log(f"fresh set-up (noxw --install-only in a new clone): {setup:.2f} s")
    runs = []
    for _ in range(3):
        start = time.perf_counter()
        session.run(sys.executable, "-m", "nox", "-R", "-s", "tests", external=True, silent=True)
        runs.append(time.perf_counter() - start)
    session.log("nox -s tests: " + ", ".join(f"{r:.2f} s" for r in runs))
    run(
        session,
        env,
        "python",
        "-m",
        "recorded_docs",
        "bench",
        f"--tests-seconds={min(runs):.2f}",
        f"--setup-seconds={setup:.2f}",
        "--serve",
    )
