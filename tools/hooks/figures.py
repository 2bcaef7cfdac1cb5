"""Recorded figures on the pages.

A page shows a snippet's figure with a line of its own after the snippet's code
(and output) block::

    ![alt text in the page's language](figure:snippets/<topic>/<name>.fig1.svg)

This hook turns it into ``<figure class="snippet-figure"><img ... alt="..."></figure>``
pointing at the recorded SVG, which raw_snippets.py copies into the site. The
figure lines are found by the project's one fence scanner (tools/site_pages.py),
which also checks them. The SVGs have transparent backgrounds; the dark theme
(docs/assets/stylesheets/site.css) inverts plots, and puts figures that show pictures
(imshow: photos, digits) on a light backdrop instead, so that they keep their colours.
"""

from __future__ import annotations

import html
import json
import sys
from pathlib import Path

# mkdocs restores sys.path once this module is loaded: import what we need now.
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from tools.site_pages import scan_page  # noqa: E402


def figure_html(alt: str, target: str, up: str, pictures: bool = False) -> str:
    """The figure; ``pictures``: it shows images (imshow), which the dark theme must not
    invert: they get a light backdrop instead."""
    alt = html.escape(alt, quote=True)
    kind = "snippet-figure snippet-figure--pictures" if pictures else "snippet-figure"
    return (
        f'<figure class="{kind}"><img src="{up}{html.escape(target)}" alt="{alt}" '
        f'loading="lazy"><figcaption aria-hidden="true">{alt}</figcaption></figure>'
    )


def shows_pictures(root: Path, target: str) -> bool:
    """Whether a recorded figure's data (its .json beside the .svg) has imshow images."""
    data_file = root / Path(target).with_suffix(".json")
    if not data_file.exists():
        return False  # reported by the structure tests
    data = json.loads(data_file.read_text("utf-8"))
    return any(axes.get("images") for axes in data.get("axes", []))


def render_figures(markdown: str, up: str, where: str = "page", root: Path | None = None) -> str:
    """Figure lines as HTML figures; ``up`` leads from the page's URL to the site root."""
    lines = markdown.splitlines()
    for fence in scan_page(markdown, where):
        for figure in fence.figures:
            line = lines[figure.line - 1]
            indent = line[: len(line) - len(line.lstrip())]
            pictures = root is not None and shows_pictures(root, figure.target)
            lines[figure.line - 1] = indent + figure_html(figure.alt, figure.target, up, pictures)
    return "\n".join(lines) + ("\n" if markdown.endswith("\n") else "")


def on_page_markdown(markdown, page, config, files):
    where = f"{Path(config.docs_dir).name}/{page.file.src_uri}"
    up = "../" * page.url.count("/")
    return render_figures(markdown, up, where, Path(config.config_file_path).parent)
