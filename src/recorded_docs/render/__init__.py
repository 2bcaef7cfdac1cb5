"""The page pipeline: a page's source → the finished Markdown a site generator renders.

:func:`render_page` is a pure function of the page and a :class:`Context` (the site's
recordings, its compat data, the options): no MkDocs, no Markdown extensions, so it is
tested without running a build and any generator that reads Markdown can render its
result (``python -m recorded_docs render OUT_DIR`` writes every finished page). The
steps, in this order, on the page scanned once:

1. **includes** expanded (:mod:`recorded_docs.includes`); on a page whose language shows
   translated comments, a snippet's code is its variant (:mod:`recorded_docs.comments`);
2. **output blocks** as tabs (CPU / CUDA), folds and no-CUDA notes
   (:func:`recorded_docs.render.recorded.output_block`);
3. **compat lines** after each snippet's last block, the compat table and the site range
   (:mod:`recorded_docs.render.compat_lines`);
4. **figures**: figure lines become ``<figure>`` HTML (:mod:`recorded_docs.render.figures`);
5. **the recorded-with note** under the title (:func:`recorded_docs.render.recorded.recorded_note`).

Every step reads the page as written (the one scan), so none depends on what another
wrote. What Markdown cannot express stays one HTML step, after rendering:
:func:`recorded_docs.render.html.link_titles`.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field
from pathlib import Path

from recorded_docs import comments
from recorded_docs.compat import data as compat
from recorded_docs.includes import IncludeError, Includes
from recorded_docs.pages import Layout, Page
from recorded_docs.render import compat_lines, figures, recorded
from recorded_docs.scan import INCLUDE_RE, OUTPUT_SUFFIX, PageError

H1_RE = re.compile(r"^# .*$")
FOLD_AT = 20


@dataclass
class Context:
    """What the pipeline needs beyond the page: the site's data and options."""

    layout: Layout
    manifest: dict
    compat: dict | None = None
    # Today's snippets and their fingerprints (recorded_docs.snippet): compat results
    # about other files are "not yet checked". None: every result counts as current.
    fingerprints: dict[str, dict[str, str]] | None = None
    fold_at: int = FOLD_AT
    comment_languages: tuple[str, ...] = ("zh",)
    directory_urls: bool = True
    # Pages in reading order (the nav), relative to a language folder; None: sorted.
    nav: list[str] | None = None
    # The site's pages as the caller scanned them (each page is scanned once).
    site: object | None = None
    warnings: list[str] = field(default_factory=list)

    @classmethod
    def load(
        cls, layout: Layout, fingerprints: dict[str, dict[str, str]] | None = None, **options
    ) -> Context:
        """The site's data; ``fingerprints``: today's, where the caller has them already."""
        from recorded_docs import manifest

        try:
            data = compat.load(layout.root)
        except compat.DataError as err:
            raise PageError(str(err)) from None
        return cls(
            layout,
            manifest.load(layout.root),
            data,
            compat.fingerprints(layout.root) if fingerprints is None else fingerprints,
            **options,
        )

    @property
    def unchecked(self) -> list[str]:
        """Today's snippets the compat data does not cover as they are now."""
        if self.fingerprints is None:
            return []
        return compat.checked_names(self.compat, self.fingerprints)[1]

    @property
    def checked(self) -> list[str] | None:
        if self.fingerprints is None:
            return None
        return compat.checked_names(self.compat, self.fingerprints)[0]

    def groups(self, lang: str) -> list[tuple[str, list[str]]]:
        """[(page title, its snippets)] in reading order, each snippet under the first
        page that shows it: how the compat matrix groups its rows."""
        from recorded_docs.pages import Site

        site = self.site if self.site is not None else Site(self.layout)
        order = self.nav or [p.as_posix() for p in self.layout.page_files(lang)]
        seen: set[str] = set()
        groups = []
        for rel in order:
            rel = rel.removeprefix(f"{lang}/")
            if not (self.layout.docs / lang / rel).exists():
                continue
            page = site.page(lang, rel)
            names = [s.name for s in page.snippets() if s.name not in seen]
            seen.update(names)
            if names:
                groups.append((page_title(page), names))
        rest = sorted(set((self.compat or {}).get("snippets", {})) - seen)
        if rest:
            groups.append(("", rest))
        return groups


def page_title(page: Page) -> str:
    """A page's H1 without its attribute list ({ #id })."""
    for line in page.text.splitlines()[page.body_start :]:
        if H1_RE.match(line):
            return re.sub(r"\s*\{[^}]*\}\s*$", "", line[2:]).strip()
    return page.rel.stem


def page_up(page: Page, default_lang: str, directory_urls: bool = True) -> str:
    """How a page's URL leads up to the site root (``../``, ``../../``), as
    mkdocs-static-i18n lays a folder-per-language site out: the default language at the
    root, the others under ``<lang>/``."""
    parts = [] if page.lang == default_lang else [page.lang]
    stem = page.rel.with_suffix("")
    parts += list(stem.parent.parts)
    if directory_urls and stem.name != "index":
        parts.append(stem.name)
    return "../" * len(parts)


def _variant_reader(page: Page, context: Context):
    """For a page whose language shows translated comments: the variants of snippets."""
    if page.lang not in context.comment_languages:
        return None
    layout = page.layout
    cache: dict[str, str] = {}

    def read(path: str) -> str | None:
        snippet = layout.snippet(path)
        if snippet is None or not snippet.file.exists():
            return None
        if path not in cache:
            cache[path] = comments.zh_source(snippet)
        return cache[path]

    return read


def _expand_fence(page: Page, fence, includes: Includes, warn=None) -> list[str]:
    """A fence's lines, opening and closing included, its includes expanded (unindented
    by the fence's indentation, as pymdownx.superfences reads an indented block)."""
    lines = [page.text.splitlines()[fence.line - 1].removeprefix(fence.indent)]
    for offset, line in enumerate(fence.body, start=1):
        m = INCLUDE_RE.match(line)
        if not m:
            lines.append(
                line.removeprefix(fence.indent)
                if line.startswith(fence.indent)
                else line.lstrip(" \t")
            )
            continue
        target = m["target"]
        if target.endswith(OUTPUT_SUFFIX) and includes.find(target) is None:
            if warn is not None:  # not recorded yet: a strict build fails
                warn(
                    f"{page.where}:{fence.line + offset}: {target} is not recorded (nox -s record)"
                )
            continue
        try:
            expanded = includes.expand_line(line) or []
        except IncludeError as err:
            raise PageError(f"{page.where}:{fence.line + offset}: {err}") from None
        for text in expanded:
            cut = min(len(fence.indent), len(text) - len(text.lstrip(" \t")))
            lines.append(text[cut:])
    lines.append(page.text.splitlines()[fence.end - 1].removeprefix(fence.indent))
    return lines


def render_page(page: Page, context: Context, up: str) -> str:
    """The finished Markdown of a page (front matter kept as written): see the module.

    ``up`` leads from the page's URL to the site root. Problems a strict build must fail
    on (a shown snippet without a recording) are added to ``context.warnings``.
    """
    layout = page.layout
    lang = page.lang
    lines = page.text.splitlines()
    fences = page.fences  # the one scan; PageError names page and line
    reader = _variant_reader(page, context)
    includes = Includes(list(layout.base_paths), layout.check_paths, reader=reader)
    plain = Includes(list(layout.base_paths), layout.check_paths)

    # Per fence: its finished lines (replacing fence.line..fence.end).
    replaced: dict[int, tuple[int, list[str]]] = {}
    last_block: dict[str, object] = {}  # snippet name -> the last fence showing it
    for fence in fences:
        if not fence.targets:
            continue
        body = _expand_fence(
            page,
            fence,
            includes if fence.role != "expected-output" else plain,
            context.warnings.append,
        )
        for target in fence.targets:
            path = target.split(":")[0]
            snippet = layout.snippet(path)
            if snippet is None and path.endswith(OUTPUT_SUFFIX) and not path.endswith(".cuda.out"):
                snippet = layout.snippet(path.removesuffix(OUTPUT_SUFFIX) + ".py")
            if snippet is not None:
                last_block[snippet.name] = fence
        if fence.role == "expected-output" and len(fence.targets) == 1:
            target = fence.targets[0]
            if target.endswith(OUTPUT_SUFFIX) and not target.endswith(".cuda.out"):
                snippet = layout.snippet(target.removesuffix(OUTPUT_SUFFIX) + ".py")
                if snippet is not None and snippet.file.exists():
                    cuda_block = None
                    cuda_target = target.removesuffix(OUTPUT_SUFFIX) + ".cuda.out"
                    if plain.find(cuda_target) is not None:
                        cuda_block = _expand_fence_with(page, fence, plain, target, cuda_target)
                    body = recorded.output_block(
                        body, snippet, context.manifest, lang, context.fold_at, cuda_block
                    )
        replaced[fence.line] = (fence.end, [f"{fence.indent}{x}" if x else "" for x in body])

    notes: dict[int, list[str]] = {}  # after line N: extra lines
    text = compat_lines.TEXT.get(lang, compat_lines.TEXT["en"])
    fingerprints = context.fingerprints
    for name, fence in last_block.items():
        fingerprint = fingerprints.get(name) if fingerprints is not None else None
        note = compat_lines.note_for(name, context.compat, lang, fingerprint)
        notes.setdefault(fence.end, []).extend(
            [
                "",
                f"{fence.indent}{note} · [{text['more']}](compat.md)",
                f"{fence.indent}{{ .compat-note }}",
            ]
        )

    figure_lines: dict[int, str] = {}
    for fence in fences:
        for figure in fence.figures:
            line = lines[figure.line - 1]
            indent = line[: len(line) - len(line.lstrip())]
            pictures = figures.shows_pictures(layout.root, figure.target)
            figure_lines[figure.line] = indent + figures.figure_html(
                figure.alt, figure.target, up, pictures
            )

    shown = page.snippets()
    note = recorded.recorded_note(
        shown,
        context.manifest,
        lang,
        page.rel.stem,
        context.directory_urls,
        warn=context.warnings.append,
        where=str(page.where),
    )

    in_fence = {n for fence in fences for n in range(fence.line, fence.end + 1)}
    out: list[str] = []
    number = 1
    title_done = note is None
    while number <= len(lines):
        if number in replaced:
            end, body = replaced[number]
            out += body
            number = end
        else:
            line = lines[number - 1]
            stripped = line.strip()
            if number in figure_lines:
                line = figure_lines[number]
            elif stripped == compat_lines.TABLE_MARK:
                line = compat_lines.table(
                    context.compat, lang, context.groups(lang), context.unchecked
                )
            elif stripped == compat_lines.RANGE_MARK:
                line = compat_lines.site_line(
                    context.compat, lang, context.unchecked, context.checked
                )
            out.append(line)
            if (
                not title_done
                and number > page.body_start
                and number not in in_fence
                and H1_RE.match(line)
            ):
                out += ["", *note.rstrip("\n").split("\n")]
                title_done = True
        # Notes come after the fence's closing line, before what follows it.
        out += notes.get(number, [])
        number += 1
    if not title_done:  # a page without a title: the note goes first
        head = out[: page.body_start]
        out = [*head, *note.rstrip("\n").split("\n"), "", *out[page.body_start :]]
    return "\n".join(out) + ("\n" if page.text.endswith("\n") else "")


def _expand_fence_with(page: Page, fence, includes: Includes, target: str, other: str) -> list[str]:
    """The fence expanded with ``other`` included where it includes ``target``."""
    swapped = dataclasses.replace(
        fence,
        body=[
            line.replace(f'"{target}"', f'"{other}"').replace(f"'{target}'", f"'{other}'")
            for line in fence.body
        ],
    )
    return _expand_fence(page, swapped, includes)


def body(page: Page, finished: str) -> str:
    """What MkDocs renders: the finished page without its front matter."""
    return "\n".join(finished.split("\n")[page.body_start :])


def write_all(context: Context, out_dir: Path, default_lang: str) -> list[Path]:
    """Write every page's finished Markdown to OUT_DIR/<lang>/<page>.md."""
    from recorded_docs.pages import Site

    written = []
    if context.site is None:
        context.site = Site(context.layout)
    for page in context.site.all_pages():
        up = page_up(page, default_lang, context.directory_urls)
        path = out_dir / page.lang / page.rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(render_page(page, context, up), "utf-8")
        written.append(path)
    return written
