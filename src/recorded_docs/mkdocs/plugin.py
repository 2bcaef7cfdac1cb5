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

import copy
import logging
import os
import tempfile
from pathlib import Path, PurePosixPath

import jinja2
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import File

from recorded_docs.mkdocs import i18n, material
from recorded_docs.mkdocs.config import RecordedDocsConfig
from recorded_docs.pages import Layout, Page, Site
from recorded_docs.path import nav_pages
from recorded_docs.render import Context, body, page_title, render_page
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
        self._notebooks_written = False
        self._notebook_cache_used: set[Path] = set()
        # mkdocs serve --dirty: what the last build was made from, and what changed since.
        self.dirty = False
        self._stamps: dict[tuple[str, Path], tuple] = {}
        self._pending: dict[tuple[str, Path], tuple] = {}
        self._changed: set[tuple[str, Path]] | None = None  # None: every page
        self._search_index: dict | None = None

    def on_startup(self, *, command, dirty):
        """(Defining it keeps this instance across mkdocs serve's rebuilds: what it knows
        of the last build makes a dirty rebuild build only the pages a change touches.)"""
        self.dirty = dirty
        if dirty:
            # MkDocs warns that a dirty build's navigation may be inaccurate, which stops
            # a strict build; here it is not: a change to the config or to the set of
            # pages rebuilds every page, and every page a change touches is rebuilt.
            logging.getLogger("mkdocs.commands.build").addFilter(_NotTheDirtyWarning())

    def on_shutdown(self):
        self._cleanup_notebooks()

    # ---- configuration and data -------------------------------------------------------

    @event_priority(100)
    def on_config(self, config):
        self.layout = layout_from(config, self.config.snippets_dir)
        material.use_local_shim(config)
        if config.plugins.get("mkdocs-jupyter") is not None:
            _keep_nbconvert_templates()
        return config

    def on_pre_build(self, config):
        self._keep_language_switch(config)
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
                site=self.site,
            )
        except SiteError as err:
            raise PluginError(str(err)) from None
        self._changed = self._changed_pages(config)
        self._notebooks_written = False
        if not self.dirty:
            self._cleanup_notebooks()
        search = config.plugins.get("material/search")
        if search is not None and self.dirty:
            # Its own dirty-reload merge assumes one changed page; ours merges any number.
            search.is_dirty, search.search_index_prev = False, None

    def _changed_pages(self, config) -> set[tuple[str, Path]] | None:
        """The pages whose inputs (Page.inputs: the page, its snippets' files, the
        recordings) changed since the last build, or None for every page: the first
        build, a build that is not dirty, a change to the config (its nav) or to the set
        of pages."""
        comment = tuple(self.config.chinese_comments)
        config_file = Path(config.config_file_path)
        head = (config_file.stat().st_mtime_ns,)
        pages = self.site.all_pages()
        # What the compat table and range show: the pages' titles and snippets, and every
        # snippet's fingerprint (kept per file state: only changed files are read again).
        outline = tuple((p.lang, str(p.rel), page_title(p), _shown(p)) for p in pages)
        outline += tuple(self._fingerprints())
        stamps = {}
        for page in pages:
            try:
                inputs = page.inputs(comment)
            except SiteError:
                inputs = {page.file}
            extra = (outline,) if "<!-- compat:" in page.text else ()
            stamps[(page.lang, page.rel)] = (
                head + extra + tuple(sorted((str(p), *_stat(p)) for p in inputs))
            )
        self._pending = stamps
        if not self.dirty or not self._stamps or stamps.keys() != self._stamps.keys():
            return None
        return {key for key, stamp in stamps.items() if self._stamps.get(key) != stamp}

    def _fingerprints(self):
        """(name, fingerprint) of every snippet, recomputed only for snippets whose
        files changed since the last build (by their modification times and sizes)."""
        from recorded_docs.snippet import all_snippets

        cache = getattr(self, "_fingerprint_cache", {})
        fresh = {}
        for snippet in all_snippets(self.layout.root, self.layout.snippets_dir):
            state = tuple(_stat(self.layout.root / f) for f in snippet.files())
            key = (snippet.name, state)
            fresh[key] = cache.get(key) or tuple(sorted(snippet.fingerprint().items()))
            yield snippet.name, fresh[key]
        self._fingerprint_cache = fresh

    def _key(self, src_uri: str) -> tuple[str, Path] | None:
        """(language, page) of a page or notebook file of this build."""
        parts = PurePosixPath(src_uri).parts
        if not parts:
            return None
        languages = self.layout.languages
        lang = parts[0] if parts[0] in languages else languages[0]
        rest = parts[1:] if parts[0] in languages else parts
        if rest and rest[0] == "notebooks":
            return lang, Path(*rest[1:]).with_suffix(".md")
        return lang, Path(*rest) if rest else None

    def _page(self, page) -> Page | None:
        lang = i18n.page_language(page)
        src = PurePosixPath(page.file.src_uri)
        if src.suffix != ".md" or not src.parts or src.parts[0] != lang:
            return None
        return self.site.page(lang, Path(*src.parts[1:]))

    # ---- notebooks --------------------------------------------------------------------

    def _generated_notebooks(self, default: str, directory_urls: bool) -> Path:
        """Every page's notebook, written once per build into a folder laid out like the
        site's sources: notebooks/<page>.ipynb (default language), <lang>/notebooks/...
        Kept between mkdocs serve's rebuilds: only the changed pages' are written again,
        and a notebook whose content is unchanged keeps its time (not rebuilt)."""
        if self._notebooks is None:
            self._notebooks = tempfile.TemporaryDirectory(prefix="notebooks-")
        src = Path(self._notebooks.name) / "src"
        if not self._notebooks_written:
            from recorded_docs.notebooks import write_all

            def target(page: Page) -> Path:
                lang = "" if page.lang == default else page.lang
                return Path(lang) / "notebooks" / page.rel.with_suffix(".ipynb").name

            try:
                write_all(
                    self.site,
                    src,
                    directory_urls,
                    tuple(self.config.chinese_comments),
                    only=self._changed,
                    target=target,
                )
            except SiteError as err:
                raise PluginError(str(err)) from None
            self._notebooks_written = True
        return src

    def _cleanup_notebooks(self) -> None:
        if self._notebooks is not None:
            self._notebooks.cleanup()
            self._notebooks = None

    @event_priority(-200)  # after mkdocs-static-i18n (-100) and mkdocs-jupyter (0)
    def on_files(self, files, config):
        self._add_notebooks(files, config)
        if self._changed is not None:  # a dirty rebuild: only what a change touched
            for file in files.documentation_pages():
                key = self._key(file.src_uri)
                if key is not None:
                    file.is_modified = _answer(key in self._changed)
        return files

    def _add_notebooks(self, files, config) -> None:
        jupyter = config.plugins.get("mkdocs-jupyter")
        plugin = config.plugins.get("i18n")
        if not self.config.notebooks or jupyter is None or plugin is None:
            return
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

    def on_env(self, env, config, files):
        """MkDocs makes a new Jinja environment for every build, which compiles every
        theme template again (about a second a build); compiled templates are kept across
        mkdocs serve's rebuilds, checked against their source (Jinja's bytecode cache)."""
        env.bytecode_cache = _TEMPLATES
        return env

    # ---- the language switch ------------------------------------------------------------
    #
    # mkdocs-static-i18n sets the switch's links (config.extra.alternate) per page and
    # leaves the last page's links in the config: its next language's build takes them
    # as that language's defaults, and pages it does not handle (the 404 page, the
    # notebooks) showed whichever page was built before them, in a full build another
    # than in a dirty one. Each gets its own links here.

    def _keep_language_switch(self, config) -> None:
        i18n_plugin = config.plugins.get("i18n")
        if i18n_plugin is None or not getattr(i18n_plugin, "extra_alternate", None):
            return
        if not i18n.is_nested_build(config):
            self._home_switch = copy.deepcopy(i18n_plugin.extra_alternate)
        elif getattr(self, "_home_switch", None):
            i18n_plugin.extra_alternate = copy.deepcopy(self._home_switch)

    def _switch(self, config, links: dict[str, str] | None = None) -> None:
        home = getattr(self, "_home_switch", None)
        if home:
            switch = copy.deepcopy(home)
            for alternate in switch:
                if links and alternate.get("lang") in links:
                    alternate["link"] = links[alternate["lang"]]
            # i18n sets both the key and an attribute of the same name; templates read
            # the attribute first.
            config.extra["alternate"] = switch
            config.extra.alternate = switch

    def on_pre_template(self, template, template_name, config):
        """A 404 page's language switch leads to each language's home page."""
        if template_name == "404.html":
            self._switch(config)
        return template

    def on_page_context(self, context, page, config, nav):
        """A notebook's language switch leads to its page's notebook in each language."""
        key = self._key(page.file.src_uri)
        if key is not None and "notebooks/" in page.file.src_uri:
            default, others = i18n.languages(config)
            stem = key[1].with_suffix("").as_posix()
            page_url = (
                f"notebooks/{stem}/" if config.use_directory_urls else f"notebooks/{stem}.html"
            )
            links = {
                lang: ("" if lang == default else f"{lang}/") + page_url
                for lang in [default, *others]
            }
            self._switch(config, links)
        return context

    def on_page_content(self, html, page, config, files):
        if "notebooks/" in page.file.src_uri:
            # A notebook repeats its page: searches land on the page (the search index
            # is split without notebooks anyway), and the notebook's large HTML is not
            # parsed for an index that drops it (a quarter of a cold build's search work).
            page.meta.setdefault("search", {})["exclude"] = True
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
        only = None
        if self._changed is not None:  # a dirty rebuild: the changed pages' snippets
            only = {s.name for key in self._changed for s in self.site.page(*key).snippets()}
        comment = tuple(self.config.chinese_comments)
        for rel, data in site_files(self.layout, comment, only).items():
            target = site_dir / rel
            if target.exists() and target.read_bytes() == data:
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
        default, others = i18n.languages(config)
        self._merge_search_index(site_dir, default)
        if self.config.search_per_language:
            i18n.split_search_index(site_dir, others)
            self._tag_glossary_terms(site_dir, [default or "", *others], config.use_directory_urls)
        material.finish_site(site_dir, others)
        if not self.dirty:
            self._cleanup_notebooks()
        self._stamps = self._pending  # built: the next dirty build compares with these
        self.site = None  # the next build (mkdocs serve) reads the pages afresh

    def _tag_glossary_terms(
        self, site_dir: Path, languages: list[str], directory_urls: bool = True
    ) -> None:
        """Each glossary term tags, in every language's index, the section its row links
        to (recorded_docs.glossary): a search for the term finds that section first."""
        import json

        from recorded_docs import glossary

        name = self.config.glossary
        default = languages[0]
        page = self.layout.docs / default / name if name else None
        if page is None or not page.exists():
            return
        rows = glossary.rows(page.read_text("utf-8"))
        for lang in languages:
            path = site_dir / ("" if lang == default else lang) / "search" / "search_index.json"
            if not path.exists():
                continue
            index = json.loads(path.read_text("utf-8"))
            for problem in glossary.tag_index(index, rows, directory_urls):
                log.warning(f"{self.layout.docs_dir}/{default}/{name} {problem}: no such section")
            path.write_text(json.dumps(index, ensure_ascii=False), "utf-8")

    def _merge_search_index(self, site_dir: Path, default: str | None) -> None:
        """A dirty build's search index holds the rebuilt pages only: put their entries in
        place of theirs in the last full index (same order as a full build's)."""
        import json

        path = site_dir / "search" / "search_index.json"
        if not path.exists():
            return
        index = json.loads(path.read_text("utf-8"))
        if self._changed is not None and self._search_index is not None:
            rebuilt = {_page_url(key, default) for key in self._changed}
            fresh: dict[str, list] = {}
            for entry in index["docs"]:
                fresh.setdefault(entry["location"].split("#")[0], []).append(entry)
            docs, done = [], set()
            for entry in self._search_index["docs"]:
                page = entry["location"].split("#")[0]
                if page in rebuilt or _notebook_of(page) in rebuilt:
                    if page not in done:
                        docs += fresh.get(page, [])
                        done.add(page)
                else:
                    docs.append(entry)
            index = {**index, "docs": docs}
            path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), "utf-8")
        self._search_index = index

    on_post_build = CombinedEvent(_keep_notebook_cache, _finish_site)


class _MemoryBytecodeCache(jinja2.BytecodeCache):
    """Compiled templates in memory, for this process (the bucket checks the source)."""

    def __init__(self):
        self.store: dict[str, bytes] = {}

    def load_bytecode(self, bucket) -> None:
        if (data := self.store.get(bucket.key)) is not None:
            bucket.bytecode_from_string(data)

    def dump_bytecode(self, bucket) -> None:
        self.store[bucket.key] = bucket.bytecode_to_string()


_TEMPLATES = _MemoryBytecodeCache()


def _keep_nbconvert_templates() -> None:
    """Compiled nbconvert templates kept for the process (Jinja's bytecode cache, which
    checks each template's source). mkdocs-jupyter makes two new exporters for every
    notebook, and each compiled nbconvert's templates from scratch: 550 compilations, a
    fifth of a cold build. nbconvert offers no option for the environment it creates,
    hence the wrapper; it only adds the cache to what nbconvert builds."""
    from nbconvert.exporters.templateexporter import TemplateExporter

    create = TemplateExporter._create_environment
    if getattr(create, "keeps_templates", False):
        return

    def _create_environment(self):
        environment = create(self)
        environment.bytecode_cache = _TEMPLATES
        return environment

    _create_environment.keeps_templates = True
    TemplateExporter._create_environment = _create_environment


class _NotTheDirtyWarning(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith("A 'dirty' build is being performed")


def _shown(page: Page) -> tuple[str, ...]:
    try:
        return tuple(s.name for s in page.snippets())
    except SiteError:
        return ()


def _answer(value: bool):
    return lambda: value


def _stat(path: Path) -> tuple[int, int]:
    try:
        st = path.stat()
    except OSError:
        return (0, -1)  # missing: a file that appears later is a change
    return (st.st_mtime_ns, st.st_size)


def _page_url(key: tuple[str, Path], default: str | None) -> str:
    """The search index location of a page (directory URLs): en/tensors/, tensors/, ''."""
    lang, rel = key
    prefix = "" if lang == default else f"{lang}/"
    stem = rel.with_suffix("").as_posix()
    return prefix if stem == "index" else f"{prefix}{stem}/"


def _notebook_of(location: str) -> str:
    """notebooks/tensors/ -> tensors/, en/notebooks/tensors/ -> en/tensors/."""
    return location.replace("notebooks/", "", 1)
