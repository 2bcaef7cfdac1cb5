"""Turn a page into a Jupyter notebook: prose as markdown cells, each snippet as a
code cell carrying its recorded output.

    python -m recorded_docs notebooks OUT_DIR     # writes OUT_DIR/<lang>/<page>.ipynb

Notebooks are generated from the same pages, snippets and recorded outputs as the
site (never edited by hand); a snippet's recorded figures are image outputs of its
code cell, after its text output; notebooks in a language that shows translated
comments carry the snippets' variants. A snippet that declares ``# legacy: raises ...``
gets the ``raises-exception`` cell tag, so executing the notebook expects its error.
The page's front matter is not part of the notebook. Cell ids are derived from the
cells' content, so two builds of one commit write the same notebooks (and
mkdocs-jupyter's cache, keyed by content, hits).
"""

from __future__ import annotations

import ast
import hashlib
import html
import re
import sys
from pathlib import Path

import nbformat

from recorded_docs import comments
from recorded_docs.pages import Page, Site
from recorded_docs.scan import (
    ADMONITION_RE,
    ANCHOR_RE,
    FIGURE_LINE_RE,
    INCLUDE_RE,
    MARKER_RE,
    OUTPUT_SUFFIX,
    PageError,
)
from recorded_docs.snippet import Legacy, Snippet, without_sections

LINK_RE = re.compile(r"\]\(([\w-]+)\.md(#[\w-]+)?\)")


def _page_link(page: str, directory_urls: bool) -> str:
    """A page's URL from a notebook's page: the home page is the language root."""
    if directory_urls:
        return "../../" if page == "index" else f"../../{page}/"
    return f"../{page}.html"


def _markdown(lines: list[str], directory_urls: bool = True) -> str:
    """Page markdown as plain Jupyter markdown (no mkdocs extensions)."""
    out: list[str] = []
    in_admonition = False
    for line in lines:
        # Links between pages (admonitions included): relative to the notebook's page on
        # the site: <lang root>/notebooks/<page>/, or notebooks/<page>.html offline.
        line = LINK_RE.sub(lambda m: f"]({_page_link(m[1], directory_urls)}{m[2] or ''})", line)
        if (m := ADMONITION_RE.match(line)) and not m["indent"]:
            in_admonition = True
            out.append(f"> **{m['title'] or m['kind'].capitalize()}**")
            out.append(">")
            continue
        if in_admonition:
            if line.startswith("    ") or not line.strip():
                out.append(f"> {line[4:]}".rstrip())
                continue
            in_admonition = False
        if (m := ANCHOR_RE.match(line)) and line.startswith("##"):
            # An HTML heading keeps the page's anchor (#retain-graph) in the notebook too.
            level = len(m["hashes"])
            text = html.escape(m["text"].strip(), quote=False)
            text = re.sub(r"`([^`]+)`", r"<code>\1</code>", text)
            line = f'<h{level} id="{m["id"]}">{text}</h{level}>'
        elif (m := ANCHOR_RE.match(line)) and line.startswith("#"):
            line = f"{m['hashes']} {m['text']}"
        out.append(line)
    return "\n".join(out).strip("\n")


def page_notebook(
    page: Page, intro: str = "", directory_urls: bool = True, comment_languages=("zh",)
) -> nbformat.NotebookNode:
    """A page as a notebook (PageError names page and line)."""
    layout = page.layout
    raw = page.text.splitlines()
    fences = {fence.line: fence for fence in page.fences}
    for fence in fences.values():
        for offset, line in enumerate(fence.body, start=1):
            m = INCLUDE_RE.match(line)
            target = m["target"].split(":")[0] if m else ""
            if (
                target
                and not target.endswith(OUTPUT_SUFFIX)
                and not (layout.root / target).exists()
            ):
                raise PageError(
                    f"{page.where}:{fence.line + offset}: includes {target}, which does not exist"
                )
    cells: list = []
    prose: list[str] = []

    def flush() -> None:
        text = _markdown(prose, directory_urls)
        if text:
            cells.append(nbformat.v4.new_markdown_cell(text))
        prose.clear()

    variant = page.lang in comment_languages
    first = page.body_start + 1  # the front matter is the site's, not the notebook's
    number = first
    while number <= len(raw):
        line = raw[number - 1]
        fence = fences.get(number)
        if fence is None:
            m = FIGURE_LINE_RE.match(line)
            if m and cells and cells[-1].cell_type == "code":
                # A recorded figure: an image output of the snippet's code cell, after its text.
                cells[-1].outputs.append(_figure_output(layout.root, m["target"], m["alt"]))
            elif not MARKER_RE.match(line.strip()):
                prose.append(line)
            if number == first and intro:  # right under the title
                prose.extend(["", f"*{intro}*"])
            number += 1
            continue
        number = fence.end + 1
        if not fence.targets:  # a plain fence (a shell command, a folder tree): keep as prose
            prose.extend(raw[fence.line - 1 : fence.end])
        elif fence.targets[0].endswith(OUTPUT_SUFFIX):
            continue  # outputs travel with their code cell
        else:
            snippet = layout.snippet(fence.targets[0])
            name = snippet.path.as_posix()
            if cells and cells[-1].cell_type == "code" and cells[-1].metadata["snippet"] == name:
                continue  # a further section of the snippet already in the cell
            flush()
            cells.append(_code_cell(snippet, variant))
    flush()
    _name_cells(cells)
    nb = nbformat.v4.new_notebook(cells=cells)
    nb.metadata.update(
        kernelspec={"name": "python3", "display_name": "Python 3", "language": "python"},
        language_info={"name": "python"},
    )
    return nb


def _name_cells(cells: list) -> None:
    """Cell ids from the cells' content (nbformat's are random): the same page gives the
    same notebook, build after build."""
    seen: set[str] = set()
    for cell in cells:
        base = hashlib.sha256(f"{cell.cell_type}\0{cell.source}".encode()).hexdigest()[:12]
        cid, n = base, 1
        while cid in seen:
            n += 1
            cid = f"{base}-{n}"
        seen.add(cid)
        cell["id"] = cid


def _figure_output(root: Path, target: str, alt: str) -> nbformat.NotebookNode:
    """A recorded figure as the display_data output a kernel would have produced."""
    svg = (root / target).read_text("utf-8") if (root / target).exists() else ""
    return nbformat.v4.new_output(
        "display_data", data={"image/svg+xml": svg, "text/plain": f"<Figure: {alt.strip()}>"}
    )


def _code_cell(snippet: Snippet, variant: bool = False) -> nbformat.NotebookNode:
    # Notebooks in a language that shows translated comments carry the variant.
    source = comments.zh_source(snippet) if variant else snippet.source
    code = without_sections(source).rstrip("\n")
    cell = nbformat.v4.new_code_cell(code)
    cell.metadata["snippet"] = snippet.path.as_posix()
    if Legacy.of(source).raises:
        cell.metadata["tags"] = ["raises-exception"]
    output = snippet.recorded_output()
    if output:
        cell.outputs = [nbformat.v4.new_output("stream", name="stdout", text=output)]
    return cell


def concept_pages(site: Site, lang: str) -> list[Page]:
    """Pages that show at least one snippet."""
    return [page for page in site.pages(lang) if page.includes()]


INTRO = {
    "zh": "本 Notebook 由网站页面自动生成：代码单元就是页面上的代码文件，输出是它们的录制结果。"
    "在本地运行需要 `pip install {packages}`；每个代码单元都可以单独运行。",
    "en": "This notebook is generated from the site's page: each code cell is one of the page's "
    "code files, with its recorded output. To run it locally, `pip install {packages}`; "
    "every code cell runs on its own.",
}
# Import name → the package that provides it, where they differ.
DISTRIBUTIONS = {"PIL": "pillow", "sklearn": "scikit-learn"}


def required_packages(sources: list[str]) -> list[str]:
    """What ``pip install`` needs for these snippets: their imports outside the stdlib."""
    names: set[str] = set()
    for source in sources:
        for node in ast.walk(ast.parse(source)):
            if isinstance(node, ast.Import):
                names.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                names.add(node.module.split(".")[0])
    third_party = names - set(sys.stdlib_module_names) - {"__future__"}
    order = ["torch", "torchvision"]  # the usual order first, then alphabetical
    ordered = [n for n in order if n in third_party] + sorted(third_party - set(order))
    return [DISTRIBUTIONS.get(name, name) for name in ordered]


def page_packages(page: Page) -> list[str]:
    """What ``pip install`` needs for the snippets a page shows."""
    files = dict.fromkeys(t.split(":")[0] for t in page.includes())
    # A missing file is the page's error, which page_notebook reports with its line.
    root = page.layout.root
    code = [root / f for f in files if f.endswith(".py") and (root / f).is_file()]
    return required_packages([path.read_text("utf-8") for path in code])


def notebooks(site: Site, directory_urls: bool = True, comment_languages=("zh",), only=None):
    """(page, notebook) for every page that shows snippets, in both languages (``only``:
    just the pages whose (lang, rel) it holds)."""
    for lang in site.layout.languages:
        for page in concept_pages(site, lang):
            if only is not None and (page.lang, page.rel) not in only:
                continue
            packages = " ".join(page_packages(page))
            intro = INTRO.get(lang, INTRO["en"]).format(packages=packages)
            yield page, page_notebook(page, intro, directory_urls, comment_languages)


def write_all(
    site: Site,
    out_dir: Path,
    directory_urls: bool = True,
    comment_languages=("zh",),
    only=None,
    target=None,
) -> list[Path]:
    """Write OUT_DIR/<lang>/<page>.ipynb (``target(page)``: another path under OUT_DIR)
    for every page that shows snippets (``only``: those (lang, rel)); a file whose content
    is unchanged is left alone (its time too), so a dirty build sees it unchanged."""
    written = []
    for page, nb in notebooks(site, directory_urls, comment_languages, only):
        rel = target(page) if target else Path(page.lang) / page.rel.with_suffix(".ipynb")
        path = out_dir / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        text = nbformat.writes(nb) + "\n"
        if not path.exists() or path.read_text("utf-8") != text:
            path.write_text(text, "utf-8")
        written.append(path)
    return written
