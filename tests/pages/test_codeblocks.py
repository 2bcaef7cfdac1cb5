"""pytest-codeblocks' reading of the pages and the site's scanner agree on every page.

The pytest plugin takes each page's blocks from pytest-codeblocks (``extract_from_buffer``)
and the build takes them from the site's scanner (recorded_docs.scan): if they read a
page differently, verification would test other code than the site shows.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pytest_codeblocks import extract_from_buffer

from recorded_docs.pages import Layout, Page, Site
from tests.helpers import ROOT

PAGES = Site(ROOT).all_pages()


def _dedent(fence) -> str:
    cut = len(fence.indent)
    return "".join(
        line[min(cut, len(line) - len(line.lstrip(" "))) :] + "\n" for line in fence.body
    )


def disagreements(page: Page) -> list[str]:
    """How the two readers differ on a page: block lines, info strings, code, outputs."""
    theirs = extract_from_buffer(io.StringIO(page.text))
    ours = page.blocks
    found = []
    if [b.lineno for b in theirs] != [b.at.line for b in ours]:
        return [
            f"{page.where}: pytest-codeblocks reads blocks at lines {[b.lineno for b in theirs]}, "
            f"the site's scanner at {[b.at.line for b in ours]}"
        ]
    for cb, block in zip(theirs, ours, strict=True):
        code = [f for f in block.fences if f.role != "expected-output"]
        output = [f for f in block.fences if f.role == "expected-output"]
        where = f"{page.where}:{cb.lineno}"
        if (cb.syntax or "").strip() != code[0].info:
            found.append(f"{where}: info {cb.syntax!r} vs {code[0].info!r}")
        if cb.code != "".join(_dedent(f) for f in code):
            found.append(f"{where}: the code differs")
        expected = _dedent(output[0]) if output else None
        if cb.expected_output != expected:
            found.append(f"{where}: the output block differs")
    return found


@pytest.mark.parametrize("page", PAGES, ids=[str(p.where) for p in PAGES])
def test_both_readers_find_the_same_blocks(page):
    assert not disagreements(page)


def test_a_planted_disagreement_is_found(tmp_path):
    """A backtick in the info string: no fence to the scanner (CommonMark), a fence to
    pytest-codeblocks; from there the two read different blocks."""
    (tmp_path / "docs/en").mkdir(parents=True)
    text = "# t\n\n```a`b\nx\n```\n\n```python\nprint(1)\n```\n"
    (tmp_path / "docs/en/p.md").write_text(text)
    page = Page(Layout(tmp_path), "en", Path("p.md"))
    (problem,) = disagreements(page)
    assert "docs/en/p.md" in problem and "lines" in problem
