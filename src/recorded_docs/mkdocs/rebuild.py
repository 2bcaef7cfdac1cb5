"""Dirty rebuilds (``mkdocs serve --dirty``, ``nox -s serve``): only what a change touches.

Each page's inputs (:meth:`recorded_docs.pages.Page.inputs`: the page, what it includes,
its snippets' files, the recordings) are stamped with their modification times and
sizes; a page with a compat table or range also depends on every snippet's fingerprint
and on which page shows which snippet. A rebuild builds again the pages whose stamp
changed, in both languages, with their notebooks; a change to the config (its nav) or
to the set of pages builds everything. The search index, which a dirty build writes for
the rebuilt pages only, gets their entries in place of the previous ones, in a full
build's order, so that what ``serve`` shows equals a cold build (tests/site/test_serve.py).
"""

from __future__ import annotations

import json
import logging
from pathlib import Path, PurePosixPath

from recorded_docs.glossary import page_url
from recorded_docs.pages import Page, Site
from recorded_docs.render import page_title
from recorded_docs.scan import SiteError
from recorded_docs.snippet import all_snippets

Key = tuple[str, Path]  # (language, page relative to its language folder)


class Rebuilds:
    def __init__(self):
        self.dirty = False
        self.changed: set[Key] | None = None  # this build's pages; None: every page
        self._stamps: dict[Key, tuple] = {}
        self._pending: dict[Key, tuple] = {}
        self._fingerprints: dict = {}
        self.fingerprints: dict[str, dict[str, str]] = {}  # today's, by snippet name
        self._search_index: dict | None = None

    def start(self, dirty: bool) -> None:
        self.dirty = dirty
        if dirty:
            # MkDocs warns that a dirty build's navigation may be inaccurate, which stops
            # a strict build; here it is not: a change to the config or to the set of
            # pages rebuilds every page, and every page a change touches is rebuilt.
            logging.getLogger("mkdocs.commands.build").addFilter(_NotTheDirtyWarning())

    def plan(self, site: Site, config_file: Path, comment_languages: tuple[str, ...]) -> None:
        """Decide this build's pages (``changed``) from what changed since the last one."""
        head = (config_file.stat().st_mtime_ns,)
        pages = site.all_pages()
        outline = tuple((p.lang, str(p.rel), page_title(p), _shown(p)) for p in pages)
        fingerprints = tuple(self._snippet_fingerprints(site))
        self.fingerprints = {name: dict(parts) for name, parts in fingerprints}
        outline += fingerprints
        stamps = {}
        for page in pages:
            try:
                inputs = page.inputs(comment_languages)
            except SiteError:
                inputs = {page.file}
            extra = (outline,) if "<!-- compat:" in page.text else ()
            stamps[(page.lang, page.rel)] = (
                head + extra + tuple(sorted((str(p), *_stat(p)) for p in inputs))
            )
        self._pending = stamps
        if not self.dirty or not self._stamps or stamps.keys() != self._stamps.keys():
            self.changed = None
        else:
            self.changed = {key for key, stamp in stamps.items() if self._stamps.get(key) != stamp}

    def _snippet_fingerprints(self, site: Site):
        """(name, fingerprint) of every snippet, computed again only for snippets whose
        files changed since the last build."""
        layout = site.layout
        fresh = {}
        for snippet in all_snippets(layout.root, layout.snippets_dir):
            state = tuple(_stat(layout.root / f) for f in snippet.files())
            key = (snippet.name, state)
            fresh[key] = self._fingerprints.get(key) or tuple(sorted(snippet.fingerprint().items()))
            yield snippet.name, fresh[key]
        self._fingerprints = fresh

    def mark(self, files, languages: tuple[str, ...]) -> None:
        """Tell MkDocs which of this build's pages and notebooks to build again."""
        if self.changed is None:
            return
        for file in files.documentation_pages():
            key = page_key(file.src_uri, languages)
            if key is not None:
                file.is_modified = _answer(key in self.changed)

    def snippets_to_copy(self, site: Site) -> set[str] | None:
        """The snippets whose raw files this build copies (None: all)."""
        if self.changed is None:
            return None
        return {s.name for key in self.changed for s in site.page(*key).snippets()}

    def merge_search_index(self, site_dir: Path, default: str | None) -> None:
        """The rebuilt pages' search entries in place of theirs in the last full index."""
        path = site_dir / "search" / "search_index.json"
        if not path.exists():
            return
        index = json.loads(path.read_text("utf-8"))
        if self.changed is not None and self._search_index is not None:
            rebuilt = {_page_url(key, default) for key in self.changed}
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

    def commit(self) -> None:
        """The build is done: the next dirty build compares with what it was made from."""
        self._stamps = self._pending


def page_key(src_uri: str, languages: tuple[str, ...]) -> Key | None:
    """(language, page) of a page or notebook file of a build."""
    parts = PurePosixPath(src_uri).parts
    if not parts:
        return None
    lang = parts[0] if parts[0] in languages else languages[0]
    rest = parts[1:] if parts[0] in languages else parts
    if rest and rest[0] == "notebooks":
        return lang, Path(*rest[1:]).with_suffix(".md")
    return (lang, Path(*rest)) if rest else None


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


def _page_url(key: Key, default: str | None) -> str:
    """The search index location of a page (directory URLs): en/tensors/, tensors/, ''."""
    lang, rel = key
    prefix = "" if lang == default else f"{lang}/"
    return prefix + page_url(rel.with_suffix("").as_posix())


def _notebook_of(location: str) -> str:
    """notebooks/tensors/ -> tensors/, en/notebooks/tensors/ -> en/tensors/."""
    return location.replace("notebooks/", "", 1)
