"""Chinese pages show the snippets with Chinese comments (tools/zh_comments.py).

A snippet keeps one source of truth, its .py file with English comments; beside it,
<name>.zh.yaml renders the comments in Chinese. On Chinese pages the snippet includes
(``--8<-- "snippets/<topic>/<name>.py"`` and its ``:section`` includes) are pointed at
the Chinese variant, written into the ignored folder .cache/zh-comments/ before
pymdownx.snippets expands them; so the code block and its copy button give the variant.
The code block title's raw-file link (tools/hooks/raw_snippets.py) goes to
<site>/snippets/<topic>/<name>.zh.py, the variant copied into the site. The Chinese
notebooks carry the variant too (tools/notebooks.py). English pages are untouched.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from mkdocs.plugins import event_priority

# mkdocs restores sys.path once this module is loaded: import what we need now.
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from tools.hooks.common import is_nested_build, page_language  # noqa: E402
from tools.site_pages import INCLUDE_RE  # noqa: E402
from tools.zh_comments import VARIANT_SUFFIX, zh_source  # noqa: E402

VARIANTS = Path(".cache/zh-comments")  # relative to the site root (pymdownx's base_path)
RAW_LINK_RE = re.compile(r'(<span class="filename"><a href="[^"]*snippets/[\w/.-]+?)\.py(">)')


def write_variant(root: Path, target: str) -> str:
    """Write the Chinese variant of root/target under VARIANTS; return its include path."""
    out = root / VARIANTS / target
    text = zh_source(root / target)
    if not out.exists() or out.read_text("utf-8") != text:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(text, "utf-8")
    return (VARIANTS / target).as_posix()


def chinese_includes(markdown: str, root: Path) -> str:
    """Point every snippet include of a page at the snippet's Chinese variant."""
    lines = markdown.split("\n")
    for i, line in enumerate(lines):
        m = INCLUDE_RE.match(line)
        if not m:
            continue
        target, colon, section = m["target"].partition(":")
        if not (target.startswith("snippets/") and target.endswith(".py")):
            continue
        variant = write_variant(root, target)
        start, end = m.span("target")
        lines[i] = f"{line[:start]}{variant}{colon}{section}{line[end:]}"
    return "\n".join(lines)


@event_priority(-100)  # after tools/hooks/recorded_note.py, which reads the snippet paths
def on_page_markdown(markdown, page, config, files):
    if page_language(page) != "zh":
        return markdown
    return chinese_includes(markdown, Path(config.config_file_path).parent)


@event_priority(-100)  # after tools/hooks/raw_snippets.py has linked the titles
def on_page_content(html, page, config, files):
    if page_language(page) != "zh":
        return html
    return RAW_LINK_RE.sub(lambda m: f"{m[1]}{VARIANT_SUFFIX}{m[2]}", html)


def on_post_build(config):
    if is_nested_build(config):
        return  # copied once, at the end
    source = Path(config.config_file_path).parent / "snippets"
    for path in sorted(source.rglob("*.py")):
        rel = path.relative_to(source)
        target = Path(config.site_dir) / "snippets" / rel.with_suffix(VARIANT_SUFFIX)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(zh_source(path), "utf-8")
