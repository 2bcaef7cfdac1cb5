"""Chinese comments for the snippets: one source of truth for the code.

A snippet ``snippets/<topic>/<name>.py`` is written with English comments. Beside it,
``<name>.zh.yaml`` renders those comments in Chinese, in source order::

    - en: Leaf tensors that autograd should track.
      zh: autograd 要跟踪的叶子节点。
    - en: |-
        Two lines of English
        make one comment unit.
      zh: |-
        两行英文注释
        对应两行中文。

The Chinese variant of the snippet (what Chinese pages, their copy buttons and raw-file
links, and the Chinese notebooks show) is the snippet with only its comment tokens'
text replaced: every other byte of every line stays, so its tokens (comments aside),
its compiled code and its line numbers are the snippet's.

A comment unit is a run of consecutive full-line comments at the same indentation
(their texts after ``# `` joined with newlines), or one trailing comment after code.
Never translated, never listed: ``# legacy: ...`` declarations, pymdownx section
markers (``# --8<-- [start:name]``), pragmas (``# noqa``, ``# type:``, ``# fmt:``,
``# pragma``), a shebang or coding line; each also ends a run. The Chinese text has
as many lines as the English (recorded tracebacks name snippet lines). The same
English text maps to one Chinese text wherever it occurs.

    python -m recorded_docs comments check [PATH ...]    # problems; exit 1 if any
    python -m recorded_docs comments scaffold PATH ...   # write/update <name>.zh.yaml
    python -m recorded_docs comments variant PATH        # print the Chinese variant
    python -m recorded_docs comments stats               # snippets and comment lines covered

PATH is a snippet file or a folder of snippets (default: every snippet). Nothing here
imports torch; reading comments (comment_units) needs only the standard library.
"""

from __future__ import annotations

import ast
import builtins
import io
import json
import keyword
import re
import sys
import tokenize
import types
from dataclasses import dataclass, field
from pathlib import Path

from recorded_docs.snippet import LEGACY_LINE_RE, SECTION_MARKER_RE, Snippet, all_snippets

LANG = "zh"  # the language of the translated comments (their yaml key)
PRAGMA_RE = re.compile(r"^#\s*(noqa\b|type:|fmt:|pragma\b)")
CODING_RE = re.compile(r"^#.*coding[:=]\s*[-\w.]+")
# Identical Chinese and English text is fine for a formula or code (dz/dx = 2x, = w,
# (2, 3) -> (2,), -> float32, x.grad, param -= lr * param.grad), not for English words:
# 3+ letters, not part of an identifier or a dotted name, not a name the snippet's code
# uses, not a Python builtin or keyword.
ENGLISH_WORD_RE = re.compile(r"(?<![\w.])[A-Za-z]{3,}(?![\w.(])")


@dataclass
class Unit:
    """One comment unit: its English text and where its lines are."""

    en: str
    rows: list[int]  # 1-based line numbers
    col: int  # column of the '#'
    trailing: bool  # after code on the same line

    @property
    def line(self) -> int:
        return self.rows[0]


@dataclass
class Entry:
    en: str
    zh: str
    line: int  # line of the entry in the .zh.yaml file


@dataclass
class Translation:
    """A .zh.yaml file, read."""

    path: Path
    entries: list[Entry] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    def mapping(self) -> dict[str, str]:
        return {e.en: e.zh for e in self.entries}


def _tokens(source: str) -> list[tokenize.TokenInfo]:
    return list(tokenize.generate_tokens(io.StringIO(source).readline))


def _excluded(text: str, row: int) -> bool:
    return bool(
        LEGACY_LINE_RE.match(text)
        or SECTION_MARKER_RE.match(text)
        or PRAGMA_RE.match(text)
        or (row == 1 and text.startswith("#!"))
        or (row <= 2 and CODING_RE.match(text))
    )


def _text(comment: str) -> str:
    body = comment[1:]
    return (body[1:] if body.startswith(" ") else body).rstrip()


def comment_units(source: str) -> list[Unit]:
    """The snippet's comment units in source order (read with tokenize: a '#' in a string
    is never a comment)."""
    lines = io.StringIO(source).readlines()
    units: list[Unit] = []
    run: Unit | None = None
    run_texts: list[str] = []

    def close() -> None:
        nonlocal run
        if run is not None:
            run.en = "\n".join(run_texts)
            units.append(run)
        run = None
        run_texts.clear()

    for tok in _tokens(source):
        if tok.type != tokenize.COMMENT:
            continue
        row, col = tok.start
        if _excluded(tok.string, row):
            close()
            continue
        full_line = not lines[row - 1][:col].strip()
        if not full_line:
            close()
            units.append(Unit(_text(tok.string), [row], col, trailing=True))
            continue
        if run is not None and run.rows[-1] == row - 1 and run.col == col:
            run.rows.append(row)
        else:
            close()
            run = Unit("", [row], col, trailing=False)
        run_texts.append(_text(tok.string))
    close()
    return units


# ---- the .zh.yaml file -----------------------------------------------------------


def load(path: Path) -> Translation:
    """Read a .zh.yaml file; format problems are collected, not raised."""
    import yaml  # here: recorded_docs.translations reads comments with the standard library

    result = Translation(path)
    rel = _show(path)
    try:
        text = path.read_text("utf-8")
        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's, where built
        node = yaml.compose(text, Loader=loader)
        data = yaml.load(text, Loader=loader)
    except yaml.YAMLError as err:
        result.problems.append(f"{rel}: not valid YAML: {err}")
        return result
    if data is None:
        return result
    if not isinstance(data, list):
        result.problems.append(f"{rel}: must be a YAML list of entries '- en: ...' / '  zh: ...'")
        return result
    seen: dict[str, Entry] = {}
    for item, item_node in zip(data, node.value, strict=True):
        line = item_node.start_mark.line + 1
        if not isinstance(item, dict) or set(item) != {"en", "zh"}:
            result.problems.append(f"{rel}:{line}: an entry has exactly two keys, en and zh")
            continue
        en, zh = item["en"], item["zh"]
        if not isinstance(en, str) or not (zh is None or isinstance(zh, str)):
            result.problems.append(f"{rel}:{line}: en and zh must be text")
            continue
        entry = Entry(en, zh or "", line)
        if en in seen and seen[en].zh != entry.zh:
            result.problems.append(
                f"{rel}:{line}: this English text is already translated differently at line "
                f"{seen[en].line}; the same English has one Chinese text"
            )
            continue
        seen.setdefault(en, entry)
        result.entries.append(entry)
    return result


def _reads_back(candidate: str, text: str) -> bool:
    import yaml

    try:
        return yaml.safe_load(f"k: {candidate}") == {"k": text}
    except yaml.YAMLError:
        return False


def _scalar(text: str, indent: str) -> str:
    """A YAML scalar for text: plain when safe, a |- block for several lines, else quoted."""
    if "\n" in text:
        body = "\n".join(f"{indent}  {line}" if line else "" for line in text.split("\n"))
        candidate = f"|-\n{body}"
        if _reads_back(candidate.replace(f"\n{indent}", "\n"), text):
            return candidate
    elif text and _reads_back(text, text):
        return text
    return json.dumps(text, ensure_ascii=False)


def dump(entries: list[tuple[str, str]]) -> str:
    out = []
    for en, zh in entries:
        out.append(f"- en: {_scalar(en, '  ')}")
        out.append(f"  zh: {_scalar(zh, '  ')}")
    return "\n".join(out) + "\n" if out else "[]\n"


def scaffold(snippet: Snippet) -> tuple[int, int]:
    """Write or update the snippet's .zh.yaml: its units in source order, keeping the
    translations it has, an empty zh for new ones; entries whose English no longer
    occurs are dropped. Returns (units, still untranslated)."""
    units = comment_units(snippet.file.read_text("utf-8"))
    path = snippet.root / snippet.comments_file(LANG)
    known = load(path).mapping() if path.exists() else {}
    pairs: dict[str, str] = {}
    for unit in units:
        pairs.setdefault(unit.en, known.get(unit.en, ""))
    if pairs or path.exists():
        path.write_text(dump(list(pairs.items())), "utf-8")
    return len(pairs), sum(1 for zh in pairs.values() if not zh)


# ---- checks and the variant ------------------------------------------------------


def _show(path: Path) -> str:
    """A path as the messages print it: from the snippets folder on."""
    parts = path.parts
    for i in range(len(parts) - 1, -1, -1):
        if parts[i] == "snippets":
            return "/".join(parts[i:])
    return str(path)


def _lines(text: str) -> int:
    return text.count("\n") + 1


def _usable(unit: Unit, zh: str | None) -> bool:
    return bool(zh) and _lines(zh) == len(unit.rows) and "\r" not in zh


def _is_code(text: str) -> bool:
    """A comment that is a Python statement with an operator (param -= lr * param.grad)."""
    if not re.search(r"[-+*/=<>()\[\].]", text):
        return False
    try:
        ast.parse(text)
    except SyntaxError:
        return False
    return True


def _code_names(source: str) -> set[str]:
    names = {t.string for t in _tokens(source) if t.type == tokenize.NAME}
    return names | set(dir(builtins)) | set(keyword.kwlist)


def problems(snippet: Snippet) -> list[str]:
    """Everything wrong with a snippet's Chinese comments, one sentence each, naming the
    snippet (or .zh.yaml) file and line."""
    rel = str(snippet)
    source = snippet.file.read_text("utf-8")
    units = comment_units(source)
    path = snippet.root / snippet.comments_file(LANG)
    if not path.exists():
        hint = f"{_show(path)} is missing; run: {SCAFFOLD} {rel}"
        return [
            f"{rel}:{u.line}: comment has no Chinese translation ({hint}): {u.en!r}" for u in units
        ]
    translation = load(path)
    found = list(translation.problems)
    mapping = translation.mapping()
    code_names = _code_names(source)
    for unit in units:
        zh = mapping.get(unit.en)
        where = f"{rel}:{unit.line}"
        if zh is None:
            found.append(
                f"{where}: comment has no Chinese translation in {_show(path)} (new or changed "
                f"English; run: {SCAFFOLD} {rel}): {unit.en!r}"
            )
        elif not zh.strip():
            found.append(f"{where}: the Chinese translation in {_show(path)} is empty: {unit.en!r}")
        elif _lines(zh) != len(unit.rows):
            found.append(
                f"{where}: the Chinese text has {_lines(zh)} line(s), the English comment "
                f"{len(unit.rows)}; they must match so that line numbers do not move: {unit.en!r}"
            )
        elif "\r" in zh:
            found.append(f"{where}: the Chinese text holds a carriage return: {unit.en!r}")
        elif zh == unit.en and not _is_code(zh) and set(ENGLISH_WORD_RE.findall(zh)) - code_names:
            found.append(
                f"{where}: the 'Chinese' text is the English one, untranslated: {unit.en!r}"
            )
    present = {u.en for u in units}
    for entry in translation.entries:
        if entry.en not in present:
            found.append(
                f"{_show(path)}:{entry.line}: stale entry, no comment of {rel} reads "
                f"{entry.en!r} any more (the comment changed or went: update it, or rerun "
                f"{SCAFFOLD} {rel})"
            )
    return found


def variant(source: str, mapping: dict[str, str]) -> str:
    """The source with each translated comment's text replaced, every other byte kept.
    A unit without a usable translation keeps its English."""
    lines = io.StringIO(source).readlines()
    for unit in comment_units(source):
        zh = mapping.get(unit.en)
        if not _usable(unit, zh):
            continue
        for row, text in zip(unit.rows, zh.split("\n"), strict=True):
            line = lines[row - 1]
            body = line[unit.col :]
            end = len(body.rstrip("\r\n"))
            comment = f"# {text.rstrip()}" if text.strip() else "#"
            lines[row - 1] = line[: unit.col] + comment + body[end:]
    return "".join(lines)


def zh_source(snippet: Snippet) -> str:
    """The snippet's Chinese variant (the snippet itself where it has no .zh.yaml)."""
    source = snippet.file.read_text("utf-8")
    path = snippet.root / snippet.comments_file(LANG)
    if not path.exists():
        return source
    return variant(source, load(path).mapping())


def code_tokens(source: str) -> list[tuple]:
    """The token stream without comments, as compared between a snippet and its variant.
    NEWLINE and NL tokens follow a comment, so only their row counts."""
    out = []
    for tok in _tokens(source):
        if tok.type == tokenize.COMMENT:
            continue
        if tok.type in (tokenize.NL, tokenize.NEWLINE):
            out.append((tok.type, tok.start[0]))
        else:
            out.append((tok.type, tok.string, tok.start, tok.end))
    return out


CODE_ATTRS = (
    "co_code",
    "co_names",
    "co_varnames",
    "co_freevars",
    "co_cellvars",
    "co_argcount",
    "co_posonlyargcount",
    "co_kwonlyargcount",
    "co_flags",
    "co_firstlineno",
    "co_name",
    "co_qualname",
    "co_linetable",
    "co_exceptiontable",
)


def code_difference(a: types.CodeType, b: types.CodeType, where: str = "<module>") -> str | None:
    """None when two code objects (and all nested ones) are the same code, else where not."""
    for attr in CODE_ATTRS:
        if getattr(a, attr, None) != getattr(b, attr, None):
            return f"{where}: {attr} differs"
    if list(a.co_positions()) != list(b.co_positions()):
        return f"{where}: positions differ"
    if len(a.co_consts) != len(b.co_consts):
        return f"{where}: constants differ"
    for x, y in zip(a.co_consts, b.co_consts, strict=True):
        if isinstance(x, types.CodeType) and isinstance(y, types.CodeType):
            if problem := code_difference(x, y, f"{where}.{x.co_name}"):
                return problem
        elif type(x) is not type(y) or x != y:
            if not (x != x and y != y):  # nan
                return f"{where}: constant {x!r} differs from {y!r}"
    return None


# ---- the command line ------------------------------------------------------------

SCAFFOLD = "python -m recorded_docs comments scaffold"


def snippet_files(root: Path, paths: list[str]) -> list[Snippet]:
    """The snippets named (files or folders, relative to root); all of them by default."""
    if not paths:
        return all_snippets(root)
    found: dict[str, Snippet] = {}
    for p in map(Path, paths):
        p = (p if p.is_absolute() else root / p).resolve()
        for snippet in all_snippets(root):
            if snippet.file.resolve() == p or p in snippet.file.resolve().parents:
                found[snippet.name] = snippet
    return sorted(found.values(), key=lambda s: s.path)


def stats(snippets: list[Snippet]) -> tuple[int, int, int]:
    """(snippets with comments, comment units, comment lines)."""
    count = units = lines = 0
    for snippet in snippets:
        found = comment_units(snippet.file.read_text("utf-8"))
        count += bool(found)
        units += len(found)
        lines += sum(len(u.rows) for u in found)
    return count, units, lines


def main(argv: list[str], root: Path | None = None) -> int:
    root = root or Path.cwd()
    if not argv or argv[0] not in ("check", "scaffold", "variant", "stats"):
        print(__doc__)
        return 2
    command, args = argv[0], argv[1:]
    files = snippet_files(root, args)
    if args and not files:
        print(f"no snippet at {' '.join(args)}")
        return 2
    if command == "check":
        found = [p for f in files for p in problems(f)]
        print("\n".join(found) if found else f"{len(files)} snippets: every comment has Chinese")
        return 1 if found else 0
    if command == "scaffold":
        if not args:
            print("scaffold needs a snippet file or folder")
            return 2
        for f in files:
            count, empty = scaffold(f)
            if count:
                print(f"{f.comments_file(LANG)}: {count} entries, {empty} to translate")
        return 0
    if command == "variant":
        for f in files:
            sys.stdout.write(zh_source(f))
        return 0
    snippets, units, lines = stats(files)
    print(f"{snippets} snippets with comments: {units} comment units, {lines} comment lines")
    return 0
