"""The notebook of every concept page: generated from the page, and it runs clean.

Run by ``nox -s notebooks`` (marker ``notebooks``), not by ``nox -s tests``.
"""

import os

import nbformat
import pytest

from tools.notebooks import write_all
from tools.pytest_snippets import ROOT
from tools.zh_comments import code_tokens

pytestmark = pytest.mark.notebooks


@pytest.fixture(scope="module")
def notebooks(tmp_path_factory):
    out = tmp_path_factory.mktemp("notebooks")
    paths = write_all(ROOT, out)
    return {(p.parent.name, p.stem): nbformat.read(p, as_version=4) for p in paths}


def test_every_concept_page_has_a_notebook_in_both_languages(notebooks):
    pages = {stem for _, stem in notebooks}
    assert len(pages) >= 10
    for stem in pages:
        zh, en = notebooks[("zh", stem)], notebooks[("en", stem)]
        # The zh cells carry the Chinese comments (tools/zh_comments.py): same tokens otherwise.
        code = [
            [code_tokens(c.source) for c in nb.cells if c.cell_type == "code"] for nb in (zh, en)
        ]
        assert code[0] == code[1], f"{stem}: zh and en notebooks run different code"
        assert code[0], f"{stem}: no code cells"
        for nb in (zh, en):
            nbformat.validate(nb)
            first = nb.cells[0]
            assert first.cell_type == "markdown" and first.source.startswith("# ")
            # Recorded outputs travel with their code cells.
            assert any(c.get("outputs") for c in nb.cells if c.cell_type == "code")


def test_notebooks_execute_clean(notebooks, snippet_environment, tmp_path):
    """Execute every notebook's code with nbclient.

    zh and en notebooks carry the same code cells (asserted above), so each page's
    code is executed once, from its zh notebook. One kernel serves all pages; cells
    tagged raises-exception (legacy errors the page shows) may raise, no other may.
    """
    from jupyter_client.manager import KernelManager
    from nbclient import NotebookClient

    km = KernelManager(kernel_name="python3")
    km.start_kernel(cwd=str(tmp_path), env={**os.environ})
    try:
        for (lang, stem), nb in sorted(notebooks.items()):
            if lang != "zh":
                continue
            client = NotebookClient(nb, km=km, timeout=300, allow_errors=False)
            with client.setup_kernel():
                for index, cell in enumerate(nb.cells):
                    client.execute_cell(cell, index)
            for cell in nb.cells:
                if cell.cell_type == "code":
                    errors = [o for o in cell.outputs if o.output_type == "error"]
                    tagged = "raises-exception" in cell.metadata.get("tags", [])
                    assert not errors or tagged, (
                        f"notebook {lang}/{stem}.ipynb, cell of {cell.metadata.get('snippet')}: "
                        f"{errors[0].ename}: {errors[0].evalue}"
                    )
    finally:
        km.shutdown_kernel(now=True)
