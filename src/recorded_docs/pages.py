"""The page model: a site's layout, its pages, their blocks, and the snippets they show.

A :class:`Layout` says where a site's pages and snippets are; the MkDocs plugin makes
one from the build's config, the pytest plugin from its ini options (a test asserts
they agree for this site). A :class:`Page` is one page file, scanned once
(:func:`recorded_docs.scan.scan_page`), with its blocks' includes expanded
(:mod:`recorded_docs.includes`). :class:`Site` lists the pages and the
:class:`Example` s: every snippet as the pages show it, with the output block they
show and where.

Nothing here imports MkDocs, Markdown or torch.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path, PurePosixPath

import yaml

from recorded_docs.includes import IncludeError, Includes
from recorded_docs.scan import (
    ADMONITION_RE,
    ANCHOR_RE,
    INCLUDE_RE,
    OUTPUT_SUFFIX,
    Fence,
    Figure,
    PageError,
    SiteError,
    front_matter,
    prose_lines,
    scan_page,
)
from recorded_docs.snippet import SNIPPETS_DIR, Snippet

LANGUAGES = ("zh", "en")


@dataclass(frozen=True)
class Layout:
    """Where a site's pages and snippets are: ``root / docs_dir / <lang> / <page>.md``."""

    root: Path
    docs_dir: str = "docs"
    snippets_dir: str = SNIPPETS_DIR
    languages: tuple[str, ...] = LANGUAGES
    # Where include targets are looked up (pymdownx.snippets' base_path); default: root.
    base_paths: tuple[Path, ...] = ()
    check_paths: bool = True

    def __post_init__(self) -> None:
        object.__setattr__(self, "root", Path(self.root).resolve())
        if not self.base_paths:
            object.__setattr__(self, "base_paths", (self.root,))

    @property
    def docs(self) -> Path:
        return self.root / self.docs_dir

    def includes(self) -> Includes:
        return Includes(list(self.base_paths), self.check_paths)

    def page_files(self, lang: str) -> list[Path]:
        """Page paths relative to docs/<lang>/, sorted."""
        base = self.docs / lang
        return sorted(p.relative_to(base) for p in base.rglob("*.md")) if base.is_dir() else []

    def locate(self, path: Path) -> tuple[str, Path] | None:
        """(language, page path relative to docs/<lang>/) of a page file, or None."""
        try:
            rel = Path(path).resolve().relative_to(self.docs)
        except ValueError:
            return None
        if len(rel.parts) < 2 or rel.parts[0] not in self.languages or rel.suffix != ".md":
            return None
        return rel.parts[0], Path(*rel.parts[1:])

    def rel(self, path: Path) -> PurePosixPath:
        return PurePosixPath(Path(path).resolve().relative_to(self.root).as_posix())

    def snippet(self, target: str) -> Snippet | None:
        """The snippet an include target (``snippets/x/y.py[:section]``) shows, or None."""
        path = target.split(":")[0]
        if not path.endswith(".py") or PurePosixPath(path).parts[:1] != (self.snippets_dir,):
            return None
        return Snippet.at(self.root, path, self.snippets_dir)


@dataclass(frozen=True)
class Location:
    path: PurePosixPath  # relative to the site root
    line: int

    def __str__(self) -> str:
        return f"{self.path}:{self.line}"


@dataclass
class Block:
    """A code block of a page with its includes expanded, continued blocks joined, and
    the output block that follows it."""

    syntax: str
    code: str
    expected: str | None
    at: Location
    sources: list[str]  # include targets whose lines make up the block
    inline_lines: int  # non-blank lines typed into the page itself
    output_sources: list[str]  # include targets of its output block
    figures: list[Figure] = field(default_factory=list)  # figure lines after it
    fences: list[Fence] = field(default_factory=list)  # the page's fences it is made of


class Page:
    """One page file. Scanned once; blocks expanded once."""

    def __init__(self, layout: Layout, lang: str, rel: Path, text: str | None = None):
        self.layout = layout
        self.lang = lang
        self.rel = Path(rel)  # relative to docs/<lang>/
        self.file = layout.docs / lang / rel
        self.text = self.file.read_text("utf-8") if text is None else text

    @classmethod
    def of(cls, layout: Layout, path: Path) -> Page:
        where = layout.locate(path)
        if where is None:
            raise SiteError(
                f"{path} is not a page of this site "
                f"(pages are {layout.docs_dir}/<{'|'.join(layout.languages)}>/**/*.md)"
            )
        return cls(layout, *where)

    def __repr__(self) -> str:
        return f"Page({self.where})"

    @property
    def where(self) -> PurePosixPath:
        """The page as messages name it: docs/zh/autograd.md."""
        return PurePosixPath(self.layout.docs_dir, self.lang, self.rel.as_posix())

    @cached_property
    def fences(self) -> list[Fence]:
        """Its fenced blocks (:func:`scan_page`): PageError names page and line."""
        return scan_page(self.text, self.where)

    @cached_property
    def meta(self) -> dict:
        """Its front matter (YAML), {} when it has none."""
        head, _ = front_matter(self.text)
        if not head:
            return {}
        try:
            meta = yaml.safe_load(head)
        except yaml.YAMLError as err:
            mark = getattr(err, "problem_mark", None)
            line = f":{mark.line + 2}" if mark else ""
            raise PageError(f"{self.where}{line}: its front matter is not valid YAML") from None
        if not isinstance(meta, dict):
            raise PageError(f"{self.where}:1: its front matter is not a YAML mapping")
        return meta

    @property
    def body_start(self) -> int:
        """How many lines (front matter, blank lines) come before the body MkDocs renders."""
        return front_matter(self.text)[1]

    def includes(self) -> list[str]:
        """Include targets of its blocks, in order (read even from a malformed page)."""
        try:
            return [target for fence in self.fences for target in fence.targets]
        except PageError:
            return [m["target"] for line in self.text.splitlines() if (m := INCLUDE_RE.match(line))]

    def figures(self) -> list[str]:
        try:
            return [figure.target for fence in self.fences for figure in fence.figures]
        except PageError:
            return []

    def _prose(self) -> list[tuple[int, str]]:
        try:
            fences = self.fences
        except PageError:
            fences = []
        return prose_lines(self.text, fences)

    def anchors(self) -> list[str]:
        """Explicit heading ids ({ #anchor }) in order; both languages share them."""
        return [m["id"] for _, line in self._prose() if (m := ANCHOR_RE.match(line))]

    def admonitions(self) -> list[str]:
        return [m["kind"] for _, line in self._prose() if (m := ADMONITION_RE.match(line))]

    def snippets(self) -> list[Snippet]:
        """The snippets it shows (code includes), in order, each once."""
        seen: dict[str, Snippet] = {}
        for target in self.includes():
            snippet = self.layout.snippet(target)
            if snippet is not None:
                seen.setdefault(snippet.name, snippet)
        return list(seen.values())

    def inputs(self, comment_languages: tuple[str, ...] = ()) -> set[Path]:
        """Every file its finished Markdown and notebook are made from: the page, what it
        includes, each shown snippet's files (its script, outputs, figures and, where the
        page's language shows them, its translated comments), the figures it shows, and
        the recordings' manifest and compat data. A page with a compat table or range
        (``<!-- compat: ... -->``) summarizes every snippet: what it shows depends on
        every snippet's fingerprint and on which page shows which (the MkDocs plugin
        adds those to what it compares). What
        ``mkdocs serve`` rebuilds after a change is the pages that have the changed file
        among their inputs."""
        layout = self.layout
        root = layout.root
        data = root / layout.snippets_dir
        found = {self.file, data / "manifest.json", data / "compat.json"}
        if "<!-- compat:" in self.text:
            return found  # and every snippet's fingerprint: see the MkDocs plugin
        includes = layout.includes()
        for target in [*self.includes(), *self.figures()]:
            path = includes.find(target.split(":")[0])
            if path is not None:
                found.add(path)
        for snippet in self.snippets():
            found |= {root / f for f in snippet.files()}
            found.add(root / snippet.output_file("cuda"))
            if self.lang in comment_languages:
                found.add(root / snippet.comments_file(self.lang))
        return found

    def expand(self, fence: Fence) -> str:
        """A fence's content with its includes expanded, as the reader sees it."""
        includes = self.layout.includes()
        out: list[str] = []
        for offset, line in enumerate(fence.body, start=1):
            lines = [line]
            m = INCLUDE_RE.match(line)
            if m:
                target = m["target"]
                if target.endswith(OUTPUT_SUFFIX) and includes.find(target) is None:
                    # Not recorded yet: show nothing, so that recording can run the
                    # snippet; the structure rules report the missing file.
                    lines = []
                else:
                    try:
                        lines = includes.expand_line(line) or []
                    except IncludeError as err:
                        raise PageError(f"{self.where}:{fence.line + offset}: {err}") from None
            for expanded in lines:
                # Inside an indented fence, drop (at most) the fence's indentation.
                cut = min(len(fence.indent), len(expanded) - len(expanded.lstrip(" \t")))
                out.append(expanded[cut:] + "\n")
        return "".join(out)

    @cached_property
    def blocks(self) -> list[Block]:
        """Its code blocks with includes expanded, continued blocks joined, outputs attached."""
        blocks: list[Block] = []
        for fence in self.fences:
            if fence.role == "cont":
                block = blocks[-1]
                block.figures += fence.figures
                block.code += self.expand(fence)
                block.sources += fence.targets
                block.inline_lines += fence.inline_lines
                block.fences.append(fence)
            elif fence.role == "expected-output":
                blocks[-1].expected = self.expand(fence)
                blocks[-1].output_sources = fence.targets
                blocks[-1].figures += fence.figures
                blocks[-1].fences.append(fence)
            else:
                blocks.append(
                    Block(
                        syntax=fence.syntax,
                        code=self.expand(fence),
                        expected=None,
                        at=Location(self.where, fence.line),
                        sources=list(fence.targets),
                        inline_lines=fence.inline_lines,
                        output_sources=[],
                        figures=list(fence.figures),
                        fences=[fence],
                    )
                )
        return blocks


@dataclass
class Example:
    """One snippet as the pages show it: its code, its recorded output, where it is shown."""

    snippet: Snippet
    code: str  # the code as shown (sections joined), with includes expanded
    expected: str | None  # the output block as shown, None when the page shows none
    shown_on: list[Location] = field(default_factory=list)
    figures: list[str] = field(default_factory=list)  # figure targets shown after it

    @property
    def name(self) -> str:
        return self.snippet.name

    def pages(self) -> str:
        return ", ".join(str(loc) for loc in self.shown_on)


class Site:
    """The pages and snippets of one site; each page read and scanned once."""

    def __init__(self, layout: Layout | Path):
        self.layout = layout if isinstance(layout, Layout) else Layout(Path(layout))
        self._pages: dict[tuple[str, Path], Page] = {}

    @property
    def root(self) -> Path:
        return self.layout.root

    def page(self, lang: str, rel: Path | str) -> Page:
        key = (lang, Path(rel))
        if key not in self._pages:
            self._pages[key] = Page(self.layout, lang, Path(rel))
        return self._pages[key]

    def pages(self, lang: str) -> list[Page]:
        return [self.page(lang, rel) for rel in self.layout.page_files(lang)]

    def all_pages(self) -> list[Page]:
        return [page for lang in self.layout.languages for page in self.pages(lang)]

    @cached_property
    def _scan(self) -> tuple[list[Example], list[str], list[str]]:
        from recorded_docs.rules import check_block

        examples: dict[str, Example] = {}
        problems: list[str] = []
        page_errors: list[str] = []
        for page in self.all_pages():
            try:
                blocks = page.blocks
            except SiteError as err:
                problems.append(str(err))
                page_errors.append(str(err))
                continue
            for block in blocks:
                if block.syntax != "python":
                    if block.figures:
                        problems.append(
                            f"{block.at.path}:{block.figures[0].line}: a figure must follow "
                            "the python block of the snippet that draws it"
                        )
                    continue
                problem = check_block(block, self.layout)
                if problem:
                    problems.append(problem)
                    continue
                snippet = self.layout.snippet(block.sources[0])
                ex = examples.get(snippet.name)
                if ex is None:
                    ex = examples[snippet.name] = Example(snippet, block.code, block.expected)
                elif (ex.expected is None) != (block.expected is None):
                    problems.append(
                        f"{block.at}: {snippet} is shown with an output block on one page "
                        f"and without one on another ({ex.pages()})"
                    )
                if not ex.shown_on:
                    ex.figures = [figure.target for figure in block.figures]
                ex.shown_on.append(block.at)
        ordered = sorted(examples.values(), key=lambda e: e.snippet.path)
        return ordered, problems, page_errors

    def examples(self) -> list[Example]:
        """Every snippet the pages show (pages that cannot be read: page_errors())."""
        return self._scan[0]

    def block_problems(self) -> list[str]:
        """Pages that cannot be read and blocks that break the per-block rules."""
        return self._scan[1]

    def page_errors(self) -> list[str]:
        """Pages that cannot be read (malformed markdown, a missing include), one line each."""
        return self._scan[2]
