"""The site's structure rules. No torch needed.

The strict build itself is checked where it is used: tests/test_site.py (nox -s site)
builds the site once with --strict and tests the result.
"""

import pytest

from recorded_docs.lint import structure_problems
from recorded_docs.pages import LANGUAGES, Site
from tests.helpers import ROOT


@pytest.fixture(scope="module")
def site():
    return Site(ROOT)


def test_site_structure(site):
    """Both languages, same snippets in the same order, no inline code, all shown."""
    problems = structure_problems(site)
    assert not problems, "\n".join(["the site breaks its structure rules:", *problems])


def test_every_language_has_pages(site):
    for lang in LANGUAGES:
        assert site.pages(lang), f"docs/{lang}/ has no pages"


def test_snippets_are_shown(site):
    """At least the autograd page's snippets are collected and run."""
    assert len(site.examples()) >= 10


def test_notebook_install_lines_name_installable_packages(site):
    """Each notebook says `pip install ...` for its snippets' imports: all of them are
    packages the test environment installs (so the line works), none is left out."""
    import re
    import tomllib

    from recorded_docs.notebooks import concept_pages, page_packages, required_packages

    groups = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["dependency-groups"]
    installed = {
        re.split(r"[=<>~!\[ ]", req, maxsplit=1)[0].lower()
        for group in groups.values()
        for req in group
        if isinstance(req, str)
    }
    assert required_packages(
        ["import torch\nfrom PIL import Image\nimport os, sklearn.datasets"]
    ) == [
        "torch",
        "pillow",
        "scikit-learn",
    ]
    for lang in LANGUAGES:
        for page in concept_pages(site, lang):
            packages = page_packages(page)
            assert "torch" in packages, f"{page.where}: no torch among {packages}"
            unknown = [p for p in packages if p.lower() not in installed]
            assert not unknown, f"{page.where}: notebook would say pip install {unknown}"
