"""The learning path: nothing a page's snippets use is taught only on a later page.

Each page declares, in its front matter, the APIs it introduces::

    ---
    introduces: [torch.optim, torch.nn.MSELoss, .step, .zero_grad]
    ---

A dotted name (``torch.optim``) covers itself and everything under it
(``torch.optim.SGD``), however a snippet imports it (``from torch import optim``,
``import torch.nn as nn``); a name starting with a dot (``.eval``) is a method or
attribute, whatever object it is called on. Both languages of a page declare the same
list. :func:`path_problems` reads the pages in reading order (the nav) and reports:

* a snippet that uses an API that a later page introduces (page, snippet and line, the
  API, the page that introduces it);
* an API that two pages introduce, or that no snippet of its own page uses (a
  declaration that teaches nothing);
* a page whose languages declare different lists, or a malformed declaration.

The names a snippet uses are read from its syntax tree (:func:`used_names`), never from
its text, so comments and strings do not count. Nothing here imports torch.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from recorded_docs.pages import Page, Site
from recorded_docs.scan import SiteError
from recorded_docs.snippet import Snippet

KEY = "introduces"


@dataclass(frozen=True)
class Use:
    name: str  # "torch.optim.SGD" (resolved through imports) or ".step"
    line: int


def _imports(tree: ast.Module) -> dict[str, str]:
    """Local name -> the dotted name it stands for."""
    names: dict[str, str] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.asname:
                    names[alias.asname] = alias.name
                else:
                    top = alias.name.split(".")[0]
                    names[top] = top
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            for alias in node.names:
                names[alias.asname or alias.name] = f"{node.module}.{alias.name}"
    return names


def _chain(node: ast.AST) -> list[str] | None:
    """``a.b.c`` as ["a", "b", "c"], or None when it does not start at a plain name."""
    parts = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if not isinstance(node, ast.Name):
        return None
    parts.append(node.id)
    return parts[::-1]


def used_names(source: str) -> Iterator[Use]:
    """Every dotted name (resolved through the imports) and every attribute a source uses."""
    tree = ast.parse(source)
    imports = _imports(tree)
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute):
            yield Use(f".{node.attr}", node.lineno)
            chain = _chain(node)
            if chain and chain[0] in imports:
                yield Use(".".join([imports[chain[0]], *chain[1:]]), node.lineno)
        elif isinstance(node, ast.Name) and node.id in imports:
            yield Use(imports[node.id], node.lineno)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            for alias in node.names:
                yield Use(f"{node.module}.{alias.name}", node.lineno)
        elif isinstance(node, ast.Import):
            for alias in node.names:
                yield Use(alias.name, node.lineno)


def covers(api: str, name: str) -> bool:
    """Whether a declared API covers a used name."""
    if api.startswith("."):
        return name == api
    return name == api or name.startswith(api + ".")


def declared(page: Page) -> list[str]:
    """The APIs a page declares it introduces (its front matter's ``introduces``)."""
    value = page.meta.get(KEY, [])
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise SiteError(f"{page.where}:1: '{KEY}' must be a list of API names")
    return value


def path_problems(site: Site, order: Sequence[str], lang: str | None = None) -> list[str]:
    """What breaks the learning path, reading the pages in ``order`` (paths relative to a
    language folder, as the nav lists them). ``lang``: the language whose pages are read
    (default: the first); every language must declare the same lists."""
    languages = site.layout.languages
    lang = lang or languages[0]
    problems: list[str] = []
    introduced: dict[str, tuple[int, Page]] = {}  # api -> (position, page)
    pages: list[Page] = []
    for position, rel in enumerate(order):
        page = site.page(lang, rel)
        try:
            apis = declared(page)
        except SiteError as err:
            problems.append(str(err))
            continue
        for other in languages:
            if other == lang or not (site.layout.docs / other / rel).exists():
                continue
            twin = site.page(other, rel)
            try:
                if declared(twin) != apis:
                    problems.append(
                        f"{twin.where}: declares '{KEY}' {declared(twin)}, "
                        f"{page.where} declares {apis}: both languages must declare the same"
                    )
            except SiteError as err:
                problems.append(str(err))
        for api in apis:
            if api in introduced:
                first = introduced[api][1].where
                problems.append(f"{page.where}: introduces {api}, already introduced by {first}")
            else:
                introduced[api] = (position, page)
        pages.append(page)

    used_on: dict[str, set[str]] = {}  # api -> pages whose snippets use it
    for position, page in enumerate(pages):
        for snippet in page.snippets():
            reported: set[str] = set()  # each API once per snippet, at its first use
            for use in _uses(snippet):
                for api, (where, teacher) in introduced.items():
                    if not covers(api, use.name):
                        continue
                    used_on.setdefault(api, set()).add(str(page.where))
                    if where > position and api not in reported:
                        reported.add(api)
                        problems.append(
                            f"{page.where}: {snippet}:{use.line} uses {use.name}, which "
                            f"{teacher.where} introduces later in the path ({KEY}: {api})"
                        )
    for api, (_, page) in introduced.items():
        if str(page.where) not in used_on.get(api, set()):
            problems.append(f"{page.where}: introduces {api}, but none of its snippets uses it")
    return list(dict.fromkeys(problems))


def _uses(snippet: Snippet) -> list[Use]:
    """Each name once, at its first line."""
    first: dict[str, Use] = {}
    for use in used_names(snippet.source):
        if use.name not in first or use.line < first[use.name].line:
            first[use.name] = use
    return sorted(first.values(), key=lambda u: (u.line, u.name))


def nav_pages(nav: list) -> list[str]:
    """The Markdown pages of an MkDocs nav, in reading order."""
    found: list[str] = []

    def walk(items) -> None:
        for item in items:
            if isinstance(item, str):
                found.append(item)
            elif isinstance(item, dict):
                for value in item.values():
                    walk([value] if isinstance(value, str) else value)

    walk(nav)
    return [p for p in found if p.endswith(".md")]
