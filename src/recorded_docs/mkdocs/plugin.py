"""The MkDocs plugin: ``plugins: [recorded-docs]`` in mkdocs.yml (options: .config).

The order of its steps, in one place (MkDocs calls the events in this order; the
priorities place them among mkdocs-static-i18n's (-100) and mkdocs-jupyter's (0)):

==================  ========  ==========================================================
event               priority  what it does
==================  ========  ==========================================================
on_startup          -         serve --dirty: this instance is kept across rebuilds
on_config           100       the site's layout from the build's config; Material's
                              offline shim replaced (before Material's offline plugin)
on_pre_build        0         read the recordings and the compat data; pages are read
                              afresh (one Site per top-level build); a dirty rebuild
                              decides which pages a change touched (mkdocs.rebuild)
on_files            -200      every page's notebook, generated once per build for all
                              languages (after i18n sorted the files: its issue #198),
                              and rendered ahead on every core (jupyter.RenderAhead);
                              a dirty rebuild marks the pages to build again
on_pre_page         50        a notebook page waits for its rendering ahead (before
                              mkdocs-jupyter looks in its cache)
on_page_markdown    0         the page pipeline (recorded_docs.render.render_page) on the
                              page scanned once: includes, outputs, compat lines, figures,
                              the recorded-with note
on_env              0         compiled theme templates kept (mkdocs.templates)
on_pre_template     0         the 404 page's language switch (i18n.LanguageSwitch)
on_page_content     0         the one HTML step: code block titles link to raw files;
                              notebooks left out of search indexing
on_page_context     0         a notebook's language switch
on_post_page        0         Material's search base per language; notebook title ids;
                              a notebook's large inline stylesheet linked from one file
on_post_build       10        per language build: mkdocs-jupyter's cache evicted only
                              after the last language (else each language evicts the
                              others' notebooks and every build misses)
on_post_build       -200      after every language is built: the snippets' files copied
                              into the site, one search index per language with the
                              glossary's terms, Material's search worker patched
==================  ========  ==========================================================

A malformed page stops the build with one line naming page and line; a shown snippet
without a recording is a warning, so ``mkdocs build --strict`` fails on it. What depends
on the other plugins' internals is in one module each: mkdocs-static-i18n (``i18n``),
Material (``material``), mkdocs-jupyter and nbconvert (``jupyter``).
"""

from __future__ import annotations

import logging
import os
from pathlib import Path, PurePosixPath

from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority

from recorded_docs import glossary
from recorded_docs.mkdocs import i18n, jupyter, material
from recorded_docs.mkdocs.config import RecordedDocsConfig
from recorded_docs.mkdocs.rebuild import Rebuilds, page_key
from recorded_docs.mkdocs.templates import TEMPLATES
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
        self.rebuilds = Rebuilds()
        self.notebooks = jupyter.Notebooks()
        self.notebook_cache = jupyter.CacheAcrossLanguages()
        self.ahead = jupyter.RenderAhead()
        self.switch = i18n.LanguageSwitch()

    def on_startup(self, *, command, dirty):
        """(Defining it keeps this instance across mkdocs serve's rebuilds: what it knows
        of the last build makes a dirty rebuild build only the pages a change touches.)"""
        self.rebuilds.start(dirty)

    def on_shutdown(self):
        self.ahead.stop()
        self.notebooks.cleanup()

    def on_build_error(self, error):
        self.ahead.stop()

    @property
    def comment_languages(self) -> tuple[str, ...]:
        return tuple(self.config.chinese_comments)

    # ---- configuration and data -------------------------------------------------------

    @event_priority(100)
    def on_config(self, config):
        self.layout = layout_from(config, self.config.snippets_dir)
        material.use_local_shim(config)
        if config.plugins.get("mkdocs-jupyter") is not None:
            jupyter.keep_compiled_templates()
        return config

    def on_pre_build(self, config):
        self.switch.remember(config)
        if i18n.is_nested_build(config) and self.site is not None:
            return  # the same pages, scanned once, for every language's build
        self.site = Site(self.layout)
        try:
            self.rebuilds.plan(self.site, Path(config.config_file_path), self.comment_languages)
            self.context = Context.load(
                self.layout,
                self.rebuilds.fingerprints,  # computed again only for changed snippets
                fold_at=self.config.fold_outputs_at,
                comment_languages=self.comment_languages,
                directory_urls=config.use_directory_urls,
                nav=nav_pages(config.nav or []) or None,
                site=self.site,
            )
        except SiteError as err:
            raise PluginError(str(err)) from None
        self.notebooks.start_build(keep=self.rebuilds.dirty)
        search = config.plugins.get("material/search")
        if search is not None and self.rebuilds.dirty:
            # Its own dirty-reload merge assumes one changed page; ours merges any number.
            search.is_dirty, search.search_index_prev = False, None

    def _page(self, page) -> Page | None:
        lang = i18n.page_language(page)
        src = PurePosixPath(page.file.src_uri)
        if src.suffix != ".md" or not src.parts or src.parts[0] != lang:
            return None
        return self.site.page(lang, Path(*src.parts[1:]))

    @event_priority(-200)  # after mkdocs-static-i18n (-100) and mkdocs-jupyter (0)
    def on_files(self, files, config):
        if self.config.notebooks:
            every = self.notebooks.add_files(
                files, config, self.site, self.comment_languages, self.rebuilds.changed
            )
            if not i18n.is_nested_build(config):  # every language's, at the first build
                self.ahead.start(config, every)
        self.rebuilds.mark(files, self.layout.languages)
        return files

    # ---- pages ------------------------------------------------------------------------

    @event_priority(50)  # before mkdocs-jupyter's (0) looks in its cache
    def on_pre_page(self, page, config, files):
        if jupyter.is_notebook(page):
            self.ahead.wait(page)
        return page

    def on_page_markdown(self, markdown, page, config, files):
        source = self._page(page)
        if source is None:
            return markdown
        if markdown.strip() != "\n".join(source.text.splitlines()[source.body_start :]).strip():
            # Another plugin changed the page before us: render what it gave.
            source = Page(source.layout, source.lang, source.rel, markdown)
        up = _up(page)
        self.context.warnings.clear()
        try:
            finished = render_page(source, self.context, up)
        except SiteError as err:
            raise PluginError(str(err)) from None
        for warning in self.context.warnings:
            log.warning(warning)
        return body(source, finished)

    def on_env(self, env, config, files):
        env.bytecode_cache = TEMPLATES
        return env

    def on_pre_template(self, template, template_name, config):
        if template_name == "404.html":  # its switch leads to each language's home
            self.switch.set(config)
        return template

    def on_page_content(self, html, page, config, files):
        if jupyter.is_notebook(page):
            # A notebook repeats its page: searches land on the page (the index is split
            # without notebooks anyway), and its large HTML is not parsed for an index
            # that drops it (a quarter of a cold build's search work).
            page.meta.setdefault("search", {})["exclude"] = True
        lang = i18n.page_language(page)
        variant = lang if lang in self.comment_languages else None
        return link_titles(html, _up(page), self.config.snippets_dir, variant)

    def on_page_context(self, context, page, config, nav):
        key = page_key(page.file.src_uri, self.layout.languages)
        if key is not None and jupyter.is_notebook(page):
            self.switch.for_notebook(config, key[1].with_suffix("").as_posix())
        return context

    def on_post_page(self, output, page, config):
        _, others = i18n.languages(config)
        lang = i18n.page_language(page)
        if lang in others:
            output = material.search_base_for(output, lang)
        if not jupyter.is_notebook(page):
            return output
        output = jupyter.link_shared_styles(output, _up(page), Path(config.site_dir))
        if page.toc.items and page.toc.items[0].level == 1:
            # nbconvert slugifies a Chinese title to id="", while mkdocs-jupyter's table of
            # contents (and Material's skip link) point at the title as #_1: match them.
            output = output.replace('<h1 id="">', f'<h1 id="{page.toc.items[0].id}">', 1)
        return output

    # ---- the whole site ---------------------------------------------------------------

    @event_priority(10)  # before mkdocs-jupyter's (0) evicts its cache
    def _keep_notebook_cache(self, config):
        self.notebook_cache.keep(config)

    @event_priority(-200)  # after mkdocs-static-i18n (-100) has built every language
    def _finish_site(self, config):
        if i18n.is_nested_build(config):
            return
        site_dir = Path(config.site_dir)
        only = self.rebuilds.snippets_to_copy(self.site)
        for rel, data in site_files(self.layout, self.comment_languages, only).items():
            target = site_dir / rel
            if target.exists() and target.read_bytes() == data:
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
        default, others = i18n.languages(config)
        self.rebuilds.merge_search_index(site_dir, default)
        if self.config.search_per_language:
            i18n.split_search_index(site_dir, others)
            self._tag_glossary_terms(site_dir, [default or "", *others], config)
        material.finish_site(site_dir, others)
        self.ahead.stop()
        if not self.rebuilds.dirty:
            self.notebooks.cleanup()
        self.rebuilds.commit()
        self.site = None  # the next build (mkdocs serve) reads the pages afresh

    def _tag_glossary_terms(self, site_dir: Path, langs: list[str], config) -> None:
        """Each glossary term tags, in every language's index, the section its row links
        to (recorded_docs.glossary): a search for the term finds that section first."""
        name = self.config.glossary
        page = self.layout.docs / langs[0] / name if name else None
        if page is None or not page.exists():
            return
        rows = glossary.rows(page.read_text("utf-8"))
        for problem in i18n.tag_glossary(site_dir, langs, rows, config.use_directory_urls):
            log.warning(f"{self.layout.docs_dir}/{langs[0]}/{name} {problem}: no such section")

    on_post_build = CombinedEvent(_keep_notebook_cache, _finish_site)


def _up(page) -> str:
    """From a page's output folder up to the site's root (every language's pages are in
    one site: en/autograd/ -> ../../)."""
    return "../" * page.url.count("/")
