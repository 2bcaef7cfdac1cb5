"""The page pipeline (recorded_docs.render): a page's source → finished Markdown, without
MkDocs. Throw-away sites for each step, then every page of this site."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from recorded_docs import manifest
from recorded_docs.notebooks import page_notebook
from recorded_docs.pages import Site
from recorded_docs.render import FOLD_AT, Context, body, page_up, render_page
from recorded_docs.scan import INCLUDE_RE, PageError
from recorded_docs.snippet import without_sections
from tests.helpers import DEVICE_SNIPPET, ROOT, FixtureSite, add_plot


@pytest.fixture
def fixture_site(tmp_path, snippet_environment):
    return FixtureSite(tmp_path, snippet_environment)


def rendered(site: FixtureSite, lang: str, page: str, **options) -> str:
    s = Site(site.root)
    context = Context.load(s.layout, **options)
    return render_page(s.page(lang, page), context, "../")


def test_pages_show_cpu_and_cuda_tabs_or_say_cuda_is_missing(fixture_site):
    fixture_site.add("dev", DEVICE_SNIPPET, "cpu\n")
    without = rendered(fixture_site, "zh", "dev.md")
    assert "尚未录制" in without and "===" not in without
    (fixture_site.root / "snippets/t/dev.cuda.out").write_text("cuda\n")
    gpu = {**fixture_site.env, "device": "cuda", "device_name": "GPU (fixture) (CUDA 0.0)"}
    manifest.update(fixture_site.root, "t/dev.py", "cuda", gpu)
    tabs = rendered(fixture_site, "en", "dev.md")
    assert '=== "CPU (' in tabs and '=== "GPU (fixture) (CUDA 0.0)"' in tabs
    assert "no GPU recording" not in tabs
    # Each tab shows its own recording.
    cpu_tab, cuda_tab = tabs.split('=== "CPU (', 1)[1].split('=== "GPU (fixture)', 1)
    assert "\n    cpu\n" in cpu_tab and "\n    cuda\n" in cuda_tab


def test_long_outputs_are_folded(fixture_site):
    lines = "".join(f"line {i}\n" for i in range(FOLD_AT + 1))
    fixture_site.add("long", f"for i in range({FOLD_AT + 1}):\n    print('line', i)\n", lines)
    folded = rendered(fixture_site, "en", "long.md")
    assert f'??? quote "Output ({FOLD_AT + 1} lines, click to expand)"' in folded
    # The threshold is the plugin's option (fold_outputs_at).
    assert "??? quote" not in rendered(fixture_site, "en", "long.md", fold_at=FOLD_AT + 1)


def test_recorded_note_gives_each_environment_once_with_its_dates(fixture_site):
    fixture_site.add("a", "print(1)\n", "1\n")
    fixture_site.add("b", "print(2)\n", "2\n")
    page = fixture_site.root / "docs/en/page.md"
    page.write_text(
        "# Page\n\n"
        + "\n".join(
            (fixture_site.root / f"docs/en/{n}.md").read_text().split("\n", 1)[1] for n in "ab"
        )
    )
    data = manifest.load(fixture_site.root)
    data["t/a.py"]["cpu"] = {**data["t/a.py"]["cpu"], "recorded": "2026-01-01"}
    data["t/b.py"]["cpu"] = {**data["t/b.py"]["cpu"], "recorded": "2026-02-01"}
    site = Site(fixture_site.root)

    def note() -> str:
        text = render_page(site.page("en", "page.md"), Context(site.layout, data), "../")
        return text.split("!!! info", 1)[1].split("\n\n    Every output", 1)[0]

    assert note().count("PyTorch ") == 1 and "2026-01-01 – 2026-02-01" in note(), note()
    data["t/b.py"]["cpu"] = {**data["t/b.py"]["cpu"], "torch": "9.9.9"}
    assert note().count("PyTorch ") == 2 and "PyTorch 9.9.9" in note(), note()
    assert "–" not in note()


def test_a_snippet_without_a_recording_is_a_warning(fixture_site):
    fixture_site.add("new", "print(1)\n")  # no .out, no manifest entry
    site = Site(fixture_site.root)
    context = Context.load(site.layout)
    render_page(site.page("en", "new.md"), context, "../")
    assert any("snippets/t/new.out is not recorded" in w for w in context.warnings)
    assert any("t/new.py, which has no recording" in w for w in context.warnings)


def test_figures_on_the_page_and_in_the_notebook(fixture_site):
    add_plot(fixture_site)
    (fixture_site.root / "snippets/t/plot.fig1.svg").write_text("<svg></svg>")
    (fixture_site.root / "snippets/t/plot.fig1.json").write_text("{}")
    html = rendered(fixture_site, "zh", "plot.md")
    assert '<img src="../snippets/t/plot.fig1.svg" alt="曲线 1"' in html
    assert "figure:" not in html
    nb = page_notebook(Site(fixture_site.root).page("zh", "plot.md"))
    (cell,) = [c for c in nb.cells if c.cell_type == "code"]
    assert [o.output_type for o in cell.outputs] == ["stream", "display_data"]
    assert cell.outputs[1].data["image/svg+xml"] == "<svg></svg>"
    assert all("figure:" not in c.source for c in nb.cells)


def test_chinese_pages_show_the_chinese_comments_english_pages_the_file(fixture_site):
    code = "# --8<-- [start:part]\nx = 1  # one\n# --8<-- [end:part]\nprint(x)\n"
    fixture_site.add("c", code, "1\n")
    (fixture_site.root / "snippets/t/c.zh.yaml").write_text("- en: one\n  zh: 一\n")
    for lang in ("zh", "en"):
        page = fixture_site.root / f"docs/{lang}/c.md"
        page.write_text(page.read_text().replace('snippets/t/c.py"', 'snippets/t/c.py:part"'))
    zh, en = rendered(fixture_site, "zh", "c.md"), rendered(fixture_site, "en", "c.md")
    assert "x = 1  # 一" in zh and "# one" not in zh
    assert "x = 1  # one" in en
    assert "print(x)" not in zh  # only the section the page includes
    assert not rendered(fixture_site, "zh", "c.md", comment_languages=()).count("# 一")


def test_a_missing_include_stops_the_pipeline_with_page_and_line(fixture_site):
    fixture_site.add("gone", "print(1)\n", "1\n")
    (fixture_site.root / "snippets/t/gone.py").unlink()
    with pytest.raises(PageError, match=r"^docs/en/gone\.md:4: Snippet at path"):
        rendered(fixture_site, "en", "gone.md")


def test_page_up_follows_the_i18n_folder_layout(fixture_site):
    fixture_site.add("p", "print(1)\n", "1\n")
    site = Site(fixture_site.root)
    assert page_up(site.page("zh", "p.md"), "zh") == "../"
    assert page_up(site.page("en", "p.md"), "zh") == "../../"
    assert page_up(site.page("en", "p.md"), "zh", directory_urls=False) == "../"
    (fixture_site.root / "docs/zh/index.md").write_text("# home\n")
    assert page_up(site.page("zh", "index.md"), "zh") == ""


# ---- every page of this site ------------------------------------------------------


SITE = Site(ROOT)
PAGES = SITE.all_pages()


@pytest.fixture(scope="module")
def site_context() -> Context:
    """One context for every page, as a build has (recordings, compat data, fingerprints)."""
    return Context.load(SITE.layout, site=SITE)


@pytest.mark.parametrize("page", PAGES, ids=[str(p.where) for p in PAGES])
def test_every_page_renders_to_markdown_with_nothing_left_to_expand(page, site_context):
    """The finished page keeps the prose, shows every snippet it includes (its variant on
    Chinese pages), and leaves no include, figure line or marker to a generator."""
    context = site_context
    context.warnings.clear()
    finished = render_page(page, context, "../")
    assert not context.warnings, context.warnings
    shown = body(page, finished)
    assert not any(INCLUDE_RE.match(line) for line in shown.splitlines())
    assert "](figure:" not in shown and "<!-- compat:" not in shown
    for snippet in page.snippets():
        code = without_sections(snippet.source)
        last_code_line = [ln for ln in code.splitlines() if ln.strip()][-1].strip()
        if page.lang == "en" or not re.search(r"#", last_code_line):
            assert last_code_line in shown, f"{page.where}: {snippet} is not shown"
    assert len(shown.splitlines()) >= len(page.text.splitlines()) - page.body_start


def test_the_render_command_writes_every_page(tmp_path):
    out = tmp_path / "rendered"
    done = subprocess.run(
        [sys.executable, "-m", "recorded_docs", "render", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    written = sorted(p.relative_to(out).as_posix() for p in out.rglob("*.md"))
    expected = sorted(f"{p.lang}/{p.rel.as_posix()}" for p in PAGES)
    assert written == expected
