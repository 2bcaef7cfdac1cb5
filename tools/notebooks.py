"""Turn a page into a Jupyter notebook: prose as markdown cells, each snippet as a
code cell carrying its recorded output.

    python -m tools.notebooks OUT_DIR     # writes OUT_DIR/<lang>/<page>.ipynb

Notebooks are generated from the same pages, snippets and recorded outputs as the
site (never edited by hand); a snippet's recorded figures are image outputs of its
code cell, after its text output; Chinese notebooks carry the snippets' Chinese variants. A snippet that declares ``# legacy: raises ...`` gets
the ``raises-exception`` cell tag, so executing the notebook expects its error.
"""

from __future__ import annotations

import ast
import html
import re
import sys
from pathlib import Path

import nbformat

from tools.site_pages import (
    FIGURE_LINE_RE,
    INCLUDE_RE,
    LANGUAGES,
    MARKER_RE,
    OUTPUT_SUFFIX,
    SECTION_MARKER_RE,
    PageError,
    Site,
)
from tools.snippet_runner import legacy_declarations
from tools.zh_comments import zh_source

ANCHOR_RE = re.compile(r"\s*\{\s*#([\w-]+)\s*\}\s*$")
ADMONITION_RE = re.compile(r'^(?:!!!|\?\?\?\+?)\s*([\w-]+)(?:\s+"([^"]*)")?\s*$')
LINK_RE = re.compile(r"\]\(([\w-]+)\.md(#[\w-]+)?\)")


def _markdown(lines: list[str], directory_urls: bool = True) -> str:
    """Page markdown as plain Jupyter markdown (no mkdocs extensions)."""
    out: list[str] = []
    in_admonition = False
    for line in lines:
        # Links between pages (admonitions included): relative to the notebook's page on
        # the site: <lang root>/notebooks/<page>/, or notebooks/<page>.html offline.
        if directory_urls:
            line = LINK_RE.sub(lambda m: f"](../../{m[1]}/{m[2] or ''})", line)
        else:
            line = LINK_RE.sub(lambda m: f"](../{m[1]}.html{m[2] or ''})", line)
        if m := ADMONITION_RE.match(line):
            in_admonition = True
            out.append(f"> **{m[2] or m[1].capitalize()}**")
            out.append(">")
            continue
        if in_admonition:
            if line.startswith("    ") or not line.strip():
                out.append(f"> {line[4:]}".rstrip())
                continue
            in_admonition = False
        if (m := ANCHOR_RE.search(line)) and line.startswith("##"):
            # An HTML heading keeps the page's anchor (#retain-graph) in the notebook too.
            level = len(line) - len(line.lstrip("#"))
            text = html.escape(ANCHOR_RE.sub("", line)[level:].strip(), quote=False)
            text = re.sub(r"`([^`]+)`", r"<code>\1</code>", text)
            line = f'<h{level} id="{m[1]}">{text}</h{level}>'
        elif line.startswith("#"):
            line = ANCHOR_RE.sub("", line)
        out.append(line)
    return "\n".join(out).strip("\n")


def page_notebook(
    site: Site, lang: str, page: Path, intro: str = "", directory_urls: bool = True
) -> nbformat.NotebookNode:
    path = site.docs / lang / page
    raw = path.read_text("utf-8").splitlines()
    fences = {fence.line: fence for fence in site.raw_fences(path)}  # PageError: page and line
    for fence in fences.values():
        for offset, line in enumerate(fence.body, start=1):
            m = INCLUDE_RE.match(line)
            target = m["target"].split(":")[0] if m else ""
            if target and not target.endswith(OUTPUT_SUFFIX) and not (site.root / target).exists():
                raise PageError(
                    f"{site.rel(path)}:{fence.line + offset}: includes {target}, which does not exist"
                )
    cells: list = []
    prose: list[str] = []

    def flush() -> None:
        text = _markdown(prose, directory_urls)
        if text:
            cells.append(nbformat.v4.new_markdown_cell(text))
        prose.clear()

    number = 1
    while number <= len(raw):
        line = raw[number - 1]
        fence = fences.get(number)
        if fence is None:
            m = FIGURE_LINE_RE.match(line)
            if m and cells and cells[-1].cell_type == "code":
                # A recorded figure: an image output of the snippet's code cell, after its text.
                cells[-1].outputs.append(_figure_output(site.root, m["target"], m["alt"]))
            elif not MARKER_RE.match(line.strip()):
                prose.append(line)
            if number == 1 and intro:  # right under the title
                prose.extend(["", f"*{intro}*"])
            number += 1
            continue
        number = fence.end + 1
        if not fence.targets:  # a plain fence (a shell command, a folder tree): keep as prose
            prose.extend(raw[fence.line - 1 : fence.end])
        elif fence.targets[0].endswith(OUTPUT_SUFFIX):
            continue  # outputs travel with their code cell
        else:
            snippet = site.root / fence.targets[0].split(":")[0]
            name = snippet.relative_to(site.root).as_posix()
            if cells and cells[-1].cell_type == "code" and cells[-1].metadata["snippet"] == name:
                continue  # a further section of the snippet already in the cell
            flush()
            cells.append(_code_cell(site.root, snippet, lang))
    flush()
    nb = nbformat.v4.new_notebook(cells=cells)
    nb.metadata.update(
        kernelspec={"name": "python3", "display_name": "Python 3", "language": "python"},
        language_info={"name": "python"},
    )
    return nb


def _figure_output(root: Path, target: str, alt: str) -> nbformat.NotebookNode:
    """A recorded figure as the display_data output a kernel would have produced."""
    svg = (root / target).read_text("utf-8") if (root / target).exists() else ""
    return nbformat.v4.new_output(
        "display_data", data={"image/svg+xml": svg, "text/plain": f"<Figure: {alt.strip()}>"}
    )


def _code_cell(root: Path, snippet: Path, lang: str = "en") -> nbformat.NotebookNode:
    # Chinese notebooks carry the snippet with its Chinese comments (tools/zh_comments.py).
    source = zh_source(snippet) if lang == "zh" else snippet.read_text("utf-8")
    code = "\n".join(
        line for line in source.splitlines() if not SECTION_MARKER_RE.match(line)
    ).rstrip("\n")
    cell = nbformat.v4.new_code_cell(code)
    cell.metadata["snippet"] = snippet.relative_to(root).as_posix()
    if legacy_declarations(source)["raises"]:
        cell.metadata["tags"] = ["raises-exception"]
    output = snippet.with_suffix(OUTPUT_SUFFIX)
    if output.exists() and output.read_text("utf-8"):
        cell.outputs = [
            nbformat.v4.new_output("stream", name="stdout", text=output.read_text("utf-8"))
        ]
    return cell


def concept_pages(site: Site, lang: str) -> list[Path]:
    """Pages that show at least one snippet."""
    return [p for p in site.pages(lang) if site.includes(site.docs / lang / p)]


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


def page_packages(site: Site, lang: str, page: Path) -> list[str]:
    """What ``pip install`` needs for the snippets a page shows."""
    files = dict.fromkeys(t.split(":")[0] for t in site.includes(site.docs / lang / page))
    # A missing file is the page's error, which page_notebook reports with its line.
    code = [site.root / f for f in files if f.endswith(".py") and (site.root / f).is_file()]
    return required_packages([path.read_text("utf-8") for path in code])


def write_all(root: Path, out_dir: Path, directory_urls: bool = True) -> list[Path]:
    """Write OUT_DIR/<lang>/<page>.ipynb for every page that shows snippets."""
    site = Site(root)
    written = []
    for lang in LANGUAGES:
        for page in concept_pages(site, lang):
            packages = " ".join(page_packages(site, lang, page))
            nb = page_notebook(
                site, lang, page, INTRO[lang].format(packages=packages), directory_urls
            )
            path = out_dir / lang / page.with_suffix(".ipynb")
            path.parent.mkdir(parents=True, exist_ok=True)
            nbformat.write(nb, path)
            written.append(path)
    return written


if __name__ == "__main__":
    for path in write_all(Path.cwd(), Path(sys.argv[1])):
        print(path)
