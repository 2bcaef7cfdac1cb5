"""The notebook of every concept page: generated from the page, and it runs as recorded.

Run by ``nox -s notebooks`` (marker ``notebooks``), not by ``nox -s tests``.
"""

import functools
import os

import nbformat
import pytest

from recorded_docs import comments
from recorded_docs.compare import compare
from recorded_docs.notebooks import concept_pages
from recorded_docs.notebooks import notebooks as page_notebooks
from recorded_docs.pages import Site
from recorded_docs.snippet import Legacy, Snippet
from tests.helpers import ROOT

pytestmark = pytest.mark.notebooks


@pytest.fixture(scope="module")
def notebooks():
    return {(page.lang, page.rel.stem): nb for page, nb in page_notebooks(Site(ROOT))}


def test_every_concept_page_has_a_notebook_in_both_languages(notebooks):
    pages = {stem for _, stem in notebooks}
    assert len(pages) >= 10
    for stem in pages:
        zh, en = notebooks[("zh", stem)], notebooks[("en", stem)]
        # The zh cells carry the Chinese comments (recorded_docs.comments): same tokens otherwise.
        code = [
            [comments.code_tokens(c.source) for c in nb.cells if c.cell_type == "code"]
            for nb in (zh, en)
        ]
        assert code[0] == code[1], f"{stem}: zh and en notebooks run different code"
        assert code[0], f"{stem}: no code cells"
        for nb in (zh, en):
            nbformat.validate(nb)
            first = nb.cells[0]
            assert first.cell_type == "markdown" and first.source.startswith("# "), first.source
            # Recorded outputs travel with their code cells.
            assert any(c.get("outputs") for c in nb.cells if c.cell_type == "code")


def _text(outputs, name: str) -> str:
    return "".join(o.text for o in outputs if o.output_type == "stream" and o.name == name)


def cell_problem(cell, executed) -> str | None:
    """How an executed cell's output differs from the snippet's recorded output (the same
    comparer as the snippets'), or None. Legacy cells: their declared warning or error
    must be there; what they print before it is compared."""
    snippet = Snippet.at(ROOT, cell.metadata["snippet"])
    recorded = snippet.recorded_output() or ""
    legacy = Legacy.of(snippet.source)
    errors = [o for o in executed if o.output_type == "error"]
    stdout = _text(executed, "stdout")
    if legacy.raises:
        if not errors or errors[0].ename not in legacy.raises:
            got = errors[0].ename if errors else "no error"
            return f"declares '# legacy: raises {sorted(legacy.raises)}', the cell gave {got}"
        recorded = recorded.split("Traceback (most recent call last):")[0]
    elif errors:
        return f"{errors[0].ename}: {errors[0].evalue}"
    if legacy.warns:
        stderr = _text(executed, "stderr")
        missing = [w for w in legacy.warns if w not in stderr]
        if missing:
            return f"declares '# legacy: warns {missing[0]}', the cell shows no such warning"
        recorded = "\n".join(
            line for line in recorded.splitlines() if not line.startswith(tuple(legacy.warns))
        )
    mismatch = compare(recorded, stdout)
    if mismatch is not None:
        return f"output line {mismatch.line + 1}: {mismatch.reason}"
    return None


@functools.cache
def _zh_notebooks() -> dict:
    return {page.rel.stem: nb for page, nb in page_notebooks(Site(ROOT)) if page.lang == "zh"}


@pytest.fixture(scope="session")
def kernel(snippet_environment, tmp_path_factory):
    """One kernel per test worker serves its pages: a kernel and its torch import cost
    seconds each; every snippet is self-contained and seeds itself."""
    from jupyter_client.manager import KernelManager

    km = KernelManager(kernel_name="python3")
    km.start_kernel(cwd=str(tmp_path_factory.mktemp("kernel")), env={**os.environ})
    yield km
    km.shutdown_kernel(now=True)


# Collected from the pages (cheap); the notebooks are generated when a test runs (the
# tests session collects this module too, and deselects it).
@pytest.mark.parametrize("stem", sorted(page.rel.stem for page in concept_pages(Site(ROOT), "zh")))
def test_notebook_executes_and_prints_the_recorded_outputs(kernel, stem):
    """Execute a page's notebook with nbclient and compare each cell's output with the
    snippet's recording (the snippets' own comparer).

    zh and en notebooks carry the same code cells (asserted above), so each page's code
    is executed once, from its zh notebook. Cells tagged raises-exception (legacy errors
    the page shows) may raise, and must raise what they declare.
    """
    from nbclient import NotebookClient

    nb = _zh_notebooks()[stem]
    run = nbformat.from_dict(nb)
    client = NotebookClient(run, km=kernel, timeout=300, allow_errors=False)
    with client.setup_kernel():
        for index, cell in enumerate(run.cells):
            client.execute_cell(cell, index)
    problems = []
    for cell, executed in zip(nb.cells, run.cells, strict=True):
        if cell.cell_type != "code":
            continue
        problem = cell_problem(cell, executed.outputs)
        if problem:
            where = f"notebook zh/{stem}.ipynb, cell of {cell.metadata['snippet']}"
            problems.append(f"{where}: {problem}")
    assert not problems, "\n".join(problems)
