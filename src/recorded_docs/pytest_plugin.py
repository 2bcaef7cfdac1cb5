"""The pytest plugin: a site's pages are its tests.

    pytest docs/                      # every snippet every page shows, run once each
    pytest docs/en/autograd.md        # the snippets of one page (any page or folder)
    pytest --codeblocks docs/         # the same: pytest-codeblocks' own option
    pytest docs/ --record             # re-run and rewrite the outputs that changed
    pytest docs/ --drift-report=R     # classify every snippet on the installed torch

Active in a project whose pytest configuration names its pages folder
(``recorded_docs_pages = "docs"``); elsewhere it does nothing. Configuration (ini):

``recorded_docs_pages``       the pages folder (MkDocs' ``docs_dir``), pages under
                              ``<pages>/<lang>/``
``recorded_docs_snippets``    the snippets folder (default ``snippets``)
``recorded_docs_languages``   the page languages, default language first (``zh en``)
``recorded_docs_comments``    page languages whose pages show the snippets with
                              translated comments (``zh``: ``<name>.zh.yaml``)
``recorded_docs_stand_in_weights``  torchvision models whose weights the snippets load:
                              stand-in checkpoints make them run offline
                              (:mod:`recorded_docs.stand_ins`)
``recorded_docs_preload``     modules each worker imports once before it forks the
                              snippets (heavy imports many snippets share)

How a page becomes tests: the site's scanner (:mod:`recorded_docs.scan`) checks the page
(a malformed page is one failing item whose message is one line naming page and line);
pytest-codeblocks' ``extract_from_buffer`` reads its blocks as written (page line
numbers, include targets kept), and each block's includes are expanded
(:mod:`recorded_docs.includes`). Every python block shows one snippet: one test item
per snippet, named after the first collected page that shows it
(``docs/en/autograd.md::autograd/scalar_backward.py``) and run once per session however
many pages show it. An item collected from a page whose language shows translated
comments runs the variant that page shows (same lines, same code; its output must be
the recorded one too). Shell blocks (``pip install ...``) are never run: pytest-codeblocks'
own collector is kept out of the project's Markdown files, and a Markdown file that is
not a page (README.md) is refused with one line when named, skipped when a folder is.

Each snippet runs in its own forked process (:mod:`recorded_docs.runner`); the one
verdict (:mod:`recorded_docs.verdict`) decides; :mod:`recorded_docs.verify` explains a
failure (the page and block line, the snippet and its line, the diff) or records.
"""

from __future__ import annotations

import datetime
import gc
import io
import json
import os
import platform
import sys
import tempfile
import warnings
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from recorded_docs import comments
from recorded_docs.includes import IncludeError
from recorded_docs.pages import Example, Layout, Location, Page, Site
from recorded_docs.rules import check_block
from recorded_docs.runner import TIMEOUT_ENV, in_child, prepare_parent, run_snippet
from recorded_docs.scan import INCLUDE_RE, SiteError
from recorded_docs.verdict import judge
from recorded_docs.verify import verify

STATE = pytest.StashKey["State"]()


# ---- options and configuration ------------------------------------------------------


def pytest_addoption(parser):
    group = parser.getgroup("recorded_docs", "recorded snippet outputs (recorded-docs)")
    group.addoption(
        "--record",
        action="store_true",
        help="re-run every snippet and rewrite the recorded outputs (and manifest) that changed",
    )
    group.addoption(
        "--device",
        choices=("cpu", "cuda"),
        default="cpu",
        help="run the snippets on this device (default cpu; cpu hides any GPU from torch)",
    )
    group.addoption(
        "--drift-report",
        metavar="PATH",
        help="classify every snippet (ok / output changed / new warning / error) against the "
        "recorded outputs on whatever torch is installed, and append one JSON line each to PATH",
    )
    group.addoption(
        "--snippet-timeout",
        type=float,
        metavar="SECONDS",
        default=None,
        help=f"time limit per snippet (default: ${TIMEOUT_ENV}, else 60); a snippet that runs "
        "longer fails, naming the line it was on",
    )
    group.addoption(
        "--snippet",
        action="append",
        default=[],
        metavar="NAME",
        help="run only this snippet (topic/name.py, as the reports name it); repeatable",
    )
    parser.addini("recorded_docs_pages", "the pages folder (docs_dir); unset: plugin inactive")
    parser.addini("recorded_docs_snippets", "the snippets folder", default="snippets")
    parser.addini(
        "recorded_docs_languages", "page languages, default first", type="args", default=[]
    )
    parser.addini(
        "recorded_docs_stand_in_weights",
        "torchvision models whose checkpoints are stand-ins (recorded_docs.stand_ins)",
        type="args",
        default=[],
    )
    parser.addini(
        "recorded_docs_preload",
        "modules each worker imports once before forking snippets (heavy, well-behaved "
        "imports many snippets share, e.g. sklearn.datasets)",
        type="args",
        default=[],
    )
    parser.addini(
        "recorded_docs_comments",
        "page languages that show the snippets with translated comments",
        type="args",
        default=[],
    )


def layout_of(config: pytest.Config) -> Layout | None:
    """The site's layout from the ini options; None where the plugin is not configured."""
    pages = config.getini("recorded_docs_pages")
    if not pages:
        return None
    root = Path(config.rootpath)
    languages = tuple(config.getini("recorded_docs_languages")) or tuple(
        sorted(p.name for p in (root / pages).iterdir() if p.is_dir() and any(p.rglob("*.md")))
    )
    return Layout(root, pages, config.getini("recorded_docs_snippets"), languages)


@dataclass
class State:
    layout: Layout
    comment_languages: tuple[str, ...]
    site: Site
    seen: set[str] = field(default_factory=set)
    environment: dict | None = None
    tmp: tempfile.TemporaryDirectory | None = None


def _state(config: pytest.Config) -> State | None:
    return config.stash.get(STATE, None)


def pytest_configure(config: pytest.Config) -> None:
    layout = layout_of(config)
    if layout is None:
        return
    state = State(layout, tuple(config.getini("recorded_docs_comments")), Site(layout))
    config.stash[STATE] = state
    config.pluginmanager.register(_KeepCodeblocksOut(), "recorded_docs.keep_codeblocks_out")
    if config.getoption("device") == "cpu":
        # Snippets pick cuda when they see a GPU; a CPU run must not see one.
        os.environ["CUDA_VISIBLE_DEVICES"] = ""
    # OpenMP threads that wait by spinning starve each other when a snippet's threads
    # share the cores with other work (another worker's snippet, a busy CI runner): a
    # training snippet measured 16 s passive and 69-154 s spinning on a loaded 2-core
    # machine. Read when torch loads its OpenMP runtime, so set before torch is imported.
    if "torch" not in sys.modules:
        os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
    for arg in config.args:
        path = Path(arg.split("::")[0])
        path = path if path.is_absolute() else Path(config.invocation_params.dir) / path
        if path.suffix == ".md" and path.is_file() and layout.locate(path) is None:
            raise pytest.UsageError(
                f"{arg} is not a page of this site: pages are {layout.docs_dir}/"
                f"<{'|'.join(layout.languages)}>/**/*.md (its code blocks are not run)"
            )


def pytest_unconfigure(config: pytest.Config) -> None:
    state = _state(config)
    if state is not None and state.tmp is not None:
        state.tmp.cleanup()
    if state is not None and state.environment is not None:
        # The last collection at interpreter exit walks every object torch, torchvision
        # and the preloaded modules made: 1.2 s per worker, the session waiting for it.
        # Frozen, it skips them (0.3 s); nothing else runs after this hook.
        gc.freeze()


class _KeepCodeblocksOut:
    """pytest-codeblocks collects every .md file under --codeblocks and would run the
    pages' shell blocks in-process; in this project the pages are collected here."""

    @pytest.hookimpl(wrapper=True)
    def pytest_collect_file(self, file_path, parent):
        collected = yield
        return [c for c in collected if type(c).__module__ != "pytest_codeblocks.plugin"]


def pytest_collect_file(file_path: Path, parent):
    state = _state(parent.config)
    if state is None or file_path.suffix != ".md":
        return None
    if state.layout.locate(file_path) is None:
        return None  # README.md and the like: not a page (refused when named)
    return PageFile.from_parent(parent, path=file_path)


# ---- the session's environment ------------------------------------------------------


def session_environment(config: pytest.Config) -> dict:
    """Import torch once per worker, seed stand-in weights, describe this machine.

    Snippets run in children forked from this process (recorded_docs.runner), so it
    must never initialize CUDA itself: the GPU is looked at from a child. Each child
    runs single-threaded (recorded_docs.runner.prepare_parent); the workers share the
    cores by running their children side by side.
    """
    state = _state(config)
    if state is not None and state.environment is not None:
        return state.environment
    prepare_parent(
        workers=int(os.environ.get("PYTEST_XDIST_WORKER_COUNT", "1")),
        preload=tuple(config.getini("recorded_docs_preload")),
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import numpy  # noqa: F401
        import torch

        try:
            import torchvision
        except ImportError:  # pragma: no cover - this site always has it
            torchvision = None
    device = config.getoption("device")
    gpu = in_child(cuda_device_name) if device == "cuda" else None
    if device == "cuda" and gpu is None:
        pytest.exit("--device cuda: torch sees no CUDA device on this machine", returncode=2)
    tmp = tempfile.TemporaryDirectory(prefix="recorded-docs-")
    models = config.getini("recorded_docs_stand_in_weights")
    if models:
        from recorded_docs.stand_ins import seed_torch_hub

        torch_home = Path(tmp.name) / "torch_home"
        seed_torch_hub(torch_home, models)
        os.environ["TORCH_HOME"] = str(torch_home)
        prepare_parent()  # single-threaded again, so that forked snippets may use threads
    env = describe_environment(torch, torchvision, device=device, gpu=gpu)
    if state is not None:
        state.environment, state.tmp = env, tmp
    else:  # pragma: no cover - a project without the ini options
        config.add_cleanup(tmp.cleanup)
    return env


@pytest.fixture(scope="session")
def snippet_environment(pytestconfig) -> dict:
    """What recordings are made with (torch, torchvision, Python, device); imports torch."""
    return session_environment(pytestconfig)


def cuda_device_name() -> str | None:
    """The GPU's name and CUDA version, or None. Initialises CUDA: call it in_child()."""
    import torch

    if not torch.cuda.is_available():
        return None
    return f"{torch.cuda.get_device_name()} (CUDA {torch.version.cuda})"


def describe_environment(torch, torchvision, device: str, gpu: str | None = None) -> dict:
    name = (gpu or "CUDA") if device == "cuda" else f"CPU ({platform.machine()})"
    return {
        "torch": torch.__version__.split("+")[0],
        "torchvision": torchvision.__version__.split("+")[0] if torchvision else "",
        "python": platform.python_version(),
        "device": device,
        "device_name": name,
        "recorded": datetime.date.today().isoformat(),
    }


# ---- pages and items ----------------------------------------------------------------


class SnippetFailure(Exception):
    """A snippet that fails: the message says where and why (no traceback)."""


class PageFile(pytest.File):
    """A page: one item per snippet it is the first collected page to show."""

    def collect(self):
        state = _state(self.config)
        layout = state.layout
        lang, rel = layout.locate(self.path)
        page = state.site.page(lang, rel)
        try:
            page.fences  # noqa: B018 - the site's scanner: one clear line on a malformed page
            blocks = codeblocks_blocks(page)
            ours = {block.at.line: block for block in page.blocks}
        except SiteError as err:
            yield PageErrorItem.from_parent(self, name="page", message=str(err))
            return
        examples = {ex.name: ex for ex in state.site.examples()}
        for block in blocks:
            if not (block.syntax or "").startswith("python"):
                continue  # shell commands, folder trees, outputs: never run
            snippet = None
            for line in block.code.splitlines():
                if (m := INCLUDE_RE.match(line)) and (snippet := layout.snippet(m["target"])):
                    break
            problem = check_block(ours[block.lineno], layout) if block.lineno in ours else None
            if snippet is None:
                problem = (
                    problem or f"{page.where}:{block.lineno}: a python block without a snippet"
                )
                yield PageErrorItem.from_parent(self, name=f"line {block.lineno}", message=problem)
                continue
            if snippet.name in state.seen:
                continue
            state.seen.add(snippet.name)
            try:
                code = expand(layout, block.code)
                expected = expand(layout, block.expected_output)
            except IncludeError as err:
                problem = f"{page.where}:{block.lineno}: {err}"
                code, expected = "", None
            example = examples.get(snippet.name) or Example(
                snippet, code, expected, [Location(page.where, block.lineno)]
            )
            yield SnippetItem.from_parent(
                self,
                name=snippet.name,
                page=page,
                line=block.lineno,
                example=Example(snippet, code, expected, example.shown_on, example.figures),
                problem=problem,
            )


def codeblocks_blocks(page: Page):
    """The page's blocks as pytest-codeblocks reads them (continued blocks joined, the
    output block attached, page line numbers, include lines as written)."""
    from pytest_codeblocks import extract_from_buffer

    try:
        return extract_from_buffer(io.StringIO(page.text))
    except RuntimeError as err:  # the site's scanner reports malformed pages first
        raise SiteError(f"{page.where}: pytest-codeblocks cannot read it: {err}") from None


def expand(layout: Layout, text: str | None) -> str | None:
    """A block's text (as pytest-codeblocks read it) with its includes expanded."""
    if text is None:
        return None
    includes = layout.includes()
    out = []
    for line in text.splitlines():
        m = INCLUDE_RE.match(line)
        if m and m["target"].endswith(".out") and includes.find(m["target"]) is None:
            continue  # not recorded yet: --record writes it
        expanded = includes.expand_line(line)
        out += [line] if expanded is None else expanded
    return "".join(line + "\n" for line in out)


class PageErrorItem(pytest.Item):
    """A page that cannot be verified: fails with its one line."""

    def __init__(self, *, message: str, **kwargs):
        super().__init__(**kwargs)
        self.message = message

    def runtest(self):
        raise SnippetFailure(self.message)

    def repr_failure(self, excinfo, style=None):
        return (
            str(excinfo.value)
            if excinfo.errisinstance(SnippetFailure)
            else super().repr_failure(excinfo)
        )

    def reportinfo(self):
        return self.path, 0, self.name


class SnippetItem(pytest.Item):
    """One snippet, run once, checked against the output its pages show (or recorded)."""

    def __init__(self, *, page: Page, line: int, example: Example, problem: str | None, **kw):
        super().__init__(**kw)
        self.page, self.line, self.example, self.problem = page, line, example, problem

    @property
    def snippet(self):
        return self.example.snippet

    def source(self) -> str | None:
        """What the page shows: the translated variant where its language shows one."""
        state = _state(self.config)
        lang = self.page.lang
        if (
            lang in state.comment_languages
            and (self.snippet.root / self.snippet.comments_file(lang)).exists()
        ):
            return comments.zh_source(self.snippet)
        return None

    def runtest(self):
        if self.problem:
            raise SnippetFailure(self.problem)
        config = self.config
        env = session_environment(config)
        run = run_snippet(self.snippet, config.getoption("snippet_timeout"), self.source())
        self.user_properties.append(("seconds", round(run.seconds, 4)))
        report = config.getoption("drift_report")
        if report:
            verdict = judge(self.snippet, run, self.example.expected or "")
            append_drift(Path(report), self.example, env, verdict.as_dict())
            if not verdict.ok:
                raise SnippetFailure(f"{self.snippet}: {verdict.status}\n{verdict.detail}")
            return
        outcome = verify(self.example, run, env, record=config.getoption("record"))
        self.user_properties.append(("snippet_action", (self.snippet.name, outcome.action)))
        if outcome.failure:
            raise SnippetFailure(outcome.failure)

    def repr_failure(self, excinfo, style=None):
        if excinfo.errisinstance(SnippetFailure):
            return f"{self.page.where}:{self.line}: {self.snippet}\n{excinfo.value}"
        return super().repr_failure(excinfo)

    def reportinfo(self):
        return self.path, self.line - 1, f"{self.snippet} (shown at line {self.line})"


def append_drift(path: Path, example: Example, env: dict, result: dict) -> None:
    """Add one snippet's verdict to a JSON-lines report (safe with parallel workers)."""
    from filelock import FileLock

    path.parent.mkdir(parents=True, exist_ok=True)
    line = json.dumps(
        {
            "snippet": example.name,
            "pages": [str(loc) for loc in example.shown_on],
            "torch": env["torch"],
            "torchvision": env["torchvision"],
            "python": env["python"],
            # What the result was obtained from (recorded_docs.compat.data keeps it).
            "fingerprint": example.snippet.fingerprint(),
            **result,
        },
        ensure_ascii=False,
    )
    with FileLock(f"{path}.lock"), open(path, "a", encoding="utf-8") as handle:
        handle.write(line + "\n")


def pytest_collection_modifyitems(config, items):
    wanted = set(config.getoption("snippet") or [])
    if not wanted or _state(config) is None:
        return
    keep = [i for i in items if isinstance(i, SnippetItem) and i.snippet.name in wanted]
    dropped = [i for i in items if i not in keep]
    if dropped:
        config.hook.pytest_deselected(items=dropped)
    items[:] = keep


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    if _state(config) is None or not config.getoption("record"):
        return
    done: dict[str, list[str]] = {}
    for reports in terminalreporter.stats.values():
        for report in reports:
            if getattr(report, "when", None) != "call":
                continue
            for key, value in report.user_properties:
                if key == "snippet_action" and value[1] not in ("ok", "unchanged"):
                    done.setdefault(value[1], []).append(value[0])
    terminalreporter.section("recording")
    if not done:
        terminalreporter.write_line("every recorded output is up to date; nothing rewritten")
    for action, names in sorted(done.items()):
        terminalreporter.write_line(f"{action}: {len(names)}")
        for name in sorted(names):
            terminalreporter.write_line(f"  {name}")
