"""The site's structure rules, and the strict build. No torch needed."""

import os
import subprocess
import sys

import pytest

from tools.pytest_snippets import ROOT
from tools.site_pages import LANGUAGES, Site


@pytest.fixture(scope="module")
def site():
    return Site(ROOT)


def test_site_structure(site):
    """Both languages, same snippets in the same order, no inline code, all shown."""
    problems = site.structure_problems()
    assert not problems, "\n".join(["the site breaks its structure rules:", *problems])


def test_every_language_has_pages(site):
    for lang in LANGUAGES:
        assert site.pages(lang), f"docs/{lang}/ has no pages"


def test_snippets_are_shown(site):
    """At least the autograd page's snippets are collected and run."""
    assert len(site.examples()) >= 10


def test_mkdocs_build_strict(tmp_path):
    """`mkdocs build --strict` passes: every include resolves, every link works."""
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(tmp_path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    assert result.returncode == 0, result.stdout + result.stderr
    for lang_prefix in ("", "en/"):
        page = tmp_path / lang_prefix / "autograd" / "index.html"
        assert page.exists(), f"{page} was not built"
        html = page.read_text("utf-8")
        assert "snippet-output" in html and "torchvision" in html
