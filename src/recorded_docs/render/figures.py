"""Recorded figures on the pages (a page pipeline step).

A page shows a snippet's figure with a line of its own after the snippet's code (and
output) block: ``![alt text in the page's language](figure:snippets/<topic>/<name>.fig1.svg)``.
The line becomes ``<figure class="snippet-figure"><img ... alt="..."></figure>`` pointing
at the recorded SVG, which the build copies into the site. The SVGs have transparent
backgrounds; the dark theme (docs/assets/stylesheets/site.css) inverts plots, and puts
figures that show pictures (imshow: photos, digits) on a light backdrop instead, so that
they keep their colours.
"""

from __future__ import annotations

import html
import json
from pathlib import Path


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
