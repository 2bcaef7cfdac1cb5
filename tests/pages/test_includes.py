"""The engine's include expansion (recorded_docs.includes) agrees with pymdownx.snippets,
configured exactly as the build configures it (MkDocs' own config loading), on every
block of every page; and it refuses what the pages do not use."""

from __future__ import annotations

import os
from pathlib import Path

import markdown
import pytest
from mkdocs.config import load_config

from recorded_docs.includes import IncludeError, Includes
from recorded_docs.pages import Site
from recorded_docs.scan import INCLUDE_RE
from tests.helpers import ROOT

PAGES = Site(ROOT).all_pages()


@pytest.fixture(scope="module")
def pymdownx_snippets():
    """pymdownx.snippets' preprocessor with the build's options (mkdocs.yml, as MkDocs
    loads it: !relative resolved, and every other option)."""
    config = load_config(str(ROOT / "mkdocs.yml"))
    options = dict(config.mdx_configs["pymdownx.snippets"])
    base = options.get("base_path", [str(ROOT)])
    base = [base] if isinstance(base, str | os.PathLike) else base
    options["base_path"] = [os.fspath(p) for p in base]
    md = markdown.Markdown(
        extensions=["pymdownx.snippets"], extension_configs={"pymdownx.snippets": options}
    )
    return md.preprocessors["snippet"], options


def test_the_layout_uses_the_builds_snippets_options(pymdownx_snippets):
    _, options = pymdownx_snippets
    layout = Site(ROOT).layout
    assert [str(p) for p in layout.base_paths] == [
        str(Path(p).resolve()) for p in options["base_path"]
    ]
    assert layout.check_paths == bool(options.get("check_paths"))


@pytest.mark.parametrize("page", PAGES, ids=[str(p.where) for p in PAGES])
def test_every_include_expands_as_pymdownx_expands_it(page, pymdownx_snippets):
    preprocessor, _ = pymdownx_snippets
    ours = page.layout.includes()
    for fence in page.fences:
        for offset, line in enumerate(fence.body, start=1):
            if not INCLUDE_RE.match(line):
                continue
            theirs = preprocessor.run([line])
            assert ours.expand_line(line) == theirs, f"{page.where}:{fence.line + offset}"


def test_sections_whole_files_and_refusals(tmp_path):
    (tmp_path / "s.py").write_text(
        "# --8<-- [start:a]\nx = 1\n# --8<-- [end:a]\n# --8<-- [start:b]\nprint(x)\n# --8<-- [end:b]\n"
    )
    includes = Includes([tmp_path])
    assert includes.expand_line('--8<-- "s.py"') == ["x = 1", "print(x)", ""]
    assert includes.expand_line('    --8<-- "s.py:b"') == ["    print(x)"]
    assert includes.expand_line("not an include") is None
    with pytest.raises(IncludeError, match="could not be found"):
        includes.expand_line('--8<-- "gone.py"')
    with pytest.raises(IncludeError, match="section 'c' could not be located"):
        includes.expand_line('--8<-- "s.py:c"')
    with pytest.raises(IncludeError, match="line ranges"):
        includes.expand_line('--8<-- "s.py:1:2"')
    assert Includes([tmp_path], check_paths=False).expand_line('--8<-- "gone.py"') == []
