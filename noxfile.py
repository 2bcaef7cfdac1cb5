"""Every task of this site, one nox session each.

    python3 noxw                # lint, tests, notebooks, site (the defaults)
    python3 noxw -s serve       # build and serve the site at http://127.0.0.1:8000
    python3 noxw -s tests       # verify every snippet and the site's structure
    python3 noxw -s record      # re-run every snippet and rewrite the outputs that changed

(``noxw`` runs nox from its own environment; a plain ``nox`` works the same.)
Extra arguments after ``--`` go to the underlying tool (pytest, mkdocs, ruff).

Sessions share virtual environments, made once and reused: ``.nox/torch`` (the
``test`` group, torch is a 5 GB install) for tests, notebooks, record and bench;
``.nox/docs`` (never torch) for docs, serve, offline and site; ``.nox/lint``.
They are made and filled with uv where it is installed (``noxw`` installs it),
else with venv and pip; uv gets pip's package sources (tools/uv_config.py).
"""

import os
import platform
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import nox

sys.path.insert(0, str(Path(__file__).resolve().parent))
from tools.uv_config import uv_environment  # noqa: E402

nox.needs_version = ">=2025.2.9"
# The sessions make their own (shared) environments: see environment().
nox.options.default_venv_backend = "none"
# The strict build is tested by `site` (tests/test_site.py); `docs` builds into site/.
nox.options.sessions = ["lint", "tests", "notebooks", "site"]

PYPROJECT = nox.project.load_toml("pyproject.toml")
QUIET_ENV = {"NO_MKDOCS_2_WARNING": "1", "PYTHONDONTWRITEBYTECODE": "1"}
# Two workers on this project's 2-core machines; more where there are more cores.
WORKERS = str(min(4, os.cpu_count() or 1))


def uv_binary() -> str | None:
    """uv next to nox's Python (noxw installs it there), from the uv package, or on PATH."""
    here = Path(sys.executable).parent / "uv"
    if here.is_file():
        return str(here)
    try:
        import uv

        return uv.find_uv_bin()
    except (ImportError, FileNotFoundError):
        return shutil.which("uv")


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
    return version in SpecifierSet(PYPROJECT["project"]["requires-python"])


def session_python(session: nox.Session, uv: str | None) -> str:
    """nox's own Python where it satisfies requires-python, else a specifier for uv.

    uv then finds a matching interpreter (PATH, pyenv, its own) or downloads one, so the
    README's commands work from e.g. Debian 12's python3 (3.11.2, too old for the pins).
    """
    from packaging.specifiers import SpecifierSet

    needed = PYPROJECT["project"]["requires-python"]
    if platform.python_version() in SpecifierSet(needed):
        return sys.executable
    if not uv:
        session.error(f"this project needs Python {needed}, nox runs on {sys.version}")
    session.log(f"Python {platform.python_version()} is too old here ({needed}): uv picks one")
    return needed


def environment(session: nox.Session, name: str, group: str) -> dict[str, str]:
    """Make .nox/<name> with a dependency group installed; return the variables to use it.

    Environments are shared by name: torch is installed once, in .nox/torch. A stamp
    file lists what was installed, so a run whose requirements are there already
    installs nothing (delete .nox/<name> to start that environment afresh).
    """
    venv = Path(".nox") / name
    python = venv / "bin" / "python"
    reqs = nox.project.dependency_groups(PYPROJECT, group)
    stamp = venv / f"installed-{group}.txt"
    want = "\n".join(reqs) + "\n"
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
            cmd = [str(python), "-m", "pip", "install", "--disable-pip-version-check"]
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


def newest(name: str) -> str:
    """The newest release the package index serves (pip lists the newest first)."""
    from tools.version_envs import index_versions  # imports packaging: only when needed

    return index_versions(name)[0]


@nox.session
def tests(session: nox.Session) -> None:
    """Verify: run every snippet once, compare with its recorded output, check the pages.

    Runs the snippets (tests/test_snippets.py), the site's structure rules
    (tests/test_structure.py) and the checks' own tests (tests/test_checks.py) on
    two workers. The strict build is tested by the ``site`` session. Pass pytest
    options after --, e.g. ``nox -s tests -- -k autograd -n0``; on a GPU machine
    ``nox -s tests -- --device cuda``.
    """
    env = torch_env(session)
    run(
        session,
        env,
        "pytest",
        "-n",
        WORKERS,
        "-m",
        "not site and not notebooks",
        *session.posargs,
    )


@nox.session
def record(session: nox.Session) -> None:
    """Re-run every snippet and rewrite the recorded outputs (and manifest) that changed.

    The same pytest run as ``tests`` with ``--record``; a snippet that fails is
    never recorded and the run fails. ``nox -s record -- -k autograd`` records a subset;
    ``nox -s record -- --device cuda`` records the GPU outputs on a GPU machine.
    """
    env = torch_env(session)
    run(
        session,
        env,
        "pytest",
        "tests/test_snippets.py",
        "--record",
        "-n",
        WORKERS,
        *session.posargs,
    )


@nox.session(default=False)
def docs(session: nox.Session) -> None:
    """Build the site with ``mkdocs build --strict`` into site/ (no torch installed)."""
    env = docs_env(session)
    run(session, env, "mkdocs", "build", "--strict", *session.posargs)


@nox.session
def notebooks(session: nox.Session) -> None:
    """Generate every page's notebook (both languages) and execute it with nbclient.

    Also runs every snippet's Chinese variant (tests/test_zh_comments.py, marker
    ``notebooks``) and compares it with the recorded output: about 15 s on 2 cores.
    """
    env = torch_env(session)
    run(
        session,
        env,
        "pytest",
        "tests/test_notebooks.py",
        "tests/test_zh_comments.py",
        "-m",
        "notebooks",
        "-p",
        "no:cacheprovider",
        *session.posargs,
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
    env = docs_env(session, "site")
    run(
        session,
        env,
        "pytest",
        "tests/test_site.py",
        "tests/test_search.py",
        "-p",
        "no:cacheprovider",
        *session.posargs,
    )


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
    """Build the site and serve it at http://127.0.0.1:8000, rebuilding on changes."""
    env = docs_env(session)
    run(session, env, "mkdocs", "serve", "--dev-addr", "127.0.0.1:8000", *session.posargs)


@nox.session
def lint(session: nox.Session) -> None:
    """Run ruff over the code, and actionlint (with shellcheck) over .github/workflows."""
    env = environment(session, "lint", "lint")
    args = session.posargs or ["snippets", "tools", "tests", "noxfile.py", "conftest.py", "noxw"]
    run(session, env, "ruff", "check", *args)
    run(session, env, "ruff", "format", "--check", "--diff", *args)
    if not session.posargs:
        run(session, env, "actionlint", "-color=false")


def external(session: nox.Session):
    """session.run for programs outside nox's environments (the engine's runner)."""

    def run(*args, **kw):
        return session.run(*args, external=True, **kw)

    return run


def test_requirements_but_torch() -> list[str]:
    return [
        r
        for r in nox.project.dependency_groups(PYPROJECT, "test")
        if not r.startswith(("torch==", "torchvision=="))
    ]


@nox.session(venv_backend="none")
def drift(session: nox.Session) -> None:
    """Run every snippet on several torch/torchvision versions and print one drift table.

    Default pairs: the pinned versions and the newest release on the package index.
    Other pairs as posargs, TORCH/TORCHVISION: ``nox -s drift -- 2.13.0/0.28.0``
    (``pinned`` and ``latest`` name the defaults). Each pair gets its own virtual
    environment under .nox/drift/ (kept for the next run), made by the engine it
    shares with ``compat`` (tools/version_envs.py); the version cap some machines set
    through a pip constraint file is lifted for these environments only.
    The table is printed and written to .artifacts/drift/report.md; the session fails
    on any drift: changed output, new warning, error, or a legacy API that changed.
    """
    from tools.version_envs import make_env, numpy_spec, run_snippets

    pairs = session.posargs or ["pinned", "latest"]
    reports = Path(".artifacts/drift")
    shutil.rmtree(reports, ignore_errors=True)
    runs = []
    for name in pairs:
        if name == "pinned":
            torch, vision = pinned("torch"), pinned("torchvision")
        elif name == "latest":
            torch, vision = newest("torch"), ""  # the resolver picks the matching torchvision
        else:
            torch, _, vision = name.partition("/")
        pair = {"torch": torch, "torchvision": vision, "numpy": numpy_spec(torch)}
        venv = Path(".nox/drift") / f"torch-{torch}"
        python = make_env(external(session), venv, pair, test_requirements_but_torch())
        report = reports / f"torch-{torch}.jsonl"
        run_snippets(external(session), python, report, workers=WORKERS, env=QUIET_ENV)
        runs.append(str(report))
    session.run(sys.executable, "-m", "tools.drift_report", str(reports / "report.md"), *runs)


COMPAT_STATE = Path(".artifacts/compat")


@nox.session(venv_backend="none", default=False)
def compat(session: nox.Session) -> None:
    """Run every snippet on a list of torch releases and write snippets/compat.json.

    Default list (tools/version_envs.py plan()): every other minor release from the
    oldest this Python can install, plus the pinned and the newest, each with its
    torchvision and a NumPy it supports. Other pairs as posargs, TORCH/TORCHVISION.
    The same engine as ``drift``: one environment at a time under .nox/compat/, made
    without the installer's cache and removed after its run (while the next one
    installs), so disk stays bounded: one release's environment (~6 GB), two at most.
    Resumable: each release's results stay in .artifacts/compat/ (torch-X.jsonl, and
    torch-X.done once complete) until a run has covered every release; a run that
    stops continues where it was, with the same list. The data file is rewritten after
    every release (tools/compat.py writes it; the pages' recorded outputs are never
    touched). Snippets run one at a time, niced (COMPAT_WORKERS, COMPAT_NICE change
    that). About 5 min per release, most of it the download.
    """
    import json
    import threading

    from tools.version_envs import dir_size, index_versions, make_env, plan, run_snippets

    state = COMPAT_STATE
    state.mkdir(parents=True, exist_ok=True)
    plan_file = state / "plan.json"
    if session.posargs:
        pairs = []
        for arg in session.posargs:
            torch, _, vision = arg.partition("/")
            pairs.append({"torch": torch, "torchvision": vision, "numpy": ""})
    elif plan_file.exists():
        pairs = json.loads(plan_file.read_text())
        session.log(f"resuming the run planned in {plan_file}")
    else:
        pairs = plan(
            index_versions("torch"),
            index_versions("torchvision"),
            pinned("torch"),
            pinned("torchvision"),
        )
    plan_file.write_text(json.dumps(pairs, indent=1) + "\n")
    session.log("releases: " + ", ".join(p["torch"] for p in pairs))

    usage = {"start": shutil.disk_usage(".").used, "peak": 0}
    stop = threading.Event()

    def watch() -> None:
        while not stop.wait(2):
            usage["peak"] = max(usage["peak"], shutil.disk_usage(".").used - usage["start"])

    threading.Thread(target=watch, daemon=True).start()
    started = time.monotonic()
    run = external(session)
    workers = os.environ.get("COMPAT_WORKERS", "1")
    nice = int(os.environ.get("COMPAT_NICE", "10"))
    reports = []
    removing: list[threading.Thread] = []

    def remove_later(venv: Path) -> None:
        """Remove an environment while the next one installs (at most one at a time)."""
        for thread in removing:
            thread.join()
        trash = venv.with_name(venv.name + ".removing")
        shutil.rmtree(trash, ignore_errors=True)
        venv.rename(trash)
        thread = threading.Thread(target=shutil.rmtree, args=(trash, True))
        thread.start()
        removing[:] = [thread]

    for leftover in Path(".nox/compat").glob("*.removing"):
        shutil.rmtree(leftover, ignore_errors=True)  # from a run that stopped
    try:
        for pair in pairs:
            torch = pair["torch"]
            report = state / f"torch-{torch}.jsonl"
            done = report.with_suffix(".done")
            reports.append(str(report))
            if done.exists():
                session.log(f"torch {torch}: done in an earlier run")
                continue
            report.unlink(missing_ok=True)
            venv = Path(".nox/compat") / f"torch-{torch}"
            begin = time.monotonic()
            python = make_env(run, venv, pair, test_requirements_but_torch(), False, True)
            size = dir_size(venv)
            numpy = subprocess.run(
                [str(python), "-c", "import numpy; print(numpy.__version__)"],
                capture_output=True,
                text=True,
            ).stdout.strip()
            run_snippets(run, python, report, workers=workers, nice=nice, env=QUIET_ENV)
            remove_later(venv)
            Path(f"{report}.lock").unlink(missing_ok=True)
            info = {
                **pair,
                "numpy": numpy,
                "seconds": round(time.monotonic() - begin),
                "env_bytes": size,
            }
            done.write_text(json.dumps(info) + "\n")
            session.log(f"torch {torch}: {info['seconds']} s, environment {size / 1e9:.1f} GB")
            session.run(sys.executable, "-m", "tools.compat", "write", pinned("torch"), *reports)
    finally:
        for thread in removing:
            thread.join()
        stop.set()
        session.log(
            f"this run: {time.monotonic() - started:.0f} s wall, "
            f"peak disk use {usage['peak'] / 1e9:.1f} GB above its start"
        )
    session.run(sys.executable, "-m", "tools.compat", "write", pinned("torch"), *reports)
    history = Path(".artifacts/compat-runs.jsonl")
    with history.open("a") as log:
        log.write(
            json.dumps([json.loads(Path(r).with_suffix(".done").read_text()) for r in reports])
            + "\n"
        )
    shutil.rmtree(state)  # every release is in the data file now


@nox.session(venv_backend="none")
def translations(session: nox.Session) -> None:
    """List zh/en page pairs where one language's file changed in git after the other's,
    and snippets changed after their Chinese comments (<name>.zh.yaml)."""
    session.run(sys.executable, "-m", "tools.translation_status")


@nox.session(default=False)
def bench(session: nox.Session) -> None:
    """Time a fresh set-up, verification against its floor, the notebook way, a site build.

    Fresh set-up: a new clone of this checkout's HEAD (under .nox/, on the disk the
    installer's cache is on) and ``python3 noxw --install-only``, i.e. every install
    the default sessions need, nox and uv included (with the installer's cache as
    this machine has it). Then ``nox -R -s tests`` (nothing installed) three times,
    keeping the best, as timeit does; tools/bench.py prints the figures and ratios.
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
        "tools.bench",
        f"--tests-seconds={min(runs):.2f}",
        f"--setup-seconds={setup:.2f}",
    )
