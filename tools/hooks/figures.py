"""Recorded figures on the pages.

A page shows a snippet's figure with a line of its own after the snippet's code
(and output) block::

    ![alt text in the page's language](figure:snippets/<topic>/<name>.fig1.svg)

This hook turns it into ``<figure class="snippet-figure"><img ... alt="..."></figure>``
pointing at the recorded SVG, which raw_snippets.py copies into the site. The
figure lines are found by the project's one fence scanner (tools/site_pages.py),
which also checks them. The dark theme inverts the image (docs/assets/stylesheets/
site.css); the SVGs have transparent backgrounds.
"""

from __future__ import annotations

import html
import sys
from pathlib import Path

# mkdocs restores sys.path once this module is loaded: import what we need now.
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from tools.site_pages import scan_page  # noqa: E402


def figure_html(alt: str, target: str, up: str) -> str:
    alt = html.escape(alt, quote=True)
    return (
        f'<figure class="snippet-figure"><img src="{up}{html.escape(target)}" alt="{alt}" '
        f'loading="lazy"><figcaption aria-hidden="true">{alt}</figcaption></figure>'
    )


def render_figures(markdown: str, up: str, where: str = "page") -> str:
    """Figure lines as HTML figures; ``up`` leads from the page's URL to the site root."""
    lines = markdown.splitlines()
    for fence in scan_page(markdown, where):
        for figure in fence.figures:
            line = lines[figure.line - 1]
            indent = line[: len(line) - len(line.lstrip())]
            lines[figure.line - 1] = indent + figure_html(figure.alt, figure.target, up)
    return "\n".join(lines) + ("\n" if markdown.endswith("\n") else "")


def on_page_markdown(markdown, page, config, files):
    where = f"{Path(config.docs_dir).name}/{page.file.src_uri}"
    up = "../" * page.url.count("/")
    return render_figures(markdown, up, where)
