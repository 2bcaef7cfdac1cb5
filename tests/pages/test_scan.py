"""Malformed pages: one line naming the page and the line, in verification and in the build."""

import os
import subprocess
import sys

import pytest

from recorded_docs.scan import PageError
from tests.helpers import DOUBLING, FixtureSite


@pytest.fixture
def site(tmp_path, snippet_environment):
    return FixtureSite(tmp_path, snippet_environment)


def _page_errors(site: FixtureSite) -> list[str]:
    errors = site.site().page_errors()
    assert all("\n" not in e and "Traceback" not in e for e in errors), errors
    return errors


def test_orphan_output_marker_names_page_and_line(site):
    site.add("double", DOUBLING, "tensor([3., 4.])\ndone\n")
    site.add("other", "print(1)\n", "1\n", pages=())
    page = site.root / "docs/zh/double.md"
    # An editor deleted the code block of `other`, leaving its marker and output block.
    page.write_text(
        page.read_text()
        + '\n<!--pytest-codeblocks:expected-output-->\n\n```text\n--8<-- "snippets/t/other.out"\n```\n'
    )
    errors = _page_errors(site)
    assert len(errors) == 1 and errors[0].startswith("docs/zh/double.md:13: ")
    assert "follows an output block (line 9)" in errors[0]
    assert any(e.startswith("docs/zh/double.md:13") for e in site.problems())


@pytest.mark.parametrize(
    "extra, where, what",
    [
        ("```python\nprint(1)\n", 13, "never closed"),
        ('```python\n--8<-- "snippets/t/gone.py"\n```\n', 14, "gone.py"),
        (
            '``` { .text }\n--8<-- "snippets/t/double.out"\n```\n',
            13,
            "has no <!--pytest-codeblocks:expected-output--> marker",
        ),
        (
            "<!--pytest-codeblocks:expected-output-->\n\nSome prose.\n",
            13,
            "must come right before a code block",
        ),
        ("<!--pytest-codeblocks:skip-->\n", 13, "not used on this site"),
    ],
    ids=[
        "unclosed-fence",
        "missing-include",
        "output-without-code",
        "marker-then-prose",
        "unknown-marker",
    ],
)
def test_malformed_page_is_one_line_naming_page_and_line(site, extra, where, what):
    site.add("double", DOUBLING, "tensor([3., 4.])\ndone\n")
    page = site.root / "docs/en/double.md"
    page.write_text(page.read_text() + "\n" + extra)
    errors = _page_errors(site)
    assert len(errors) == 1 and errors[0].startswith(f"docs/en/double.md:{where}: "), errors
    assert what in errors[0]


def test_site_build_stops_on_a_malformed_page_with_the_same_line(site):
    """The notebooks and a real MkDocs build with the plugin stop with the same one line."""
    from recorded_docs.notebooks import write_all
    from recorded_docs.pages import Site

    site.add("double", DOUBLING, "tensor([3., 4.])\ndone\n")
    page = site.root / "docs/zh/double.md"
    page.write_text(
        page.read_text().replace('--8<-- "snippets/t/double.py"', '--8<-- "snippets/t/gone.py"')
    )
    with pytest.raises(PageError, match=r"^docs/zh/double\.md:4: includes snippets/t/gone\.py"):
        write_all(Site(site.root), site.root / "out")
    config = site.root / "mkdocs.yml"
    config.write_text(config.read_text() + "plugins:\n  - recorded-docs\n")
    done = build(site.root)
    assert done.returncode == 1, done.stdout + done.stderr
    assert (
        "docs/zh/double.md:4: Snippet at path 'snippets/t/gone.py' could not be found"
        in done.stderr
    )
    assert "Traceback" not in done.stderr
    page.write_text(page.read_text() + "\n```python\n")
    with pytest.raises(PageError, match=r"^docs/zh/double\.md:13: this code block"):
        write_all(Site(site.root), site.root / "out")
    done = build(site.root)
    assert done.returncode == 1 and "docs/zh/double.md:13: this code block" in done.stderr
    assert "Traceback" not in done.stderr


def build(root):
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(root / "site")],
        cwd=root,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
