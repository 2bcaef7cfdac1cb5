"""What a snippet is: one script, the files that belong to it, and its in-file conventions.

A snippet is a plain Python script ``<snippets>/<topic>/<name>.py``. Beside it, every
file that belongs to it is named after it, and nowhere else is that spelled out:

==============================  =====================================================
``<name>.out``                  what it printed on CPU (recorded, never edited)
``<name>.cuda.out``             what it printed on CUDA (device snippets only)
``<name>.fig<N>.svg``           figure N it drew (N from 1), the image pages show
``<name>.fig<N>.json``          the data behind figure N, which verification compares
``<name>.<lang>.yaml``          its comments in another language (``zh``), see
                                :mod:`recorded_docs.comments`
==============================  =====================================================

and, in built sites only, ``<name>.<lang>.py``: the variant with translated comments.

In-file conventions, defined here once (as sphinx-gallery's ``py_source_parser`` does):

* ``# legacy: warns <Category>`` / ``# legacy: raises <Error>`` comment lines declare
  that the snippet demonstrates a legacy API: that warning or error is part of its
  output, and it must keep happening;
* ``# --8<-- [start:part]`` / ``# --8<-- [end:part]`` mark a named section a page may
  show on its own (pymdownx.snippets' syntax);
* a snippet that mentions ``cuda`` picks its device itself: it is a *device snippet*,
  recorded once per device.

Nothing here imports torch, MkDocs or Markdown.
"""

from __future__ import annotations

import hashlib
import io
import json
import re
import tokenize
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path, PurePosixPath

SNIPPETS_DIR = "snippets"
SOURCE_SUFFIX = ".py"
OUTPUT_SUFFIX = ".out"
DEVICES = ("cpu", "cuda")

LEGACY_RE = re.compile(r"^#\s*legacy:\s*(warns|raises)\s+([\w.]+)\s*$", re.MULTILINE)
# Any ``# legacy:`` line (also a malformed one): never a comment to translate.
LEGACY_LINE_RE = re.compile(r"^#\s*legacy:")
SECTION_MARKER_RE = re.compile(r"^\s*#\s*-+8<-+\s+\[\s*(start|end)\s*:\s*([^\]]*?)\s*\]\s*$")
USES_DEVICE_RE = re.compile(r"\bcuda\b")
FIGURE_RE = re.compile(r"\.fig(\d+)\.(svg|json)$")
# What follows a snippet's stem in the name of a file that belongs to it.
_PART_RE = re.compile(
    r"^(?:\.cuda)?\.out$|^\.fig\d+\.(?:svg|json)$|^\.[a-z]{2}(?:-[A-Za-z]+)?\.(?:yaml|py)$"
)


@dataclass(frozen=True)
class Legacy:
    """What a snippet declares with ``# legacy:`` lines: category names (no module)."""

    warns: frozenset[str] = frozenset()
    raises: frozenset[str] = frozenset()

    @classmethod
    def of(cls, source: str) -> Legacy:
        found: dict[str, set[str]] = {"warns": set(), "raises": set()}
        for kind, name in LEGACY_RE.findall(source):
            found[kind].add(name.rsplit(".", 1)[-1])
        return cls(frozenset(found["warns"]), frozenset(found["raises"]))

    def __bool__(self) -> bool:
        return bool(self.warns or self.raises)


def without_sections(source: str) -> str:
    """The source without its section marker lines (what a page showing it whole shows)."""
    return "".join(
        line for line in source.splitlines(keepends=True) if not SECTION_MARKER_RE.match(line)
    )


def section(source: str, name: str) -> str | None:
    """The lines of section ``name`` (markers excluded, nested markers dropped), or None."""
    lines: list[str] = []
    inside = found = False
    for line in source.splitlines(keepends=True):
        m = SECTION_MARKER_RE.match(line)
        if m and m[2] == name:
            if m[1] == "start":
                inside = found = True
            elif inside:
                inside = False
            continue
        if inside and not m:
            lines.append(line)
    return "".join(lines) if found else None


@dataclass(frozen=True)
class Snippet:
    """One snippet of a site: ``root / path`` is its script."""

    root: Path
    path: PurePosixPath  # relative to root, e.g. snippets/autograd/scalar_backward.py
    snippets_dir: str = SNIPPETS_DIR

    @classmethod
    def at(cls, root: Path, path: str | PurePosixPath, snippets_dir: str = SNIPPETS_DIR) -> Snippet:
        return cls(Path(root), PurePosixPath(path), snippets_dir)

    # ---- names ----------------------------------------------------------------------

    @property
    def name(self) -> str:
        """As data files and reports name it: ``autograd/scalar_backward.py``."""
        return self.path.relative_to(self.snippets_dir).as_posix()

    @property
    def stem(self) -> str:
        return self.path.stem

    @property
    def file(self) -> Path:
        return self.root / self.path

    def __str__(self) -> str:
        return self.path.as_posix()

    def sibling(self, suffix: str) -> PurePosixPath:
        """The path (relative to root) of ``<name><suffix>`` beside the script."""
        return self.path.with_name(self.stem + suffix)

    def output_file(self, device: str = "cpu") -> PurePosixPath:
        return self.sibling(OUTPUT_SUFFIX if device == "cpu" else f".{device}{OUTPUT_SUFFIX}")

    def figure_files(self, number: int) -> tuple[PurePosixPath, PurePosixPath]:
        """(svg, json) of figure ``number`` (1-based)."""
        return self.sibling(f".fig{number}.svg"), self.sibling(f".fig{number}.json")

    def comments_file(self, lang: str) -> PurePosixPath:
        """Its comments in ``lang`` (recorded_docs.comments): ``<name>.<lang>.yaml``."""
        return self.sibling(f".{lang}.yaml")

    def variant_name(self, lang: str) -> PurePosixPath:
        """The variant with comments in ``lang``, as built sites name it: ``<name>.<lang>.py``."""
        return self.sibling(f".{lang}{SOURCE_SUFFIX}")

    # ---- contents -------------------------------------------------------------------

    @cached_property
    def source(self) -> str:
        return self.file.read_text("utf-8")

    @property
    def legacy(self) -> Legacy:
        return Legacy.of(self.source)

    @property
    def uses_device(self) -> bool:
        """Whether it picks its device itself (mentions ``cuda``): recorded per device."""
        return bool(USES_DEVICE_RE.search(self.source))

    def recorded_output(self, device: str = "cpu") -> str | None:
        path = self.root / self.output_file(device)
        return path.read_text("utf-8") if path.exists() else None

    def recorded_figures(self) -> list[int]:
        """Numbers of its recorded figures (either file present), sorted."""
        folder = self.file.parent
        found = {
            int(m[1])
            for path in folder.glob(f"{self.stem}.fig*.*")
            if (m := FIGURE_RE.search(path.name)) and path.name[: m.start()] == self.stem
        }
        return sorted(found)

    def fingerprint(self) -> dict[str, str]:
        """What a result obtained from this snippet depends on, as short hashes:

        ``code``: its tokens without comments and line breaks inside statements, plus
        its legacy declarations: an edit of a comment (English in the file, Chinese in
        ``<name>.zh.yaml``) or of spacing inside a line does not change it, any change
        to what runs does; ``output``: its recorded CPU output (trailing spaces and
        blank lines aside, as the comparison ignores them); ``figures``: its recorded
        figures' data. A compat result is about the snippet only while all three match.
        """
        return {
            "code": _digest(code_signature(self.source)),
            "output": _digest(_normalized(self.recorded_output() or "")),
            "figures": _digest(
                json.dumps(
                    [
                        json.loads((self.root / self.figure_files(n)[1]).read_text("utf-8"))
                        if (self.root / self.figure_files(n)[1]).exists()
                        else None
                        for n in self.recorded_figures()
                    ],
                    sort_keys=True,
                )
            ),
        }

    def files(self) -> list[PurePosixPath]:
        """Every file that belongs to it and exists, the script first."""
        folder = self.file.parent
        others = sorted(
            PurePosixPath(p.relative_to(self.root).as_posix())
            for p in folder.glob(f"{self.stem}.*")
            if p.name != self.file.name and _PART_RE.match(p.name[len(self.stem) :])
        )
        return [self.path, *others]


def code_signature(source: str) -> str:
    """The code of a source as one string: its tokens (kind and text) without comments
    and non-logical line breaks, then its legacy declarations (comments that matter).

    The same on every Python: token kinds by name (their numbers change between
    releases), an f-string (t-string) as one string token, its source text, as before
    3.12 (3.12 splits it into FSTRING_START, FSTRING_MIDDLE, ... tokens), and a NEWLINE
    or DEDENT without its text (3.12 gives the last line's NEWLINE an empty one).
    """
    lines = source.splitlines(keepends=True)
    try:
        tokens: list[str] = []
        depth, start = 0, (0, 0)
        for tok in tokenize.generate_tokens(io.StringIO(source).readline):
            kind = tokenize.tok_name[tok.type]
            if kind in ("FSTRING_START", "TSTRING_START"):
                depth += 1
                if depth == 1:
                    start = tok.start
            elif kind in ("FSTRING_END", "TSTRING_END"):
                depth -= 1
                if depth == 0:
                    tokens.append(f"STRING:{_text_between(lines, start, tok.end)}")
            elif depth or kind in ("COMMENT", "NL"):
                continue
            elif kind in ("NEWLINE", "DEDENT", "ENDMARKER"):
                tokens.append(kind)
            else:
                tokens.append(f"{kind}:{tok.string}")
    except (tokenize.TokenError, SyntaxError):  # not Python: every byte counts
        return source
    legacy = Legacy.of(source)
    return "\n".join(
        [
            *tokens,
            *sorted(f"warns {w}" for w in legacy.warns),
            *sorted(f"raises {r}" for r in legacy.raises),
        ]
    )


def _text_between(lines: list[str], start: tuple[int, int], end: tuple[int, int]) -> str:
    """The source text from one token position (row from 1, column) to another."""
    (row, col), (end_row, end_col) = start, end
    if row == end_row:
        return lines[row - 1][col:end_col]
    return lines[row - 1][col:] + "".join(lines[row : end_row - 1]) + lines[end_row - 1][:end_col]


def _normalized(output: str) -> str:
    return "\n".join(line.rstrip() for line in output.splitlines()).rstrip("\n")


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def all_snippets(root: Path, snippets_dir: str = SNIPPETS_DIR) -> list[Snippet]:
    """Every snippet script under ``root / snippets_dir``, sorted by name."""
    base = Path(root) / snippets_dir
    scripts = sorted(
        p
        for p in base.rglob(f"*{SOURCE_SUFFIX}")
        if "." not in p.stem  # not a variant (<name>.zh.py) nor anything else dotted
    )
    return [Snippet.at(root, p.relative_to(root).as_posix(), snippets_dir) for p in scripts]


def owner(
    root: Path, file: str | PurePosixPath, snippets_dir: str = SNIPPETS_DIR
) -> Snippet | None:
    """The snippet a file belongs to (its script, output, figure or comments), or None."""
    path = PurePosixPath(file)
    if not path.parts or path.parts[0] != snippets_dir:
        return None
    stem = path.name.split(".", 1)[0]
    rest = path.name[len(stem) :]
    if rest != SOURCE_SUFFIX and not _PART_RE.match(rest):
        return None
    return Snippet.at(root, path.with_name(stem + SOURCE_SUFFIX), snippets_dir)
