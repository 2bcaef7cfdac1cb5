"""The MkDocs plugin: ``plugins: [recorded-docs]`` in mkdocs.yml (options: .config).

The order of its steps, in one place (MkDocs calls the events in this order; the
priorities place them among mkdocs-static-i18n's (-100) and mkdocs-jupyter's (0)):

==================  ========  ==========================================================
event               priority  what it does
==================  ========  ==========================================================
on_config           100       the site's layout from the build's config; Material's
                              offline shim replaced (before Material's offline plugin)
on_pre_build        0         read the recordings and the compat data; pages are read
                              afresh (one Site per top-level build)
on_files            -200      every page's notebook, generated once per build for all
                              languages (after i18n sorted the files: its issue #198)
on_page_markdown    0         the page pipeline (recorded_docs.render.render_page) on the
                              page scanned once: includes, outputs, compat lines, figures,
                              the recorded-with note
on_page_content     0         the one HTML step: code block titles link to raw files
on_post_page        0         Material's search base per language; notebook title ids
on_post_build       10        per language build: mkdocs-jupyter's cache evicted only
                              after the last language (else each language evicts the
                              others' notebooks and every build misses)
on_post_build       -200      after every language is built: the snippets' files copied
                              into the site, one search index per language, Material's
                              search worker patched
==================  ========  ==========================================================

A malformed page stops the build with one line naming page and line; a shown snippet
without a recording is a warning, so ``mkdocs build --strict`` fails on it.
"""

from __future__ import annotations

import logging
import os
import tempfile
from pathlib import Path, PurePosixPath

from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import File

from recorded_docs.mkdocs import i18n, material
from recorded_docs.mkdocs.config import RecordedDocsConfig
from recorded_docs.pages import Layout, Page, Site
from recorded_docs.path import nav_pages
from recorded_docs.render import Context, body, render_page
from recorded_docs.render.html import link_titles, site_files
from recorded_docs.scan import SiteError

log = logging.getLogger("mkdocs.plugins.recorded_docs")


def layout_from(config, snippets_dir: str = "snippets") -> Layout:
    """The site's layout as this build sees it: its docs_dir, languages and the
    pymdownx.snippets options (base_path, check_paths) from the build's own config."""
    root = Path(config.config_file_path).parent
    snippets = dict(config.mdx_configs.get("pymdownx.snippets", {}))
    base = snippets.get("base_path") or [str(root)]
    # !relative $config_dir is a placeholder MkDocs resolves through os.fspath.
    base = [base] if isinstance(base, str | os.PathLike) else list(base)
    default, others = i18n.languages(config)
    langs = tuple([default, *others]) if default else i18n.LANGUAGES
    docs = Path(config.docs_dir)
    docs_dir = docs.relative_to(root).as_posix() if docs.is_relative_to(root) else str(docs)
    return Layout(
        root,
        docs_dir,
        snippets_dir,
        langs,
        tuple(Path(os.fspath(p)) for p in base),
        bool(snippets.get("check_paths", False)),
    )


class RecordedDocsPlugin(BasePlugin[RecordedDocsConfig]):
    def __init__(self):
        super().__init__()
        self.layout: Layout | None = None
        self.site: Site | None = None
        self.context: Context | None = None
        self._notebooks: tempfile.TemporaryDirectory | None = None
        self._notebook_cache_used: set[Path] = set()

    # ---- configuration and data -------------------------------------------------------

    @event_priority(100)
    def on_config(self, config):
        self.layout = layout_from(config, self.config.snippets_dir)
        material.use_local_shim(config)
        return config

    def on_pre_build(self, config):
        if i18n.is_nested_build(config) and self.site is not None:
            return  # the same pages, scanned once, for every language's build
        self.site = Site(self.layout)
        try:
            self.context = Context.load(
                self.layout,
                fold_at=self.config.fold_outputs_at,
                comment_languages=tuple(self.config.chinese_comments),
                directory_urls=config.use_directory_urls,
                nav=nav_pages(config.nav or []) or None,
            )
        except SiteError as err:
            raise PluginError(str(err)) from None
        self._cleanup_notebooks()

    def _page(self, page) -> Page | None:
        lang = i18n.page_language(page)
        src = PurePosixPath(page.file.src_uri)
        if src.suffix != ".md" or not src.parts or src.parts[0] != lang:
            return None
        return self.site.page(lang, Path(*src.parts[1:]))

    # ---- notebooks --------------------------------------------------------------------

    def _generated_notebooks(self, default: str, directory_urls: bool) -> Path:
        """Every page's notebook, written once per build into a folder laid out like the
        site's sources: notebooks/<page>.ipynb (default language), <lang>/notebooks/..."""
        if self._notebooks is None:
            from recorded_docs.notebooks import write_all

            self._notebooks = tempfile.TemporaryDirectory(prefix="notebooks-")
            generated = Path(self._notebooks.name)
            layout = generated / "src"
            try:
                written = write_all(
                    self.site,
                    generated / "by-language",
                    directory_urls,
                    tuple(self.config.chinese_comments),
                )
            except SiteError as err:
                raise PluginError(str(err)) from None
            for notebook in written:
                lang = notebook.parent.name
                target = layout / ("" if lang == default else lang) / "notebooks" / notebook.name
                target.parent.mkdir(parents=True, exist_ok=True)
                notebook.rename(target)
        return Path(self._notebooks.name) / "src"

    def _cleanup_notebooks(self) -> None:
        if self._notebooks is not None:
            self._notebooks.cleanup()
            self._notebooks = None

    @event_priority(-200)  # after mkdocs-static-i18n (-100) and mkdocs-jupyter (0)
    def on_files(self, files, config):
        jupyter = config.plugins.get("mkdocs-jupyter")
        plugin = config.plugins.get("i18n")
        if not self.config.notebooks or jupyter is None or plugin is None:
            return files
        from mkdocs_jupyter.plugin import NotebookFile

        default, _ = i18n.languages(config)
        lang = plugin.current_language
        src_dir = self._generated_notebooks(default, config.use_directory_urls)
        prefix = "" if lang == default else f"{lang}/"
        for notebook in sorted((src_dir / prefix / "notebooks").glob("*.ipynb")):
            file = File(
                f"{prefix}notebooks/{notebook.name}",
                src_dir=str(src_dir),
                dest_dir=config.site_dir,
                use_directory_urls=config.use_directory_urls,
            )
            files.append(NotebookFile(file, **config))
        return files

    # ---- pages ------------------------------------------------------------------------

    def on_page_markdown(self, markdown, page, config, files):
        source = self._page(page)
        if source is None:
            return markdown
        if markdown.strip() != "\n".join(source.text.splitlines()[source.body_start :]).strip():
            # Another plugin changed the page before us: render what it gave.
            source = Page(source.layout, source.lang, source.rel, markdown)
        up = "../" * page.url.count("/")
        self.context.warnings.clear()
        try:
            finished = render_page(source, self.context, up)
        except SiteError as err:
            raise PluginError(str(err)) from None
        for warning in self.context.warnings:
            log.warning(warning)
        return body(source, finished)

    def on_page_content(self, html, page, config, files):
        lang = i18n.page_language(page)
        variant = lang if lang in self.config.chinese_comments else None
        up = "../" * page.url.count("/")
        return link_titles(html, up, self.config.snippets_dir, variant)

    def on_post_page(self, output, page, config):
        _, others = i18n.languages(config)
        lang = i18n.page_language(page)
        if lang in others:
            output = material.search_base_for(output, lang)
        if "notebooks/" in page.file.src_uri and page.toc.items:
            # nbconvert slugifies a Chinese title to id="", while mkdocs-jupyter's table of
            # contents (and Material's skip link) point at the title as #_1: match them.
            title = page.toc.items[0]
            if title.level == 1:
                output = output.replace('<h1 id="">', f'<h1 id="{title.id}">', 1)
        return output

    # ---- the whole site ---------------------------------------------------------------

    @event_priority(10)  # before mkdocs-jupyter's (0) evicts its cache
    def _keep_notebook_cache(self, config):
        """mkdocs-jupyter evicts every cached notebook its last build did not use; with
        one build per language (mkdocs-static-i18n), each language's build would evict
        the others' entries, so every build missed its cache. Its cache stays its own:
        only the eviction waits for the last language, which evicts what no language
        used (its issue-free behaviour on a one-language site)."""
        jupyter = config.plugins.get("mkdocs-jupyter")
        used = getattr(jupyter, "_used_cache_paths", None)
        if used is None:
            return
        self._notebook_cache_used |= used
        _, others = i18n.languages(config)
        last = not others or i18n.current_language(config) == others[-1]
        if i18n.is_nested_build(config) and last:
            used |= self._notebook_cache_used  # the union of every language's entries
            self._notebook_cache_used = set()
        else:  # more languages to build: evict nothing yet
            cache_dir = Path(jupyter.config["cache_dir"])
            used |= set(cache_dir.glob("*.json")) if cache_dir.is_dir() else set()

    @event_priority(-200)  # after mkdocs-static-i18n (-100) has built every language
    def _finish_site(self, config):
        if i18n.is_nested_build(config):
            return
        site_dir = Path(config.site_dir)
        for rel, data in site_files(self.layout, tuple(self.config.chinese_comments)).items():
            target = site_dir / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
        _, others = i18n.languages(config)
        if self.config.search_per_language:
            i18n.split_search_index(site_dir, others)
        material.finish_site(site_dir, others)
        self._cleanup_notebooks()
        self.site = None  # the next build (mkdocs serve) reads the pages afresh

    on_post_build = CombinedEvent(_keep_notebook_cache, _finish_site)
