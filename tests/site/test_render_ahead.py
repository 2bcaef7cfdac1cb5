"""Notebooks rendered ahead on every core (recorded_docs.mkdocs.jupyter.RenderAhead) give
the build exactly what mkdocs-jupyter renders in the build's own process, warnings
included, and a notebook a worker cannot render is left to the build, which reports it.

Each case runs in a fresh process, as a build does: render-ahead forks, and does nothing
in a process where another thread runs (a pytest-xdist worker has one).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

pytestmark = pytest.mark.site

ROOT = Path(__file__).resolve().parents[2]
PNG = (
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="
)

# One process: render-ahead into cache "ahead", then mkdocs-jupyter alone into cache
# "alone"; prints what each left and what was logged (a JSON line).
SCRIPT = r"""
import concurrent.futures, json, logging, sys
from pathlib import Path
from mkdocs.config import load_config
from mkdocs.structure.pages import Page
from recorded_docs.mkdocs.jupyter import RenderAhead, _notebook_file

root = Path(sys.argv[1])
logged = []
class Keep(logging.Handler):
    def emit(self, record):
        logged.append(record.getMessage())
logging.getLogger().addHandler(Keep(logging.WARNING))

def build(cache, ahead):
    (root / "mkdocs.yml").write_text(
        "site_name: t\nplugins:\n  - mkdocs-jupyter:\n      execute: false\n"
        f"      cache_dir: {root / cache}\n"
    )
    config = load_config(str(root / "mkdocs.yml"))
    plugin = config.plugins["mkdocs-jupyter"]
    plugin.on_pre_build(config)
    files = [_notebook_file(p.name, root / "docs", config) for p in sorted((root / "docs").glob("*.ipynb"))]
    render_ahead = RenderAhead()
    before = {}
    if ahead:
        render_ahead.start(config, files)
        # As in a build whose pages take longer than its notebooks: the workers finish
        # before the build reaches a notebook (else it renders the ones not started).
        concurrent.futures.wait(list(render_ahead._pending.values()))
        before = entries(cache)
    errors = []
    for file in files:
        page = Page(None, file, config)
        render_ahead.wait(page)
        plugin.on_pre_page(page, config=config, files=None)
        try:
            page.render(config, None)
        except Exception as err:
            errors.append(f"{file.src_uri}: {type(err).__name__}")
    render_ahead.stop()
    return entries(cache), before, errors, list(logged)

def entries(cache):
    return {p.name: json.loads(p.read_text()) for p in sorted((root / cache).glob("*.json"))}

ahead = build("ahead", True)
logged.clear()
alone = build("alone", False)
print(json.dumps({"ahead": ahead, "alone": alone}))
"""


def _notebook(path: Path, title: str, *, image: bool = False) -> None:
    outputs = [nbformat.v4.new_output("stream", name="stdout", text=f"{title} ran\n")]
    if image:  # no alt text: nbconvert warns
        outputs.append(nbformat.v4.new_output("display_data", data={"image/png": PNG}))
    cell = nbformat.v4.new_code_cell(f"print({title!r})", outputs=outputs, execution_count=1)
    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell(f"# {title}"), cell])
    for index, each in enumerate(notebook.cells):
        each.id = f"cell-{index}"
    nbformat.write(notebook, path)


def _run(tmp_path: Path) -> dict:
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(tmp_path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return json.loads(result.stdout.splitlines()[-1])


def test_ahead_gives_what_mkdocs_jupyter_renders_alone_and_its_warnings(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    for index in range(5):
        _notebook(docs / f"nb{index}.ipynb", f"Notebook {index}", image=index == 3)
    run = _run(tmp_path)
    ahead, before, errors, logged = run["ahead"]
    alone, _, alone_errors, alone_logged = run["alone"]
    assert len(alone) == 5 and not alone_errors
    # The workers left the same cache entries (key: the notebook and the options) with
    # the same content, before the build rendered anything; the build found them.
    assert before == alone
    assert ahead == alone
    assert not errors
    # The worker's warning reaches the build once, as the build alone logs it.
    missing = [line for line in alone_logged if "Alternative text is missing" in line]
    assert len(missing) == 1, alone_logged
    assert logged == alone_logged


def test_a_notebook_a_worker_cannot_render_is_left_to_the_build(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    for index in range(3):
        _notebook(docs / f"nb{index}.ipynb", f"Notebook {index}")
    (docs / "nb1.ipynb").write_text('{"cells": [', "utf-8")  # malformed
    run = _run(tmp_path)
    ahead, before, errors, _ = run["ahead"]
    alone, _, alone_errors, _ = run["alone"]
    # The build reports it exactly as mkdocs-jupyter alone does; the others are rendered.
    assert errors == alone_errors and len(errors) == 1 and errors[0].startswith("nb1.ipynb")
    assert before == ahead == alone and len(ahead) == 2
