"""The learning path (recorded_docs.path): read in nav order, no page's snippet uses an
API that only a later page teaches. No torch needed."""

import pytest

from recorded_docs.pages import Site
from recorded_docs.path import covers, nav_pages, path_problems, used_names
from tests.helpers import PAGE, ROOT


@pytest.fixture(scope="module")
def nav() -> list[str]:
    from mkdocs.config import load_config

    return nav_pages(load_config(str(ROOT / "mkdocs.yml"))["nav"])


def test_the_site_teaches_before_it_uses(nav):
    problems = path_problems(Site(ROOT), nav)
    assert not problems, "the learning path is broken:\n" + "\n".join(problems)


def test_every_concept_page_declares_what_it_introduces(nav):
    """A page that shows snippets declares at least one API (an empty list would make the
    path test above pass vacuously)."""
    site = Site(ROOT)
    from recorded_docs.path import declared

    silent = [
        str(page.where)
        for lang in site.layout.languages
        for page in (site.page(lang, rel) for rel in nav)
        if page.snippets() and not declared(page)
    ]
    assert not silent, "pages with snippets but no 'introduces:' front matter:\n" + "\n".join(
        silent
    )


def test_nav_lists_every_page(nav):
    site = Site(ROOT)
    files = {p.as_posix() for p in site.layout.page_files(site.layout.languages[0])}
    assert set(nav) == files, f"not in the nav: {sorted(files - set(nav))}"


def test_used_names_resolve_imports_and_skip_comments():
    source = (
        "import torch\nimport torch.nn as nn\nfrom torch import optim\n"
        "from torch.utils.data import DataLoader\n"
        "# torch.save(model) in a comment does not count\n"
        "opt = optim.SGD([], lr=0.1)\nopt.step()\nnet = nn.Linear(1, 1)\n"
        "loader = DataLoader([])\nprint('torch.compile')\n"
    )
    names = {u.name for u in used_names(source)}
    assert {"torch.optim.SGD", ".step", "torch.nn.Linear"} <= names
    assert "torch.utils.data.DataLoader" in names
    assert not any("save" in n or "compile" in n for n in names)
    assert covers("torch.optim", "torch.optim.SGD") and not covers("torch.optim", "torch.optimx")
    assert covers(".step", ".step") and not covers(".step", "torch.step")


def _page(root, lang, name, introduces, snippet):
    front = f"---\nintroduces: {introduces}\n---\n\n"
    (root / "docs" / lang / f"{name}.md").write_text(
        front + PAGE.format(title=name, name=snippet, output="out")
    )


@pytest.fixture
def two_pages(tmp_path):
    """first.md then second.md; second introduces torch.optim and .step."""
    (tmp_path / "mkdocs.yml").write_text("site_name: t\n")
    (tmp_path / "snippets" / "t").mkdir(parents=True)
    code = {
        "a": "import torch\nprint(torch.ones(1))\n",
        "b": "from torch import optim\nopt = optim.SGD([], lr=0.1)\nopt.step()\n",
    }
    for name, source in code.items():
        (tmp_path / "snippets" / "t" / f"{name}.py").write_text(source)
    for lang in ("zh", "en"):
        (tmp_path / "docs" / lang).mkdir(parents=True)
        _page(tmp_path, lang, "first", "[torch.ones]", "a")
        _page(tmp_path, lang, "second", "[torch.optim, .step]", "b")
    return tmp_path


def test_a_planted_use_before_its_page_fails_naming_everything(two_pages):
    assert path_problems(Site(two_pages), ["first.md", "second.md"]) == []
    snippet = two_pages / "snippets/t/a.py"
    snippet.write_text(snippet.read_text() + "import torch.optim as optim\nx = optim.Adam\n")
    (problem,) = path_problems(Site(two_pages), ["first.md", "second.md"])
    assert problem.startswith("docs/zh/first.md: snippets/t/a.py:3 uses torch.optim")
    assert "docs/zh/second.md introduces later" in problem


def test_declarations_must_agree_be_unique_and_be_used(two_pages):
    _page(two_pages, "en", "second", "[torch.optim]", "b")
    _page(two_pages, "zh", "first", "[torch.ones, torch.zeros]", "a")
    problems = path_problems(Site(two_pages), ["first.md", "second.md"])
    assert any("docs/en/second.md: declares" in p for p in problems), problems
    assert any("introduces torch.zeros, but none of its snippets uses it" in p for p in problems)
    _page(two_pages, "zh", "second", "[torch.optim, .step, torch.ones]", "b")
    problems = path_problems(Site(two_pages), ["first.md", "second.md"])
    assert any(
        "introduces torch.ones, already introduced by docs/zh/first.md" in p for p in problems
    )
