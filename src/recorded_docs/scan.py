"""Read a page as written: its front matter, its fenced blocks and the markers before them.

The one fence scanner of the project (:func:`scan_page`): verification, the structure
rules, the page pipeline and the notebooks all read pages through it, and a test
asserts that pytest-codeblocks' own reader (``extract_from_buffer``) finds the same
blocks on every page.

The page syntax, defined here once:

* fenced blocks open with three or more backticks (plus an info string: ``python
  title="topic/name.py"``, ``{ .text .snippet-output title="Output" }``), at any
  indentation, and close with a line of at least as many backticks and nothing else;
  tilde fences are refused (pytest-codeblocks reads only backtick fences);
* a block's lines may include files: ``--8<-- "snippets/topic/name.py"`` (or
  ``...name.py:section``), pymdownx.snippets' syntax (:mod:`recorded_docs.includes`);
* ``<!--pytest-codeblocks:expected-output-->`` right before a block (blank lines and
  comments between are fine) marks it as the output of the code block before it;
  ``<!--pytest-codeblocks:cont-->`` marks a block that continues it. No other marker;
* a recorded figure goes on a line of its own after its snippet's blocks:
  ``![alt text](figure:snippets/<topic>/<name>.fig1.svg)``.

A malformed page is a :class:`PageError` whose one-line message names the page and line.
Nothing here imports MkDocs, Markdown or torch.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

INCLUDE_RE = re.compile(r"""^(?P<space>[ \t]*)-+8<-+[ \t]+(["'])(?P<target>.+?)\2[ \t]*$""")
# Any pytest-codeblocks marker line (pytest-codeblocks' own pattern, on the stripped line).
MARKER_RE = re.compile(r"^<!--[-\s]*pytest-codeblocks:(.*?)[-\s]*-->$")
PYTEST_MARK_RE = re.compile(r"^<!--[-\s]*pytest\.mark\..*-->$")
ROLES = ("cont", "expected-output")
FENCE_RE = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})(?P<info>.*)$")
FIGURE_PREFIX = "figure:"
FIGURE_LINE_RE = re.compile(r"^\s*!\[(?P<alt>[^\]]*)\]\(figure:(?P<target>[^)\s]+)\)\s*$")
# Headings with explicit ids ({ #anchor }), and admonitions (!!! note, ??? quote, ???+ tip).
ANCHOR_RE = re.compile(r"^(?P<hashes>#{1,6}) (?P<text>.*?)\s*\{\s*#(?P<id>[\w-]+)\s*\}\s*$")
ADMONITION_RE = re.compile(
    r'^(?P<indent>\s*)(?:!!!|\?\?\?\+?)\s*(?P<kind>[\w-]+)(?:\s+"(?P<title>[^"]*)")?'
)
# YAML front matter, as MkDocs reads it (mkdocs.utils.meta): a first line "---".
FRONT_MATTER_RE = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.DOTALL)

OUTPUT_SUFFIX = ".out"


class SiteError(Exception):
    """A page or snippet breaks a rule; the message names the file (and line)."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class PageError(SiteError):
    """A page's markdown is malformed; the one-line message names the page and line."""


@dataclass
class Figure:
    """A recorded figure a page shows: ``![alt](figure:snippets/t/name.fig1.svg)``."""

    line: int
    alt: str
    target: str  # snippets/<topic>/<name>.fig<N>.svg


@dataclass
class Fence:
    """A fenced block of the page as written (before include expansion)."""

    line: int  # the opening fence's line (1-based, page lines: front matter included)
    ticks: str  # the fence itself, e.g. ```
    info: str  # what follows it: python title="...", { .text ... }
    role: str | None  # "cont" or "expected-output" when a marker precedes it
    targets: list[str] = field(default_factory=list)  # include targets, in order
    inline_lines: int = 0  # non-blank lines typed into the page itself
    end: int = 0  # the closing fence's line
    indent: str = ""  # the opening fence's indentation (inside admonitions, tabs, lists)
    body: list[str] = field(default_factory=list)  # the lines between the fences, as written
    marker_line: int = 0  # the marker's line, when role is set
    figures: list[Figure] = field(default_factory=list)  # figure lines right after it

    @property
    def syntax(self) -> str:
        """The block's language: python, text (``{ .text ... }``), bash, or ""."""
        info = self.info.strip()
        if info.startswith("{"):
            m = re.search(r"\.([\w-]+)", info)
            return m[1] if m else ""
        return info.split()[0] if info.split() else ""

    @property
    def title(self) -> str | None:
        m = re.search(r'title="([^"]*)"', self.info)
        return m[1] if m else None


def marker(keyword: str) -> str:
    return f"<!--pytest-codeblocks:{keyword}-->"


def front_matter(text: str) -> tuple[str, int]:
    """(front matter YAML, the number of lines before the body) as MkDocs splits a page."""
    m = FRONT_MATTER_RE.match(text)
    if not m:
        return "", 0
    head = text[: m.end()]
    # MkDocs also drops the blank lines between the front matter and the body.
    rest = text[m.end() :]
    blank = len(rest) - len(rest.lstrip("\n"))
    return m[1], head.count("\n") + blank


def scan_page(text: str, where: str | Path) -> list[Fence]:
    """The page's fenced blocks, with the marker before each.

    Raises :class:`PageError` (``where:line: what``) on a block that is never closed, a
    tilde fence, a marker that no block follows, an unknown marker, a figure line out
    of place, and an output block with no code block before it.
    """
    lines = text.splitlines()
    fences: list[Fence] = []
    role: str | None = None
    role_line = 0
    i = 0
    while i < len(lines):
        number, line = i + 1, lines[i]
        stripped = line.strip()
        m = FENCE_RE.match(line)
        if m and not (m["fence"][0] == "`" and "`" in m["info"]):
            if m["fence"][0] == "~":
                raise PageError(
                    f"{where}:{number}: fence code blocks with backticks (```), not tildes "
                    f"({m['fence']}): pytest-codeblocks reads only backtick fences"
                )
            size = len(m["fence"])
            j = i + 1
            while j < len(lines):
                closing = lines[j].strip()
                if len(closing) >= size and closing == "`" * len(closing):
                    break
                j += 1
            else:
                raise PageError(
                    f"{where}:{number}: this code block ({m['fence']}) is never closed: "
                    f"no closing {m['fence']} before the end of the page"
                )
            fence = Fence(number, m["fence"], m["info"].strip(), role, end=j + 1)
            fence.indent, fence.marker_line = m["indent"], role_line if role else 0
            fence.body = lines[i + 1 : j]
            for body_line in fence.body:
                if t := INCLUDE_RE.match(body_line):
                    fence.targets.append(t["target"])
                elif body_line.strip():
                    fence.inline_lines += 1
            fences.append(fence)
            role = None
            i = j + 1
            continue
        if mk := MARKER_RE.match(stripped):
            keyword = mk[1].strip()
            if keyword not in ROLES:
                raise PageError(
                    f"{where}:{number}: {marker(keyword)} is not used on this site "
                    f"(only {marker('expected-output')} and {marker('cont')})"
                )
            if role is not None:
                raise PageError(
                    f"{where}:{role_line}: {marker(role)} is followed by another marker "
                    f"(line {number}), not by a code block"
                )
            role, role_line = keyword, number
        elif role is None and (fm := FIGURE_LINE_RE.match(line)):
            if not fences:
                raise PageError(
                    f"{where}:{number}: a figure ({fm['target']}) must follow the code block "
                    "of the snippet that draws it"
                )
            fences[-1].figures.append(Figure(number, fm["alt"].strip(), fm["target"]))
        elif f"]({FIGURE_PREFIX}" in line:
            raise PageError(
                f"{where}:{number}: a figure goes on a line of its own: "
                f"![alt text]({FIGURE_PREFIX}snippets/<topic>/<name>.fig1.svg)"
            )
        elif PYTEST_MARK_RE.match(stripped):
            raise PageError(
                f"{where}:{number}: pytest marks in pages are not used on this site: "
                "every snippet a page shows is verified the same way"
            )
        elif stripped and not stripped.startswith("<!--") and role is not None:
            raise PageError(
                f"{where}:{role_line}: {marker(role)} must come right before a code block, "
                f"but line {number} comes first"
            )
        i += 1
    if role is not None:
        raise PageError(f"{where}:{role_line}: {marker(role)} is followed by no code block")
    _check_roles(fences, where)
    return fences


def _check_roles(fences: list[Fence], where: str | Path) -> None:
    """Output blocks follow code blocks; continued blocks continue code blocks."""
    previous: Fence | None = None
    for fence in fences:
        outputs = [t for t in fence.targets if t.endswith(OUTPUT_SUFFIX)]
        if fence.role in ROLES:
            what = "an output block" if fence.role == "expected-output" else "a continued block"
            if previous is None:
                raise PageError(
                    f"{where}:{fence.marker_line}: {marker(fence.role)} marks {what} "
                    f"(line {fence.line}) but no code block comes before it"
                )
            if previous.role == "expected-output":
                raise PageError(
                    f"{where}:{fence.marker_line}: {marker(fence.role)} marks {what} "
                    f"(line {fence.line}) that follows an output block (line {previous.line}), "
                    "not a code block: was its code block deleted?"
                )
            if fence.role == "expected-output" and previous.syntax != "python":
                raise PageError(
                    f"{where}:{fence.marker_line}: {marker(fence.role)} marks an output block "
                    f"(line {fence.line}) after a {previous.syntax or 'plain'} block "
                    f"(line {previous.line}), not after the python block it belongs to"
                )
        elif outputs:
            raise PageError(
                f"{where}:{fence.line}: this block shows a recorded output ({outputs[0]}) but "
                f"has no {marker('expected-output')} marker and code block before it"
            )
        previous = fence


def prose_lines(text: str, fences: list[Fence]) -> list[tuple[int, str]]:
    """(line number, line) of the page outside its fenced blocks."""
    inside = set()
    for fence in fences:
        inside.update(range(fence.line, fence.end + 1))
    return [(n, line) for n, line in enumerate(text.splitlines(), start=1) if n not in inside]
