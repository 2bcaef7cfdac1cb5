"""All that depends on mkdocs-jupyter (and the nbconvert beneath it), in one place.

* :class:`Notebooks`: every page's generated notebook (recorded_docs.notebooks) as a
  mkdocs-jupyter file of each language's build, written once per build into a folder
  laid out like the site's sources, and kept between ``mkdocs serve``'s rebuilds (only
  the changed pages' notebooks are written again; one whose content is unchanged keeps
  its time, so a dirty rebuild leaves it alone);
* :func:`keep_cache_across_languages`: mkdocs-jupyter evicts every cached notebook its
  last build did not use; with one build per language (mkdocs-static-i18n) each
  language's build evicted the others' entries, so every build missed its cache;
* :func:`keep_compiled_templates`: nbconvert's templates compiled once per process.
"""

from __future__ import annotations

import tempfile
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

    def add_files(self, files, config, site: Site, comment_languages, only) -> None:
        """Add this language's notebooks to a build's files, as mkdocs-jupyter's files."""
        plugin = config.plugins.get("i18n")
        if config.plugins.get("mkdocs-jupyter") is None or plugin is None:
            return
        from mkdocs_jupyter.plugin import NotebookFile

        default, _ = i18n.languages(config)
        src_dir = self.source_dir(site, default, config.use_directory_urls, comment_languages, only)
        prefix = "" if plugin.current_language == default else f"{plugin.current_language}/"
        for notebook in sorted((src_dir / prefix / "notebooks").glob("*.ipynb")):
            file = File(
                f"{prefix}notebooks/{notebook.name}",
                src_dir=str(src_dir),
                dest_dir=config.site_dir,
                use_directory_urls=config.use_directory_urls,
            )
            files.append(NotebookFile(file, **config))


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


def is_notebook(page) -> bool:
    return "notebooks/" in page.file.src_uri
