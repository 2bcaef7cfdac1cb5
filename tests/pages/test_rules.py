"""The site's structure rules (recorded_docs.rules, recorded_docs.lint), on throw-away
sites: each break is one sentence naming the file and line."""

import pytest

from recorded_docs import manifest
from tests.helpers import DEVICE_SNIPPET, DOUBLING, PAGE, FixtureSite, add_plot


@pytest.fixture
def fixture_site(tmp_path, snippet_environment):
    return FixtureSite(tmp_path, snippet_environment)


def test_missing_translation_names_the_file(fixture_site):
    fixture_site.add("double", DOUBLING, "tensor([3., 4.])\ndone\n", pages=("zh",))
    problems = fixture_site.problems()
    assert any("docs/en/double.md is missing" in p for p in problems), problems


def test_zh_page_missing_a_snippet_of_its_en_page(fixture_site):
    fixture_site.add("double", DOUBLING, "tensor([3., 4.])\ndone\n")
    fixture_site.add("other", "print(1)\n", "1\n", pages=())
    en = fixture_site.root / "docs/en/double.md"
    en.write_text(en.read_text() + "\n" + PAGE.format(title="", name="other", output="Output"))
    problems = fixture_site.problems()
    assert any("have different snippets" in p and "snippets/t/other.py" in p for p in problems)


def test_inline_python_block_is_refused(fixture_site):
    fixture_site.add("double", DOUBLING, "tensor([3., 4.])\ndone\n")
    page = fixture_site.root / "docs/zh/double.md"
    page.write_text(page.read_text() + "\n```python\nprint('typed into the page')\n```\n")
    problems = fixture_site.problems()
    assert any("docs/zh/double.md:13" in p and "not inline code" in p for p in problems)


def test_missing_include_names_page_and_line(fixture_site):
    fixture_site.add("double", DOUBLING, "tensor([3., 4.])\ndone\n")
    (fixture_site.root / "snippets/t/double.py").unlink()
    problems = fixture_site.problems()
    assert any("docs/zh/double.md:4" in p and "snippets/t/double.py" in p for p in problems)


def test_snippet_not_shown_anywhere(fixture_site):
    fixture_site.add("double", DOUBLING, "tensor([3., 4.])\ndone\n")
    (fixture_site.root / "snippets/t/orphan.py").write_text("print(1)\n")
    problems = fixture_site.problems()
    assert "snippets/t/orphan.py is not included by any page" in problems


def test_partial_section_is_refused(fixture_site):
    code = "# --8<-- [start:shown]\nprint(1)\n# --8<-- [end:shown]\nprint(2)\n"
    fixture_site.add("part", code, "1\n2\n")
    for lang in ("zh", "en"):
        page = fixture_site.root / "docs" / lang / "part.md"
        page.write_text(
            page.read_text().replace('snippets/t/part.py"', 'snippets/t/part.py:shown"')
        )
    problems = fixture_site.problems()
    assert any("shows only part of snippets/t/part.py" in p for p in problems), problems


def test_sections_that_add_up_run_as_one_snippet(fixture_site):
    code = "# --8<-- [start:one]\nx = 1\n# --8<-- [end:one]\n# --8<-- [start:two]\nprint(x + 1)\n# --8<-- [end:two]\n"
    fixture_site.add("split", code, "2\n")
    for lang in ("zh", "en"):
        page = fixture_site.root / "docs" / lang / "split.md"
        page.write_text(
            page.read_text().replace(
                '--8<-- "snippets/t/split.py"\n```\n',
                '--8<-- "snippets/t/split.py:one"\n```\n\nSome prose.\n\n'
                '<!--pytest-codeblocks:cont-->\n\n```python\n--8<-- "snippets/t/split.py:two"\n```\n',
            )
        )
    assert fixture_site.problems() == []
    assert fixture_site.check("split") == (None, "ok")


def test_pages_with_different_anchors_or_admonitions(fixture_site):
    fixture_site.add("double", DOUBLING, "tensor([3., 4.])\ndone\n")
    zh = fixture_site.root / "docs/zh/double.md"
    zh.write_text(zh.read_text().replace("# 页面", "# 页面 { #page }") + "\n!!! tip\n\n    提示\n")
    problems = fixture_site.problems()
    assert any("different heading anchors" in p and "'page'" in p for p in problems), problems
    assert any("different admonitions" in p and "'tip'" in p for p in problems), problems


def test_cuda_recordings_are_checked_for_structure(fixture_site):
    fixture_site.add("dev", DEVICE_SNIPPET, "cpu\n")
    fixture_site.add("plain", "print(1)\n", "1\n")
    (fixture_site.root / "snippets/t/dev.cuda.out").write_text("cuda\n")
    (fixture_site.root / "snippets/t/plain.cuda.out").write_text("1\n")
    problems = fixture_site.problems()
    assert any("dev.cuda.out has no 'cuda' entry" in p for p in problems), problems
    assert any("plain.py does not use a device" in p for p in problems), problems
    manifest.update(fixture_site.root, "t/dev.py", "cuda", {**fixture_site.env, "device": "cuda"})
    (fixture_site.root / "snippets/t/dev.cuda.out").unlink()
    problems = fixture_site.problems()
    assert any("lists a CUDA recording of t/dev.py" in p for p in problems), problems


def test_figures_must_be_shown_on_both_pages_and_only_recorded_ones(fixture_site):
    add_plot(fixture_site, shown=0)
    for n in (1, 2):
        for suffix in ("svg", "json"):
            (fixture_site.root / f"snippets/t/plot.fig{n}.{suffix}").write_text("{}")
    problems = fixture_site.problems()
    assert any("plot.fig2.svg is recorded but not shown" in p for p in problems), problems
    add_plot(fixture_site, shown=2)
    assert fixture_site.problems() == []
    en = fixture_site.root / "docs/en/plot.md"
    en.write_text(en.read_text().replace("fig2", "fig3"))
    problems = fixture_site.problems()
    assert any("have different figures" in p for p in problems), problems
    assert any("docs/en/plot.md:15: shows snippets/t/plot.fig3.svg" in p for p in problems)
    en.write_text(en.read_text().replace("![Curves 1]", "![]"))
    assert any("has no alt text" in p for p in fixture_site.problems())


def test_a_figure_line_needs_a_line_of_its_own(fixture_site):
    add_plot(fixture_site)
    zh = fixture_site.root / "docs/zh/plot.md"
    zh.write_text(zh.read_text().replace("![曲线 1]", "见 ![曲线 1]"))
    assert any(
        "docs/zh/plot.md:13: a figure goes on a line of its own" in p
        for p in fixture_site.site().page_errors()
    )


def test_a_manifest_entry_for_a_removed_snippet_is_a_structure_problem(fixture_site):
    fixture_site.add("gone", "print(1)\n", "1\n")
    manifest.update(fixture_site.root, "t/never.py", "cpu", fixture_site.env)
    problems = fixture_site.problems()
    assert any("manifest.json has an entry for t/never.py" in p for p in problems), problems
