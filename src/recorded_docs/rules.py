"""The per-block rules: what a python block of a page may be.

* it only includes one snippet file under the snippets folder, no inline code;
* its sections add up to the whole file, so what runs is what a reader sees;
* its output block includes the snippet's ``.out`` and nothing else;
* the figures after it are its own recorded figures, in order, each with alt text.

Each break is one sentence naming the page and line.
"""

from __future__ import annotations

from pathlib import PurePosixPath

from recorded_docs.pages import Block, Layout
from recorded_docs.snippet import without_sections


def check_block(block: Block, layout: Layout) -> str | None:
    """The first rule a python block breaks, as a sentence, or None."""
    snippets_dir = layout.snippets_dir
    if block.inline_lines or not block.sources:
        return (
            f"{block.at}: a python block must only include a snippet file "
            f'(--8<-- "{snippets_dir}/<topic>/<name>.py"), not inline code'
        )
    files = {s.split(":")[0] for s in block.sources}
    if len(files) != 1:
        return (
            f"{block.at}: one python block shows one snippet file, this one shows {sorted(files)}"
        )
    path = PurePosixPath(files.pop())
    snippet = layout.snippet(path.as_posix())
    if snippet is None:
        return f"{block.at}: python blocks include files under {snippets_dir}/, not {path}"
    output = snippet.output_file().as_posix()
    if block.expected is not None and block.output_sources != [output]:
        return f"{block.at}: the output block of {path} must include {output} and nothing else"
    expected_figures = [
        snippet.figure_files(n)[0].as_posix() for n in range(1, len(block.figures) + 1)
    ]
    for figure, want in zip(block.figures, expected_figures, strict=True):
        where = f"{block.at.path}:{figure.line}"
        if figure.target != want:
            return (
                f"{where}: shows {figure.target} after {path}; the figures after a "
                f"snippet are its own, in order: {', '.join(expected_figures)}"
            )
        if not figure.alt:
            return f"{where}: {figure.target} has no alt text: ![what it shows](...)"
    shown = block.code.rstrip("\n")
    whole = without_sections(snippet.source).rstrip("\n")
    if shown != whole:
        return (
            f"{block.at}: the page shows only part of {path}; its sections must add up to "
            f"the whole file, so that what runs is what a reader sees"
        )
    return None
