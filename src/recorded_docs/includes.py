"""Include expansion: ``--8<-- "snippets/topic/name.py"`` and ``...name.py:section``.

The pages include their code and outputs with pymdownx.snippets' syntax, and the site
build configures pymdownx.snippets (its ``base_path`` and ``check_paths``, read from the
build's own config). This module expands exactly the subset of that syntax the pages
use, the same way, so that verification (the pytest plugin, drift and compat runs) and
the page pipeline need neither MkDocs nor the Markdown stack: they run on Pythons and in
environments the Markdown extensions do not support. It is written here for that reason
only; a test (tests/pages/test_includes.py) expands every block of every page with
pymdownx.snippets itself, configured through MkDocs' own config loading, and asserts
that both agree line for line.

The subset: a line ``<indent>--8<-- "<path>"`` or ``"<path>:<section>"`` (quotes ``"``
or ``'``); the file is looked up under each base path in turn; a whole file loses its
section marker lines (``# --8<-- [start:name]``); a section is the lines between its
markers, other sections' markers dropped; each included line gets the include line's
indentation. A missing file or section is an :class:`IncludeError` when ``check_paths``.
Nested includes, line ranges and URLs are not used by the pages and are refused.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from recorded_docs.scan import INCLUDE_RE

# pymdownx.snippets' section marker (its RE_SNIPPET_SECTION, without escapes).
SECTION_RE = re.compile(
    r"(?i)^(?P<pre>.*?)-{1,}8<-{1,}[ \t]+\[[ \t]*(?P<type>start|end)[ \t]*:[ \t]*"
    r"(?P<name>[a-z][-_0-9a-z]*)[ \t]*\](?P<post>.*?)$"
)
TARGET_RE = re.compile(r"(?i)^(?P<path>.+?)(?::(?P<section>[a-z][-_0-9a-z]*))?$")


class IncludeError(Exception):
    """An include that cannot be expanded (missing file or section, unsupported form)."""


@dataclass(frozen=True)
class Target:
    path: str
    section: str | None = None

    @classmethod
    def parse(cls, text: str) -> Target:
        text = text.strip()
        if re.search(r":-?\d", text) or "://" in text:
            raise IncludeError(f"includes {text}: line ranges and URLs are not used on this site")
        m = TARGET_RE.match(text)
        return cls(m["path"].strip(), m["section"])

    def __str__(self) -> str:
        return f"{self.path}:{self.section}" if self.section else self.path


def read_lines(path: Path) -> list[str]:
    """A file's lines as pymdownx.snippets reads them: a final newline gives a last ''."""
    text = path.read_text("utf-8")
    return text.split("\n") if text else []


def select(lines: list[str], section: str | None, where: str) -> list[str]:
    if section is None:
        return [line for line in lines if not SECTION_RE.match(line)]
    out: list[str] = []
    inside = found = False
    for line in lines:
        m = SECTION_RE.match(line)
        if m and m["name"] == section:
            if m["type"].lower() == "start":
                inside = found = True
                continue
            if inside:
                break
            break  # an end before its start
        if m and inside:
            continue  # another section's marker
        if inside:
            out.append(line)
    if not found:
        raise IncludeError(f"{where}: section '{section}' could not be located")
    return out


class Includes:
    """Expands include lines against base paths (the first that has the file wins)."""

    def __init__(
        self,
        base_paths: list[Path],
        check_paths: bool = True,
        tab_length: int = 4,
        reader: Callable[[str], str | None] | None = None,
    ):
        self.base_paths = [Path(p) for p in base_paths]
        self.check_paths = check_paths
        self.tab_length = tab_length
        # reader(path) -> the text to include for that target path instead of the file's
        # (a snippet's variant with translated comments), or None for the file's own.
        self.reader = reader

    def find(self, path: str) -> Path | None:
        for base in self.base_paths:
            if base.is_dir() and (base / path).exists():
                return base / path
        return None

    def expand_line(self, line: str) -> list[str] | None:
        """The lines an include line stands for (without line endings); None if ``line``
        is not an include line. Raises IncludeError."""
        m = INCLUDE_RE.match(line)
        if not m:
            return None
        target = Target.parse(m["target"])
        file = self.find(target.path)
        if file is None:
            if self.check_paths:
                raise IncludeError(f"Snippet at path '{target.path}' could not be found")
            return []
        text = self.reader(target.path) if self.reader is not None else None
        raw = read_lines(file) if text is None else (text.split("\n") if text else [])
        lines = select(raw, target.section, target.path)
        for inner in lines:
            if INCLUDE_RE.match(inner):
                raise IncludeError(f"{target}: nested includes are not used on this site")
        space = m["space"].expandtabs(self.tab_length)
        return [space + inner for inner in lines]
