"""Code block titles (the snippet's file name) link to the raw file, copied into the site.

The build copies every snippets/**/*.py, its recorded .out files and its recorded figures
(.svg, shown by figures.py) to <site>/snippets/.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

# mkdocs restores sys.path once this module is loaded: import what we need now.
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from tools.hooks.common import is_nested_build  # noqa: E402

RAW_TITLE_RE = re.compile(r'<span class="filename">(?P<name>[\w/.-]+\.py)</span>')


def on_page_content(html, page, config, files):
    up = "../" * page.url.count("/")
    return RAW_TITLE_RE.sub(
        lambda m: (
            f'<span class="filename"><a href="{up}snippets/{m["name"]}">{m["name"]}</a></span>'
        ),
        html,
    )


def on_post_build(config):
    if is_nested_build(config):
        return  # mkdocs-static-i18n's per-language build: copied once, at the end
    source = Path(config.config_file_path).parent / "snippets"
    for path in source.rglob("*"):
        if path.suffix in (".py", ".out", ".svg") and path.is_file():
            target = Path(config.site_dir) / "snippets" / path.relative_to(source)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(path.read_bytes())
