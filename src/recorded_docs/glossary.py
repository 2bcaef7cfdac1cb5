"""The glossary: one table of terms, each linked to the section that teaches it.

A site's glossary page (``glossary.md`` in each language) is a Markdown table whose
first two columns name a term in the two languages (Chinese first) and whose row links,
once, to the section that teaches the term::

    | 中文 | English | 说明 |
    | --- | --- | --- |
    | [广播](tensors.md#broadcasting) | broadcasting | ... |

:func:`rows` reads it. The MkDocs plugin gives each linked section's search entry the
term's names in both languages (:func:`tag_index`), so that a reader who searches a
term, in either language on either language's site, finds the section that teaches it
first (the field is boosted as Material boosts its tags, above titles and text). A row
without a link, or a link to a section that is not in the index, is a problem the build
reports.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

ROW_RE = re.compile(r"^\|(?P<cells>.+)\|\s*$")
LINK_RE = re.compile(r"\[(?P<text>[^\]]+)\]\((?P<page>[\w./-]+?)\.md(?:#(?P<anchor>[\w-]+))?\)")
HEADER = ("中文", "English")


@dataclass(frozen=True)
class Row:
    line: int
    zh: str  # the term's first name in each language, as a reader would type it
    en: str
    page: str | None  # the teaching page, relative to the language folder, no suffix
    anchor: str | None

    def location(self, directory_urls: bool = True) -> str | None:
        """Its section as the search index names it: tensors/#broadcasting, or with
        ``use_directory_urls: false`` (the offline copy) tensors.html#broadcasting."""
        if self.page is None or self.anchor is None:
            return None
        return f"{page_url(self.page, directory_urls)}#{self.anchor}"


def page_url(page: str, directory_urls: bool = True) -> str:
    if directory_urls:
        return "" if page == "index" else f"{page}/"
    return f"{page}.html"


def _name(cell: str) -> str:
    """A cell's term: the link text, without code marks, up to the first alternative."""
    text = LINK_RE.sub(lambda m: m["text"], cell).replace("`", "")
    return re.split(r"[（(,，/]", text)[0].strip()


def rows(text: str) -> list[Row]:
    """The glossary table's rows, in order."""
    found = []
    for number, line in enumerate(text.splitlines(), start=1):
        m = ROW_RE.match(line)
        if not m or set(line) <= set("|-: "):
            continue
        cells = [c.strip() for c in m["cells"].split("|")]
        if len(cells) < 2 or tuple(cells[:2]) == HEADER:
            continue
        link = LINK_RE.search(m["cells"])
        found.append(
            Row(
                number,
                _name(cells[0]),
                _name(cells[1]),
                link["page"] if link else None,
                link["anchor"] if link else None,
            )
        )
    return found


FIELD = "terms"  # the search index field the glossary fills (one per tagged section)
BOOST = 1e6  # as Material boosts its own tags: above titles (1e3) and text (1)


def joined(name: str, separator: str) -> str:
    """A name as one search token: lowercased, its words run together ("mini-batch SGD"
    -> "minibatchsgd"), so that a single word ("gradient") never matches the section of
    a longer term that contains it ("gradient descent"); the search worker patch adds
    the same joined form of what a reader types (search_worker.js)."""
    return "".join(p for p in re.split(separator, name.lower()) if p)


def tag_index(index: dict, glossary: list[Row], directory_urls: bool = True) -> list[str]:
    """Put each row's names, joined, into its section's ``terms`` field in a search index
    (one language's, locations relative to its root) and declare the field (boosted like
    Material's tags); returns the rows whose section is not in the index."""
    config = index.setdefault("config", {})
    separator = config.get("separator", r"[\s\-]+")
    config.setdefault("fields", {})[FIELD] = {"boost": BOOST}
    entries = {entry["location"]: entry for entry in index["docs"]}
    missing = []
    for row in glossary:
        location = row.location(directory_urls)
        entry = entries.get(location or "")
        if entry is None and row.page is not None:
            # A row may link to a page's own title ({ #id } on the h1): its first entry.
            entry = entries.get(page_url(row.page, directory_urls))
        if entry is None:
            missing.append(f"line {row.line}: {row.zh} / {row.en} -> {location}")
            continue
        terms = entry.setdefault(FIELD, [])
        for name in (row.zh, row.en):
            word = joined(name, separator)
            if word and word not in terms:
                terms.append(word)
    return missing
