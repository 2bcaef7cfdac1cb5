"""Read the site's pages the way a reader sees them.

A page includes snippet files with pymdownx.snippets (``--8<-- "snippets/..."``).
This module finds the page's fenced blocks with one scanner (:func:`scan_page`,
used by the tests, the structure rules and the notebooks alike), reads the
pytest-codeblocks markers before them (``<!--pytest-codeblocks:expected-output-->``,
``<!--pytest-codeblocks:cont-->``: the only two this site uses), and expands the
blocks' includes with pymdownx's own preprocessor (configured exactly as in
``mkdocs.yml``), so the code we execute is the code a reader sees, and the
expected output is the output block the page shows.

A malformed page (a block never closed, a marker with no block after it, an output
block whose code block is gone, an include of a missing file) is a :class:`PageError`
whose one-line message names the page and the line.

It also knows the site's structure rules (both languages, same snippets in the
same order, no inline Python, every snippet shown) and reports breaks of them as
plain sentences that name the file and line.

Nothing here imports torch.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import markdown
import yaml
from pymdownx.snippets import SnippetMissingError

from tools.figures import FIGURE_RE, figure_files, recorded_figures
from tools.manifest import load as load_manifest

LANGUAGES = ("zh", "en")
SNIPPETS_DIR = "snippets"
OUTPUT_SUFFIX = ".out"
CUDA_OUTPUT_SUFFIX = ".cuda.out"
# A snippet that mentions cuda picks its device itself (cuda when present): it is
# recorded once per device. Every other snippet runs the same everywhere.
USES_DEVICE_RE = re.compile(r"\bcuda\b")
INCLUDE_RE = re.compile(r"""^\s*-+8<-+\s+(["'])(?P<target>.+?)\1\s*$""")
# Any pytest-codeblocks marker line (pytest-codeblocks' own pattern, on the stripped line).
MARKER_RE = re.compile(r"^<!--[-\s]*pytest-codeblocks:(.*?)[-\s]*-->$")
PYTEST_MARK_RE = re.compile(r"^<!--[-\s]*pytest\.mark\..*-->$")
ROLES = ("cont", "expected-output")
# An opening fence: three or more backticks or tildes (superfences), any indentation.
FENCE_RE = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})(?P<info>.*)$")
# A recorded figure, on a line of its own after its snippet's code (and output) block:
# ![alt text in the page's language](figure:snippets/<topic>/<name>.fig1.svg)
FIGURE_LINE_RE = re.compile(r"^\s*!\[(?P<alt>[^\]]*)\]\(figure:(?P<target>[^)\s]+)\)\s*$")
FIGURE_PREFIX = "figure:"
SECTION_MARKER_RE = re.compile(r"^\s*#\s*-+8<-+\s+\[\s*(start|end)\s*:[^\]]*\]\s*$")


ANCHOR_RE = re.compile(r"^#{1,6} .*\{\s*#([\w-]+)\s*\}\s*$", re.MULTILINE)
ADMONITION_RE = re.compile(r"^\s*(?:!!!|\?\?\?\+?)\s*([\w-]+)", re.MULTILINE)


try:  # In the site build, a PluginError stops mkdocs with our one-line message.
    from mkdocs.exceptions import PluginError as _ErrorBase
except ImportError:  # pragma: no cover - mkdocs is in every dependency group
    _ErrorBase = Exception


class SiteError(_ErrorBase):
    """A page or snippet breaks a rule; the message names the file."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class PageError(SiteError):
    """A page's markdown is malformed; the message names the page and line."""


def _prose(page: Path) -> str:
    """The page without its fenced blocks (all of it when the page is malformed)."""
    text = page.read_text("utf-8")
    try:
        fences = scan_page(text, page.name)
    except PageError:
        return text
    lines = text.splitlines()
    for fence in reversed(fences):
        del lines[fence.line - 1 : fence.end]
    return "\n".join(lines)


def heading_anchors(page: Path) -> list[str]:
    """Explicit heading ids ({ #anchor }) in order; both languages must share them."""
    return ANCHOR_RE.findall(_prose(page))


def admonitions(page: Path) -> list[str]:
    """Admonition types (note, tip, warning, …) in order."""
    return ADMONITION_RE.findall(_prose(page))


@dataclass(frozen=True)
class Location:
    path: Path  # relative to the site root
    line: int

    def __str__(self) -> str:
        return f"{self.path}:{self.line}"


@dataclass
class Example:
    """One snippet file as the pages show it: its code and its recorded output."""

    snippet: Path  # relative to the site root, e.g. snippets/autograd/scalar_backward.py
    code: str  # the code as shown (sections joined), with includes expanded
    expected: str | None  # the output block as shown, None when the page shows none
    shown_on: list[Location] = field(default_factory=list)
    figures: list[str] = field(default_factory=list)  # figure targets shown after it

    @property
    def name(self) -> str:
        return self.snippet.relative_to(SNIPPETS_DIR).as_posix()

    @property
    def output_file(self) -> Path:
        return self.snippet.with_suffix(OUTPUT_SUFFIX)

    @property
    def cuda_output_file(self) -> Path:
        return self.snippet.with_suffix(CUDA_OUTPUT_SUFFIX)

    def uses_device(self, root: Path) -> bool:
        return bool(USES_DEVICE_RE.search((root / self.snippet).read_text("utf-8")))

    def pages(self) -> str:
        return ", ".join(str(loc) for loc in self.shown_on)


@dataclass
class Figure:
    """A recorded figure a page shows: ``![alt](figure:snippets/t/name.fig1.svg)``."""

    line: int
    alt: str
    target: str  # snippets/<topic>/<name>.fig<N>.svg


@dataclass
class Block:
    """A fenced block of a page after include expansion."""

    syntax: str
    code: str
    expected: str | None
    at: Location
    sources: list[str]  # include targets whose lines make up the block
    inline_lines: int  # non-blank lines typed into the page itself
    output_sources: list[str]  # include targets of its output block
    figures: list[Figure] = field(default_factory=list)  # figure lines after it


@dataclass
class Fence:
    """A fenced block of the raw page, before include expansion."""

    line: int  # the opening fence's line
    ticks: str  # the fence itself, e.g. ``` or ~~~~
    info: str  # what follows it: python title="...", { .text ... }
    role: str | None  # "cont" or "expected-output" when a pytest-codeblocks marker precedes it
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


def _marker(keyword: str) -> str:
    return f"<!--pytest-codeblocks:{keyword}-->"


def scan_page(text: str, where: str | Path) -> list[Fence]:
    """The page's fenced blocks, with the marker before each. The one fence scanner.

    Fences follow CommonMark as pymdownx.superfences reads them: three or more
    backticks or tildes, any indentation, closed by a line of at least as many of
    the same character and nothing else. Raises :class:`PageError` (``where:line:
    what``) on a block that is never closed, a marker that no block follows, an
    unknown marker, and an output block with no code block before it.
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
            char, size = m["fence"][0], len(m["fence"])
            j = i + 1
            while j < len(lines):
                closing = lines[j].strip()
                if len(closing) >= size and closing == char * len(closing):
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
                    f"{where}:{number}: {_marker(keyword)} is not used on this site "
                    f"(only {_marker('expected-output')} and {_marker('cont')})"
                )
            if role is not None:
                raise PageError(
                    f"{where}:{role_line}: {_marker(role)} is followed by another marker "
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
                "snippets run through tests/test_snippets.py"
            )
        elif stripped and not stripped.startswith("<!--") and role is not None:
            raise PageError(
                f"{where}:{role_line}: {_marker(role)} must come right before a code block, "
                f"but line {number} comes first"
            )
        i += 1
    if role is not None:
        raise PageError(f"{where}:{role_line}: {_marker(role)} is followed by no code block")
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
                    f"{where}:{fence.marker_line}: {_marker(fence.role)} marks {what} "
                    f"(line {fence.line}) but no code block comes before it"
                )
            if previous.role == "expected-output":
                raise PageError(
                    f"{where}:{fence.marker_line}: {_marker(fence.role)} marks {what} "
                    f"(line {fence.line}) that follows an output block (line {previous.line}), "
                    "not a code block: was its code block deleted?"
                )
            if fence.role == "expected-output" and previous.syntax != "python":
                raise PageError(
                    f"{where}:{fence.marker_line}: {_marker(fence.role)} marks an output block "
                    f"(line {fence.line}) after a {previous.syntax or 'plain'} block "
                    f"(line {previous.line}), not after the python block it belongs to"
                )
        elif outputs:
            raise PageError(
                f"{where}:{fence.line}: this block shows a recorded output ({outputs[0]}) but "
                f"has no {_marker('expected-output')} marker and code block before it"
            )
        previous = fence


def _yaml_loader(config_dir: Path) -> type[yaml.SafeLoader]:
    """A YAML loader that understands the tags mkdocs.yml uses."""

    class Loader(yaml.SafeLoader):
        pass

    def relative(loader, node):
        value = loader.construct_scalar(node) or ""
        for var in ("$config_dir",):
            if value.startswith(var):
                return str(config_dir / value[len(var) :].lstrip("/"))
        return str(config_dir / value)

    Loader.add_constructor("!relative", relative)
    Loader.add_constructor("!ENV", lambda loader, node: None)
    Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: suffix)
    return Loader


def snippet_extension_config(root: Path) -> dict:
    """pymdownx.snippets' options as mkdocs.yml sets them."""
    config_file = root / "mkdocs.yml"
    config = yaml.load(config_file.read_text("utf-8"), Loader=_yaml_loader(root))
    for ext in config.get("markdown_extensions", []):
        if isinstance(ext, dict) and "pymdownx.snippets" in ext:
            options = dict(ext["pymdownx.snippets"] or {})
            options.setdefault("base_path", [str(root)])
            return options
    raise SiteError(f"{config_file}: markdown_extensions has no pymdownx.snippets entry")


class Site:
    """The pages and snippets under one site root (the folder with mkdocs.yml)."""

    def __init__(self, root: Path):
        self.root = Path(root).resolve()
        self.docs = self.root / "docs"
        self._md = markdown.Markdown(
            extensions=["pymdownx.snippets"],
            extension_configs={"pymdownx.snippets": snippet_extension_config(self.root)},
        )
        self._includes = self._md.preprocessors["snippet"]

    # ---- pages -------------------------------------------------------------

    def pages(self, lang: str) -> list[Path]:
        """Page paths relative to docs/<lang>/, sorted."""
        base = self.docs / lang
        return sorted(p.relative_to(base) for p in base.rglob("*.md"))

    def rel(self, path: Path) -> Path:
        return path.resolve().relative_to(self.root)

    def raw_fences(self, page: Path) -> list[Fence]:
        """The page's fenced blocks (:func:`scan_page`); PageError names page and line."""
        return scan_page(page.read_text("utf-8"), self.rel(page))

    def _expand(self, page: Path, fence: Fence) -> str:
        """A fence's content with its includes expanded, as the reader sees it."""
        out: list[str] = []
        for offset, line in enumerate(fence.body, start=1):
            lines = [line]
            if m := INCLUDE_RE.match(line):
                target = Path(m["target"])
                if target.suffix == OUTPUT_SUFFIX and not (self.root / target).exists():
                    # Not recorded yet: show nothing, so that `nox -s record` can run
                    # the snippet; structure_problems() reports the missing file.
                    lines = []
                else:
                    try:
                        lines = self._includes.run([line])
                    except SnippetMissingError as err:
                        raise PageError(f"{self.rel(page)}:{fence.line + offset}: {err}") from None
            for expanded in lines:
                # Inside an indented fence, drop (at most) the fence's indentation.
                cut = min(len(fence.indent), len(expanded) - len(expanded.lstrip(" \t")))
                out.append(expanded[cut:] + "\n")
        return "".join(out)

    def blocks(self, page: Path) -> list[Block]:
        """The page's code blocks with their includes expanded, continued blocks joined
        and each with the output block that follows it."""
        blocks: list[Block] = []
        for fence in self.raw_fences(page):
            if fence.role == "cont":
                block = blocks[-1]
                block.figures += fence.figures
                block.code += self._expand(page, fence)
                block.sources += fence.targets
                block.inline_lines += fence.inline_lines
            elif fence.role == "expected-output":
                blocks[-1].expected = self._expand(page, fence)
                blocks[-1].output_sources = fence.targets
                blocks[-1].figures += fence.figures
            else:
                blocks.append(
                    Block(
                        syntax=fence.syntax,
                        code=self._expand(page, fence),
                        expected=None,
                        at=Location(self.rel(page), fence.line),
                        sources=list(fence.targets),
                        inline_lines=fence.inline_lines,
                        output_sources=[],
                        figures=list(fence.figures),
                    )
                )
        return blocks

    def includes(self, page: Path) -> list[str]:
        """Snippet include targets of a page's blocks, in order."""
        try:
            fences = self.raw_fences(page)
        except PageError:  # reported by examples(); compare what can be read
            return [
                m["target"]
                for line in page.read_text("utf-8").splitlines()
                if (m := INCLUDE_RE.match(line))
            ]
        return [target for fence in fences for target in fence.targets]

    def figures(self, page: Path) -> list[str]:
        """Figure targets a page shows, in order."""
        try:
            fences = self.raw_fences(page)
        except PageError:
            return []
        return [figure.target for fence in fences for figure in fence.figures]

    # ---- examples ----------------------------------------------------------

    @cached_property
    def _scan(self) -> tuple[list[Example], list[str], list[str]]:
        examples: dict[Path, Example] = {}
        problems: list[str] = []
        page_errors: list[str] = []
        for lang in LANGUAGES:
            for rel_page in self.pages(lang):
                page = self.docs / lang / rel_page
                try:
                    blocks = self.blocks(page)
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
                    problem = self._check_block(block)
                    if problem:
                        problems.append(problem)
                        continue
                    snippet = Path(block.sources[0].split(":")[0])
                    ex = examples.get(snippet)
                    if ex is None:
                        ex = examples[snippet] = Example(snippet, block.code, block.expected)
                    elif (ex.expected is None) != (block.expected is None):
                        problems.append(
                            f"{block.at}: {snippet} is shown with an output block on one page "
                            f"and without one on another ({ex.pages()})"
                        )
                    if not ex.shown_on:
                        ex.figures = [figure.target for figure in block.figures]
                    ex.shown_on.append(block.at)
        return sorted(examples.values(), key=lambda e: e.snippet), problems, page_errors

    def _check_block(self, block: Block) -> str | None:
        if block.inline_lines or not block.sources:
            return (
                f"{block.at}: a python block must only include a snippet file "
                f'(--8<-- "snippets/<topic>/<name>.py"), not inline code'
            )
        files = {s.split(":")[0] for s in block.sources}
        if len(files) != 1:
            return f"{block.at}: one python block shows one snippet file, this one shows {sorted(files)}"
        snippet = Path(files.pop())
        if snippet.suffix != ".py" or snippet.parts[0] != SNIPPETS_DIR:
            return f"{block.at}: python blocks include files under {SNIPPETS_DIR}/, not {snippet}"
        output = snippet.with_suffix(OUTPUT_SUFFIX).as_posix()
        if block.expected is not None and block.output_sources != [output]:
            return (
                f"{block.at}: the output block of {snippet} must include {output} and nothing else"
            )
        expected_figures = [
            figure_files(snippet, n)[0].as_posix() for n in range(1, len(block.figures) + 1)
        ]
        for figure, want in zip(block.figures, expected_figures, strict=True):
            where = f"{block.at.path}:{figure.line}"
            if figure.target != want:
                return (
                    f"{where}: shows {figure.target} after {snippet}; the figures after a "
                    f"snippet are its own, in order: {', '.join(expected_figures)}"
                )
            if not figure.alt:
                return f"{where}: {figure.target} has no alt text: ![what it shows](...)"
        full = (self.root / snippet).read_text("utf-8")
        shown = block.code.rstrip("\n")
        whole = "\n".join(
            line for line in full.splitlines() if not SECTION_MARKER_RE.match(line)
        ).rstrip("\n")
        if shown != whole:
            return (
                f"{block.at}: the page shows only part of {snippet}; its sections must add up to "
                f"the whole file, so that what runs is what a reader sees"
            )
        return None

    def examples(self) -> list[Example]:
        """Every snippet the pages show (pages that cannot be read: page_errors())."""
        return self._scan[0]

    def page_errors(self) -> list[str]:
        """Pages that cannot be read (malformed markdown, a missing include), one line each."""
        return self._scan[2]

    def structure_problems(self) -> list[str]:
        """Every break of the site's structure rules, one sentence each."""
        problems = list(self._scan[1])
        zh, en = set(self.pages("zh")), set(self.pages("en"))
        for missing_lang, present, missing in (("en", zh, en), ("zh", en, zh)):
            for page in sorted(present - missing):
                other = "zh" if missing_lang == "en" else "en"
                problems.append(
                    f"docs/{other}/{page.as_posix()} has no translation: "
                    f"docs/{missing_lang}/{page.as_posix()} is missing"
                )
        for page in sorted(zh & en):
            zh_page, en_page = self.docs / "zh" / page, self.docs / "en" / page
            for what, read in (
                ("snippets", self.includes),
                ("heading anchors", heading_anchors),
                ("admonitions", admonitions),
                ("figures", self.figures),
            ):
                a, b = read(zh_page), read(en_page)
                if a != b:
                    problems.append(
                        f"docs/zh/{page.as_posix()} and docs/en/{page.as_posix()} have different "
                        f"{what} (or in another order):\n  zh: {a}\n  en: {b}"
                    )
        shown = {ex.snippet for ex in self.examples()}
        for snippet in sorted((self.root / SNIPPETS_DIR).rglob("*.py")):
            rel = self.rel(snippet)
            if rel not in shown:
                problems.append(f"{rel} is not included by any page")
        recordings = load_manifest(self.root)
        for output in sorted((self.root / SNIPPETS_DIR).rglob(f"*{OUTPUT_SUFFIX}")):
            snippet = output.with_name(output.name.split(".")[0] + ".py")
            if not snippet.exists():
                problems.append(f"{self.rel(output)} has no snippet {snippet.name}")
            elif output.name.endswith(CUDA_OUTPUT_SUFFIX):
                name = self.rel(snippet).relative_to(SNIPPETS_DIR).as_posix()
                if not USES_DEVICE_RE.search(snippet.read_text("utf-8")):
                    problems.append(
                        f"{self.rel(output)}: {snippet.name} does not use a device, so it "
                        "needs no CUDA recording"
                    )
                elif "cuda" not in recordings.get(name, {}):
                    problems.append(
                        f"{self.rel(output)} has no 'cuda' entry for {name} in "
                        "snippets/manifest.json (record it with: nox -s record -- --device cuda)"
                    )
        for name, devices in sorted(recordings.items()):
            if not (self.root / SNIPPETS_DIR / name).exists():
                problems.append(
                    f"snippets/manifest.json has an entry for {name}, which no longer exists: "
                    "remove the entry"
                )
                continue
            cuda_file = Path(SNIPPETS_DIR) / Path(name).with_suffix(CUDA_OUTPUT_SUFFIX)
            if "cuda" in devices and not (self.root / cuda_file).exists():
                problems.append(
                    f"snippets/manifest.json lists a CUDA recording of {name}, "
                    f"but {cuda_file} is missing"
                )
        for ex in self.examples():
            if ex.expected is not None and not (self.root / ex.output_file).exists():
                problems.append(f"{ex.output_file} is missing (shown on {ex.pages()})")
            problems += self._figure_problems(ex)
        for path in sorted((self.root / SNIPPETS_DIR).rglob("*.fig*.*")):
            m = FIGURE_RE.search(path.name)
            if m and not path.with_name(path.name[: m.start()] + ".py").exists():
                problems.append(f"{self.rel(path)} has no snippet {path.name[: m.start()]}.py")
        return problems

    def _figure_problems(self, ex: Example) -> list[str]:
        """Every recorded figure is shown (both files there); no page shows one that is not."""
        problems = []
        recorded = recorded_figures(self.root, ex.snippet)
        shown = len(ex.figures)
        for number in recorded:
            svg, data = figure_files(ex.snippet, number)
            for path in (svg, data):
                if not (self.root / path).exists():
                    problems.append(
                        f"{path} is missing (figure {number} of {ex.snippet}): record it with "
                        f"nox -s record -- -k {ex.snippet.stem}"
                    )
            if number > shown:
                problems.append(
                    f"{svg} is recorded but not shown: after the code (and output) block of "
                    f"{ex.snippet} on {ex.pages()}, add a line "
                    f"![alt text]({FIGURE_PREFIX}{svg.as_posix()})"
                )
        for number in range(1, shown + 1):
            if number not in recorded:
                problems.append(
                    f"{ex.pages()}: shows {ex.figures[number - 1]}, which is not recorded "
                    f"(nox -s record -- -k {ex.snippet.stem} records what the snippet draws)"
                )
        return problems
