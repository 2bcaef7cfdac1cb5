"""All that depends on mkdocs-jupyter (and the nbconvert beneath it), in one place.

* :class:`Notebooks`: every page's generated notebook (recorded_docs.notebooks) as a
  mkdocs-jupyter file of each language's build, written once per build into a folder
  laid out like the site's sources, and kept between ``mkdocs serve``'s rebuilds (only
  the changed pages' notebooks are written again; one whose content is unchanged keeps
  its time, so a dirty rebuild leaves it alone);
* :class:`CacheAcrossLanguages`: mkdocs-jupyter evicts every cached notebook its
  last build did not use; with one build per language (mkdocs-static-i18n) each
  language's build evicted the others' entries, so every build missed its cache;
* :class:`RenderAhead`: every notebook of every language rendered at the start of the
  build, on every core, by mkdocs-jupyter's own page rendering, which fills its own
  cache; each language's build then finds its notebooks there (a cold build renders 34
  notebooks, about 0.18 s each, in the build's one process otherwise);
* :func:`link_shared_styles`: the large stylesheet mkdocs-jupyter writes into every
  notebook page (JupyterLab's theme, about 570 KB of the page's 900 KB) moved into one
  file all notebook pages link;
* :func:`keep_compiled_templates`: nbconvert's templates compiled once per process.
"""

from __future__ import annotations

import hashlib
import logging
import multiprocessing
import os
import re
import sys
import tempfile
import threading
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

from recorded_docs.mkdocs import i18n
from recorded_docs.mkdocs.templates import TEMPLATES
from recorded_docs.pages import Page, Site
from recorded_docs.scan import SiteError


class Notebooks:
    def __init__(self):
        self._folder: tempfile.TemporaryDirectory | None = None
        self._written = False

    def start_build(self, keep: bool) -> None:
        """A new build: notebooks are written again (``keep``: the folder stays, for a
        dirty rebuild to compare with)."""
        self._written = False
        if not keep:
            self.cleanup()

    def cleanup(self) -> None:
        if self._folder is not None:
            self._folder.cleanup()
            self._folder = None

    def source_dir(
        self, site: Site, default: str, directory_urls: bool, comment_languages, only
    ) -> Path:
        """Where this build's notebooks are: notebooks/<page>.ipynb (default language),
        <lang>/notebooks/<page>.ipynb; written on the first call of a build (``only``:
        just these pages' notebooks, a dirty rebuild)."""
        if self._folder is None:
            self._folder = tempfile.TemporaryDirectory(prefix="notebooks-")
        src = Path(self._folder.name) / "src"
        if not self._written:
            from recorded_docs.notebooks import write_all

            def target(page: Page) -> Path:
                lang = "" if page.lang == default else page.lang
                return Path(lang) / "notebooks" / page.rel.with_suffix(".ipynb").name

            try:
                write_all(site, src, directory_urls, comment_languages, only=only, target=target)
            except SiteError as err:
                raise PluginError(str(err)) from None
            self._written = True
        return src

    def add_files(self, files, config, site: Site, comment_languages, only) -> list:
        """Add this language's notebooks to a build's files, as mkdocs-jupyter's files;
        returns every language's notebook files, this build's language first."""
        plugin = config.plugins.get("i18n")
        if config.plugins.get("mkdocs-jupyter") is None or plugin is None:
            return []
        default, _ = i18n.languages(config)
        src_dir = self.source_dir(site, default, config.use_directory_urls, comment_languages, only)
        prefix = "" if plugin.current_language == default else f"{plugin.current_language}/"
        every = []
        for notebook in sorted(src_dir.glob("**/notebooks/*.ipynb")):
            file = _notebook_file(notebook.relative_to(src_dir).as_posix(), src_dir, config)
            every.append(file)
            if file.src_uri.startswith(f"{prefix}notebooks/"):
                files.append(file)
        # This build's language first: its pages need theirs first.
        return sorted(every, key=lambda file: not file.src_uri.startswith(f"{prefix}notebooks/"))


def _notebook_file(src_uri: str, src_dir: Path, config):
    from mkdocs_jupyter.plugin import NotebookFile

    file = File(
        src_uri,
        src_dir=str(src_dir),
        dest_dir=config.site_dir,
        use_directory_urls=config.use_directory_urls,
    )
    return NotebookFile(file, **config)


class RenderAhead:
    """Every notebook of the build rendered ahead, on every core, into mkdocs-jupyter's
    own cache (its key, its entry, written by its own ``on_pre_page`` and ``render``);
    the build's own rendering then finds the entry, or renders the notebook itself
    where a worker failed (so the failure is reported as the build reports it).

    Workers are forked (on Linux): they start at once and share the loaded MkDocs,
    nbconvert and config. Where another thread runs (``mkdocs serve``'s server) forking
    is unsafe and nothing is rendered ahead: the build renders as mkdocs-jupyter does on
    its own. A worker's warnings are logged again by the build when it reaches that
    notebook. mkdocs-jupyter's cache key (``_compute_cache_key``, which has no public
    name) tells which notebooks its cache lacks.

    Written here because neither MkDocs nor mkdocs-jupyter renders pages in parallel."""

    def __init__(self):
        self._pool: ProcessPoolExecutor | None = None
        self._pending: dict[str, Future] = {}

    def start(self, config, notebooks: list) -> None:
        jupyter = config.plugins.get("mkdocs-jupyter")
        if jupyter is None or not jupyter.config.get("cache") or self._pending:
            return
        from mkdocs_jupyter.plugin import _compute_cache_key, _get_cache_path

        todo = []
        for file in notebooks:
            key = _compute_cache_key(file.abs_src_path, jupyter.config, jupyter.config["execute"])
            if not _get_cache_path(jupyter.config["cache_dir"], key).exists():
                todo.append(file)
        workers = min(len(todo), os.cpu_count() or 1)
        if workers < 2 or threading.active_count() > 1 or sys.platform != "linux":
            # One notebook, one core, a server thread, or a system where forking a
            # process with libraries loaded is not safe (macOS): the build renders them.
            return
        # Forked workers inherit these (a notebook file does not pickle): tasks are indices.
        _WORK.update(plugin=jupyter, config=config, files=todo)
        context = multiprocessing.get_context("fork")
        self._pool = ProcessPoolExecutor(workers, mp_context=context, initializer=_collect_logs)
        for index, file in enumerate(todo):
            self._pending[file.abs_src_path] = self._pool.submit(_render, index)

    def wait(self, page) -> None:
        """Before mkdocs-jupyter renders this page: its notebook's entry is complete."""
        future = self._pending.pop(page.file.abs_src_path, None)
        if future is None or future.cancel():
            return  # not started by a worker yet: the build renders it (a third process)
        try:
            records = future.result()
        except Exception:  # noqa: BLE001 - the build renders it again and reports
            return
        for name, level, message in records:
            logging.getLogger(name).log(level, message)

    def stop(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
        self._pool = None
        self._pending = {}


_WORK: dict = {}  # what the forked workers inherit from the build


class _Records(logging.Handler):
    def __init__(self):
        super().__init__(logging.WARNING)
        self.records: list[tuple[str, int, str]] = []
        self._last: logging.LogRecord | None = None

    def emit(self, record):
        if record is not self._last:  # one record reaches both loggers' handlers
            self._last = record
            self.records.append((record.name, record.levelno, record.getMessage()))


def _collect_logs() -> None:
    """A worker's warnings go back to the build (which logs them), not to the console."""
    handler = _WORK["records"] = _Records()
    for name in ("", "mkdocs"):
        logging.getLogger(name).handlers = [handler]


def _render(index: int) -> list[tuple[str, int, str]]:
    """In a worker: render one notebook page as the build would, which writes its entry
    into mkdocs-jupyter's cache; returns the warnings logged meanwhile."""
    from mkdocs.structure.pages import Page as MkDocsPage

    plugin, config, records = _WORK["plugin"], _WORK["config"], _WORK["records"]
    records.records = []
    page = MkDocsPage(None, _WORK["files"][index], config)
    plugin.on_pre_page(page, config=config, files=None)
    page.render(config, None)
    return records.records


class CacheAcrossLanguages:
    """mkdocs-jupyter's cache stays its own; only its eviction waits for the last
    language's build, which evicts what no language used (what it does on a site of one
    language)."""

    def __init__(self):
        self._used: set[Path] = set()

    def keep(self, config) -> None:
        """Call before mkdocs-jupyter's own on_post_build, in every language's build."""
        jupyter = config.plugins.get("mkdocs-jupyter")
        used = getattr(jupyter, "_used_cache_paths", None)
        if used is None:
            return
        self._used |= used
        _, others = i18n.languages(config)
        last = not others or i18n.current_language(config) == others[-1]
        if i18n.is_nested_build(config) and last:
            used |= self._used  # the union of every language's entries
            self._used = set()
        else:  # more languages to build: evict nothing yet
            cache_dir = Path(jupyter.config["cache_dir"])
            used |= set(cache_dir.glob("*.json")) if cache_dir.is_dir() else set()


def keep_compiled_templates() -> None:
    """nbconvert's exporters get the process's compiled templates (templates.TEMPLATES).
    nbconvert offers no option for the environment it creates, hence the wrapper; it
    only adds the cache to what nbconvert builds."""
    from nbconvert.exporters.templateexporter import TemplateExporter

    create = TemplateExporter._create_environment
    if getattr(create, "keeps_templates", False):
        return

    def _create_environment(self):
        environment = create(self)
        environment.bytecode_cache = TEMPLATES
        return environment

    _create_environment.keeps_templates = True
    TemplateExporter._create_environment = _create_environment


# An inline stylesheet this large is mkdocs-jupyter's copy of JupyterLab's theme (every
# notebook page has the same one); the small ones (Pygments, widgets) stay in the page.
STYLE_RE = re.compile(r'<style type="text/css">\n(.*?)</style>', re.DOTALL)
LARGE_STYLE = 64 * 1024
SHARED_STYLES = "assets/stylesheets/notebook"


def link_shared_styles(output: str, up: str, site_dir: Path) -> str:
    """A notebook page links its large inline stylesheet from one file, named by its
    content, instead of carrying it: in the same place in the page, so the cascade is the
    same. mkdocs-jupyter has no option for it (it inlines what nbconvert inlines)."""

    def linked(match: re.Match) -> str:
        css = match[1]
        if len(css) < LARGE_STYLE:
            return match[0]
        name = f"{SHARED_STYLES}.{hashlib.sha256(css.encode()).hexdigest()[:12]}.css"
        target = site_dir / name
        if not target.exists():  # the same file for every page: written once per build
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(css, "utf-8")
        return f'<link rel="stylesheet" href="{up}{name}">'

    return STYLE_RE.sub(linked, output)


def is_notebook(page) -> bool:
    return "notebooks/" in page.file.src_uri
