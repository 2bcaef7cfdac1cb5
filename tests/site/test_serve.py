"""``mkdocs serve`` (``nox -s serve``) never serves a stale page.

A copy of the site is served as ``nox -s serve`` serves it (``mkdocs serve --dirty``:
only the pages a change touches are rebuilt, recorded_docs.mkdocs.plugin). Then, as an
author works, a snippet's code, its recorded output, one of its Chinese comments, a
figure and a page are edited, one at a time: after each, the browser's reload signal
comes, and every page that shows the change, in both languages and in its notebook,
shows the new content. Finally everything the server serves equals a cold build of the
edited copy with ``site_url`` set to the serve address (the livereload script aside).
No torch needed.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import urllib.error
from pathlib import Path

import pytest
import yaml

from recorded_docs.bench import Served
from tests.site.conftest import notebook_cache

ROOT = Path(__file__).resolve().parents[2]
LIVERELOAD_RE = re.compile(r"<script>\s*var livereload = function.*?</script>", re.DOTALL)

pytestmark = pytest.mark.site


@pytest.fixture(scope="module")
def copy(tmp_path_factory, built_site) -> Path:
    """The site's sources, copied: the tests edit them. Its notebook cache starts as the
    cold build's (tests/site/conftest.py): the edits below make what serve renders."""
    root = tmp_path_factory.mktemp("served")
    for name in ("docs", "snippets"):
        shutil.copytree(ROOT / name, root / name)
    if notebook_cache(built_site).is_dir():
        shutil.copytree(notebook_cache(built_site), root / ".cache" / "mkdocs-jupyter")
    for name in ("mkdocs.yml", "jieba_user_dict.txt"):
        shutil.copy(ROOT / name, root / name)
    return root


@pytest.fixture(scope="module")
def served(copy):
    os.environ.setdefault("SOURCE_DATE_EPOCH", "1764979200")
    with Served(copy) as server:
        yield server


def _edit(path: Path, old: str, new: str):
    def edit():
        text = path.read_text("utf-8")
        assert old in text, f"{path}: {old!r} not found"
        path.write_text(text.replace(old, new, 1), "utf-8")

    return edit


def _shows(served, path: str, text: str) -> bool:
    return text in served.get(path)


# The first Chinese comment of the snippet the edits below touch (one line, as written).
FIRST_COMMENT = yaml.safe_load(
    (ROOT / "snippets/autograd/scalar_backward.zh.yaml").read_text("utf-8")
)[0]["zh"].splitlines()[0]

EDITS = [
    # (what, file, old, new, [pages that must show the new text])
    (
        "snippet code",
        "snippets/autograd/scalar_backward.py",
        "import torch\n",
        "import torch\n\nEDITED_IN_SERVE = 1\n",
        "EDITED_IN_SERVE",
        ["autograd/", "en/autograd/", "notebooks/autograd/", "en/notebooks/autograd/"],
    ),
    (
        "recorded output",
        "snippets/autograd/scalar_backward.out",
        "tensor(",
        "tensor_EDITED_OUTPUT(",
        "tensor_EDITED_OUTPUT",
        ["autograd/", "en/autograd/", "notebooks/autograd/", "en/notebooks/autograd/"],
    ),
    (
        "Chinese comment",
        "snippets/autograd/scalar_backward.zh.yaml",
        FIRST_COMMENT,
        FIRST_COMMENT + "（已在预览中修改）",
        "已在预览中修改",
        ["autograd/", "notebooks/autograd/", "snippets/autograd/scalar_backward.zh.py"],
    ),
    (
        "figure",
        "snippets/autograd/derivative_plot.fig1.svg",
        "</svg>",
        "<!-- EDITED_FIGURE --></svg>",
        "EDITED_FIGURE",
        ["snippets/autograd/derivative_plot.fig1.svg"],
    ),
    (
        "page",
        "docs/en/numpy.md",
        "\n## ",
        "\nA sentence EDITED_IN_THE_PAGE.\n\n## ",
        "EDITED_IN_THE_PAGE",
        ["en/numpy/"],
    ),
]


def test_each_edit_reloads_every_page_that_shows_it_and_serve_equals_a_cold_build(
    served, copy, tmp_path
):
    """One test, so that one server sees every edit in order, then the cold build (test
    workers would otherwise split the steps, each with its own server)."""
    problems = []
    for what, file, old, new, marker, pages in EDITS:
        early = [page for page in pages if _shows(served, page, marker)]
        if early:
            problems.append(f"{what}: {early} show {marker} before the edit")
        seconds = served.reload_after(_edit(copy / file, old, new))
        print(f"\n{what}: reload signal {seconds:.2f} s after the write")
        stale = [page for page in pages if not _shows(served, page, marker)]
        if stale:
            problems.append(f"{what}: after editing {file}, still the old content: {stale}")
    assert not problems, "\n".join(problems)
    _served_equals_a_cold_build(served, copy, tmp_path)


def _served_equals_a_cold_build(served, copy, tmp_path):
    """After the edits: every file of a cold build of the edited copy, with the serve
    address as site_url, is what the server serves (livereload script aside)."""
    out = tmp_path / "cold"
    script = (
        "import sys\nfrom mkdocs.config import load_config\n"
        "from mkdocs.commands.build import build\n"
        "config = load_config('mkdocs.yml', site_dir=sys.argv[1], site_url=sys.argv[2])\n"
        "config.plugins.on_startup(command='build', dirty=False)\n"
        "build(config)\n"
    )
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    done = subprocess.run(
        [sys.executable, "-c", script, str(out), served.url],
        cwd=copy,
        env=env,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    differ, missing = [], []
    files = sorted(p for p in out.rglob("*") if p.is_file())
    assert len(files) > 100
    for path in files:
        rel = path.relative_to(out).as_posix()
        try:
            got = served.get_bytes(rel)
        except urllib.error.HTTPError:
            missing.append(rel)
            continue
        want = path.read_bytes()
        if rel.endswith(".html"):
            got = LIVERELOAD_RE.sub("", got.decode("utf-8")).encode("utf-8")
        if got != want:
            differ.append((rel, want, got))
    assert not missing, f"served nothing for {len(missing)} file(s): {missing[:10]}"
    if differ:
        import difflib

        shown = []
        for rel, want, got in differ[:3]:
            lines = difflib.unified_diff(
                want.decode("utf-8", "replace").splitlines(),
                got.decode("utf-8", "replace").splitlines(),
                f"cold build: {rel}",
                f"served: {rel}",
                n=1,
                lineterm="",
            )
            shown += list(lines)[:20]
        names = [d[0] for d in differ]
        pytest.fail(
            f"{len(differ)} file(s) differ from a cold build: {names[:20]}\n" + "\n".join(shown)
        )
