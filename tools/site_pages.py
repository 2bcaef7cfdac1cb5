"""Read the site's pages the way a reader sees them.

A page includes snippet files with pymdownx.snippets (``--8<-- "snippets/..."``).
This module expands those includes with pymdownx's own preprocessor (configured
exactly as in ``mkdocs.yml``), then hands the expanded text to pytest-codeblocks'
parser, so the code we execute is the code a reader sees, and the expected output
is the output block the page shows.

It also knows the site's structure rules (both languages, same snippets in the
same order, no inline Python, every snippet shown) and reports breaks of them as
plain sentences that name the file and line.

Nothing here imports torch.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import markdown
import yaml
from pymdownx.snippets import SnippetMissingError

from tools.manifest import load as load_manifest

LANGUAGES = ("zh", "en")
SNIPPETS_DIR = "snippets"
OUTPUT_SUFFIX = ".out"
CUDA_OUTPUT_SUFFIX = ".cuda.out"
# A snippet that mentions cuda picks its device itself (cuda when present): it is
# recorded once per device. Every other snippet runs the same everywhere.
USES_DEVICE_RE = re.compile(r"\bcuda\b")
INCLUDE_RE = re.compile(r"""^\s*-+8<-+\s+(["'])(?P<target>.+?)\1\s*$""")
MARKER_RE = re.compile(r"^<!--[-\s]*pytest-codeblocks:\s*([\w-]+)\s*-->$")
SECTION_MARKER_RE = re.compile(r"^\s*#\s*-+8<-+\s+\[\s*(start|end)\s*:[^\]]*\]\s*$")


ANCHOR_RE = re.compile(r"^#{1,6} .*\{\s*#([\w-]+)\s*\}\s*$", re.MULTILINE)
ADMONITION_RE = re.compile(r"^\s*(?:!!!|\?\?\?\+?)\s*([\w-]+)", re.MULTILINE)


def heading_anchors(page: Path) -> list[str]:
    """Explicit heading ids ({ #anchor }) in order; both languages must share them."""
    return ANCHOR_RE.findall(page.read_text("utf-8"))


def admonitions(page: Path) -> list[str]:
    """Admonition types (note, tip, warning, …) in order."""
    return ADMONITION_RE.findall(page.read_text("utf-8"))


class SiteError(Exception):
    """A page or snippet breaks a rule; the message names the file."""


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
class Block:
    """A fenced block of a page after include expansion."""

    syntax: str
    code: str
    expected: str | None
    at: Location
    sources: list[str]  # include targets whose lines make up the block
    inline_lines: int  # non-blank lines typed into the page itself
    output_sources: list[str]  # include targets of its output block


@dataclass
class RawFence:
    """A fence of the raw page, before include expansion."""

    line: int
    ticks: str
    info: str
    role: str | None  # "cont" or "expected-output" when a pytest-codeblocks marker precedes it
    targets: list[str] = field(default_factory=list)
    inline_lines: int = 0
    end: int = 0  # the closing fence's line


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

    def raw_fences(self, page: Path) -> list[RawFence]:
        """Fences of the raw page with their include targets and the marker before them."""
        fences, role, current = [], None, None
        for number, line in enumerate(page.read_text("utf-8").splitlines(), start=1):
            stripped = line.strip()
            if current is not None:
                if stripped.startswith(current.ticks) and not stripped.strip("`"):
                    current.end = number
                    fences.append(current)
                    current = None
                elif m := INCLUDE_RE.match(line):
                    current.targets.append(m["target"])
                elif stripped:
                    current.inline_lines += 1
                continue
            if m := MARKER_RE.match(stripped):
                role = m[1]
            elif stripped.startswith("```"):
                ticks = stripped[: len(stripped) - len(stripped.lstrip("`"))]
                current = RawFence(number, ticks, stripped[len(ticks) :], role)
                role = None
            elif stripped and not stripped.startswith("<!--"):
                role = None
        return fences

    def blocks(self, page: Path) -> list[Block]:
        """The page's code blocks as pytest-codeblocks reads them after include expansion."""
        # Imported here so that the site build (tools/notebooks.py) needs no pytest.
        from pytest_codeblocks.main import extract_from_buffer

        raw = page.read_text("utf-8").splitlines()
        expanded: list[str] = []
        page_line: list[int] = []
        for number, line in enumerate(raw, start=1):
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
                        raise SiteError(f"{self.rel(page)}:{number}: {err}") from None
            expanded.extend(lines)
            page_line.extend(number for _ in lines)

        fences = self.raw_fences(page)
        by_line = {f.line: i for i, f in enumerate(fences)}
        blocks = []
        text = "\n".join(expanded) + "\n"
        for cb in extract_from_buffer(io.StringIO(text), max_num_lines=10**6):
            i = by_line[page_line[cb.lineno - 1]]
            shown = [fences[i]]
            # pytest-codeblocks appends continued blocks and takes the output block
            # that follows; collect their raw fences the same way.
            j = i + 1
            while j < len(fences) and fences[j].role == "cont":
                shown.append(fences[j])
                j += 1
            output = fences[j] if j < len(fences) and fences[j].role == "expected-output" else None
            blocks.append(
                Block(
                    syntax=cb.syntax.split(" ")[0].strip("{}. ") if cb.syntax else "",
                    code=cb.code,
                    expected=cb.expected_output,
                    at=Location(self.rel(page), fences[i].line),
                    sources=[t for f in shown for t in f.targets],
                    inline_lines=sum(f.inline_lines for f in shown),
                    output_sources=output.targets if output else [],
                )
            )
        return blocks

    def includes(self, page: Path) -> list[str]:
        """Snippet include targets of a page, in order, read from the raw markdown."""
        out = []
        for line in page.read_text("utf-8").splitlines():
            m = INCLUDE_RE.match(line)
            if m:
                out.append(m["target"])
        return out

    # ---- examples ----------------------------------------------------------

    @cached_property
    def _scan(self) -> tuple[list[Example], list[str]]:
        examples: dict[Path, Example] = {}
        problems: list[str] = []
        for lang in LANGUAGES:
            for rel_page in self.pages(lang):
                page = self.docs / lang / rel_page
                try:
                    blocks = self.blocks(page)
                except SiteError as err:
                    problems.append(str(err))
                    continue
                for block in blocks:
                    if block.syntax != "python":
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
                    ex.shown_on.append(block.at)
        return sorted(examples.values(), key=lambda e: e.snippet), problems

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
        return self._scan[0]

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
            cuda_file = Path(SNIPPETS_DIR) / Path(name).with_suffix(CUDA_OUTPUT_SUFFIX)
            if "cuda" in devices and not (self.root / cuda_file).exists():
                problems.append(
                    f"snippets/manifest.json lists a CUDA recording of {name}, "
                    f"but {cuda_file} is missing"
                )
        for ex in self.examples():
            if ex.expected is not None and not (self.root / ex.output_file).exists():
                problems.append(f"{ex.output_file} is missing (shown on {ex.pages()})")
        return problems
