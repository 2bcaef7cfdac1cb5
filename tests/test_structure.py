"""The site's structure rules. No torch needed.

The strict build itself is checked where it is used: tests/test_site.py (nox -s site)
builds the site once with --strict and tests the result.
"""

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
