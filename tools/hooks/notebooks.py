"""Every page that shows snippets is also a Jupyter notebook in its language.

The notebooks are generated from the pages (tools/notebooks.py), rendered by
mkdocs-jupyter at <lang>/notebooks/<page>/ and offered for download. They are added
after mkdocs-static-i18n has sorted the files, which otherwise drops mkdocs-jupyter's
notebook pages (its issue #198) and copies them as raw JSON. They are generated once
per build (both languages' builds share them) and again on the next build, so under
``mkdocs serve`` (which watches snippets/) an edited snippet or page shows at once.
"""

from __future__ import annotations

import sys
import tempfile
from functools import cache
from pathlib import Path

from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

# mkdocs restores sys.path once this module is loaded: import what we need now.
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from tools.hooks.common import is_nested_build, languages  # noqa: E402
from tools.notebooks import write_all  # noqa: E402

_TEMP_DIRS: list[tempfile.TemporaryDirectory] = []


@cache
def _generated_notebooks(root: str, default: str, directory_urls: bool) -> Path:
    """Generate every page's notebook once per build.

    Returns a folder laid out like the site's sources: notebooks/<page>.ipynb for
    the default language, <lang>/notebooks/<page>.ipynb for the others.
    """
    # Removed after the build, or when mkdocs exits (TemporaryDirectory's finalizer).
    _TEMP_DIRS.append(tempfile.TemporaryDirectory(prefix="notebooks-"))
    generated = Path(_TEMP_DIRS[-1].name)
    layout = generated / "src"
    for notebook in write_all(Path(root), generated / "by-language", directory_urls):
        lang = notebook.parent.name
        target = layout / ("" if lang == default else lang) / "notebooks" / notebook.name
        target.parent.mkdir(parents=True, exist_ok=True)
        notebook.rename(target)
    return layout


@event_priority(-200)  # after mkdocs-static-i18n (-100) and mkdocs-jupyter (0)
def on_files(files, config):
    jupyter = config.plugins.get("mkdocs-jupyter")
    i18n = config.plugins.get("i18n")
    if jupyter is None or i18n is None:
        return files
    from mkdocs_jupyter.plugin import NotebookFile

    default, _ = languages(config)
    lang = i18n.current_language
    root = str(Path(config.config_file_path).parent)
    src_dir = _generated_notebooks(root, default, config.use_directory_urls)
    prefix = "" if lang == default else f"{lang}/"
    for notebook in sorted((src_dir / prefix / "notebooks").glob("*.ipynb")):
        file = File(
            f"{prefix}notebooks/{notebook.name}",
            src_dir=str(src_dir),
            dest_dir=config.site_dir,
            use_directory_urls=config.use_directory_urls,
        )
        files.append(NotebookFile(file, **config))
    return files


def on_post_page(output, page, config):
    if "notebooks/" in page.file.src_uri and page.toc.items:
        # nbconvert slugifies a Chinese title to id="", while mkdocs-jupyter's table of
        # contents (and Material's skip link) point at the title as #_1: match them.
        title = page.toc.items[0]
        if title.level == 1:
            output = output.replace('<h1 id="">', f'<h1 id="{title.id}">', 1)
    return output


@event_priority(-300)  # the very end of the whole build, every language included
def on_post_build(config):
    if is_nested_build(config):
        return
    # The next build (mkdocs serve rebuilds in this process) generates them afresh.
    _generated_notebooks.cache_clear()
    while _TEMP_DIRS:
        _TEMP_DIRS.pop().cleanup()
