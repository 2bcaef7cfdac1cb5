"""What Markdown cannot express: the one HTML step, and the files the site carries.

* Code block titles (the snippet's file name, ``<span class="filename">``) link to the
  raw file copied into the site: ``snippets/<topic>/<name>.py``, or on a page whose
  language shows translated comments ``<name>.<lang>.py``, the variant that page shows.
* :func:`site_files`: every file the built site carries under ``snippets/``: each
  snippet, its recorded outputs and figures (the pages show the SVGs), and its
  translated variants.
"""

from __future__ import annotations

import re

from recorded_docs import comments
from recorded_docs.pages import Layout
from recorded_docs.snippet import all_snippets

RAW_TITLE_RE = re.compile(r'<span class="filename">(?P<name>[\w/.-]+\.py)</span>')
COPIED_SUFFIXES = (".py", ".out", ".svg")


def link_titles(html: str, up: str, snippets_dir: str, variant_lang: str | None = None) -> str:
    """Code block titles as links to the raw files; ``up`` leads from the page to the root."""

    def link(m: re.Match) -> str:
        name = m["name"]
        target = name if variant_lang is None else name.removesuffix(".py") + f".{variant_lang}.py"
        return f'<span class="filename"><a href="{up}{snippets_dir}/{target}">{name}</a></span>'

    return RAW_TITLE_RE.sub(link, html)


def site_files(
    layout: Layout, comment_languages: tuple[str, ...], only: set[str] | None = None
) -> dict[str, bytes]:
    """{path in the site: content} of the snippets' files the built site carries
    (``only``: of these snippets, by name)."""
    out: dict[str, bytes] = {}
    snippets = [
        s for s in all_snippets(layout.root, layout.snippets_dir) if only is None or s.name in only
    ]
    for snippet in snippets:
        for rel in snippet.files():
            if rel.suffix in COPIED_SUFFIXES and not rel.name.endswith(
                tuple(f".{lang}.py" for lang in comment_languages)
            ):
                out[rel.as_posix()] = (layout.root / rel).read_bytes()
    for snippet in snippets:
        for lang in comment_languages:
            out[snippet.variant_name(lang).as_posix()] = comments.zh_source(snippet).encode()
    return out
