"""mkdocs hooks (registered in mkdocs.yml under ``hooks:``).

* Under the title of every page that shows snippets, a note says which torch,
  torchvision, Python and device its outputs were recorded with, read from
  snippets/manifest.json (never typed by hand). A shown snippet without a
  recording is a build warning, so ``mkdocs build --strict`` fails on it.
* Output blocks: a snippet that uses a device shows its outputs as "CPU" /
  "CUDA" tabs once it has a CUDA recording (the GPU and CUDA version from the
  manifest), and says that it has none otherwise; outputs longer than
  FOLD_AT lines are folded. Code block titles link to the raw snippet file,
  which the build copies to snippets/.
* One search index per language. mkdocs-static-i18n merges every language into
  the root index, so a search on a Chinese page would return English pages too.
  After its merge, the index is split: the default language keeps
  search/search_index.json, each other language gets <lang>/search/, and that
  language's pages are pointed at it. Notebook pages, which repeat their
  page, are left out of the index.
* Offline copy (OFFLINE=true, nox -s offline). Material's offline plugin would
  load its iframe-worker shim from unpkg.com, a third-party request that fails
  offline and takes search with it; the copy vendored under
  docs/assets/javascripts/vendor/ (iframe-worker 1.0.4, MIT) is used instead.
* Notebooks. Every page that shows snippets is also generated as a Jupyter
  notebook (tools/notebooks.py), rendered by mkdocs-jupyter at
  <lang>/notebooks/<page>/ and offered for download. They are added after
  mkdocs-static-i18n has sorted the files, which otherwise drops mkdocs-jupyter's
  notebook pages (its issue #198) and copies them as raw JSON.

Runs without torch.
"""

from __future__ import annotations

import json
import logging
import re
import sys
import tempfile
from functools import cache
from pathlib import Path, PurePosixPath

from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

# mkdocs restores sys.path once this module is loaded: import what we need now.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from tools.manifest import load as load_manifest  # noqa: E402
from tools.notebooks import write_all  # noqa: E402
from tools.site_pages import INCLUDE_RE, USES_DEVICE_RE  # noqa: E402

log = logging.getLogger("mkdocs.hooks.recorded_with")

H1_RE = re.compile(r"^# .*$", re.MULTILINE)

TEXT = {
    "zh": {
        "title": "本页输出的录制环境",
        "body": "本页每个输出块都是上方代码文件的真实运行结果，并由测试逐字核对（数字允许极小的误差）。",
        "notebook": "本页也可以作为 Jupyter Notebook 使用：{view} · {download}",
        "view": "在线查看",
        "download": "下载 .ipynb",
        "no_cuda": "这段代码会在有 GPU 时使用 GPU；它在 GPU 上的输出尚未录制，上面是 CPU 上的输出。",
        "fold": "输出（共 {n} 行，点击展开）",
    },
    "en": {
        "title": "Where this page's outputs were recorded",
        "body": "Every output block on this page is a recorded run of the file above it, "
        "checked by the test suite (numbers within a small tolerance).",
        "notebook": "This page is also a Jupyter notebook: {view} · {download}",
        "view": "view it",
        "download": "download the .ipynb",
        "no_cuda": "This code uses a GPU when there is one; it has no GPU recording yet, "
        "so the output above is from a CPU.",
        "fold": "Output ({n} lines, click to expand)",
    },
}


def _page_language(page) -> str:
    locale = getattr(page.file, "locale", None)
    if locale:
        return str(locale)
    first = PurePosixPath(page.file.src_uri).parts[0]
    return first if first in TEXT else "zh"


def _describe(entry: dict) -> str:
    return (
        f"PyTorch {entry['torch']} · torchvision {entry['torchvision']} · "
        f"Python {entry['python']} · {entry['device_name']} · {entry['recorded']}"
    )


def recorded_note(
    markdown: str, manifest: dict, lang: str, page_path: str, directory_urls: bool = True
) -> str | None:
    """The admonition for a page's markdown, or None when it shows no snippet."""
    snippets = [
        target
        for line in markdown.splitlines()
        if (m := INCLUDE_RE.match(line))
        and (target := m["target"].split(":")[0]).startswith("snippets/")
        and target.endswith(".py")
    ]
    if not snippets:
        return None
    seen: dict[str, None] = {}
    for target in snippets:
        name = PurePosixPath(target).relative_to("snippets").as_posix()
        entry = manifest.get(name, {}).get("cpu")
        if entry is None:
            log.warning(
                "%s shows %s, which has no recording in snippets/manifest.json "
                "(run: nox -s record)",
                page_path,
                target,
            )
            continue
        seen[_describe(entry)] = None
    text = TEXT.get(lang, TEXT["en"])
    lines = "\n".join(f"    {line}  " for line in seen)
    stem = PurePosixPath(page_path).stem
    # Raw HTML: the .ipynb download is copied by mkdocs-jupyter beside the rendered
    # notebook page; it is not a page mkdocs knows, so a markdown link would not do.
    if directory_urls:  # page at <page>/, notebook at notebooks/<page>/
        page_url, ipynb = f"../notebooks/{stem}/", f"../notebooks/{stem}/{stem}.ipynb"
    else:  # the offline build: <page>.html and notebooks/<page>.html
        page_url, ipynb = f"notebooks/{stem}.html", f"notebooks/{stem}.ipynb"
    view = f'<a href="{page_url}">{text["view"]}</a>'
    download = f'<a href="{ipynb}" download>{text["download"]}</a>'
    notebook = text["notebook"].format(view=view, download=download)
    return f'!!! info "{text["title"]}"\n\n{lines}\n\n    {text["body"]}\n\n    {notebook}\n'


FOLD_AT = 20
OUTPUT_FENCE_RE = re.compile(
    r'^``` \{ \.text \.snippet-output title="(?P<title>[^"]*)" \}\n'
    r'--8<-- "(?P<out>snippets/[^"]+)\.out"\n```$',
    re.MULTILINE,
)


def _indent(text: str) -> str:
    return "\n".join(f"    {line}" if line else "" for line in text.splitlines())


def output_blocks(markdown: str, manifest: dict, root: Path, lang: str) -> str:
    """Tabs for per-device recordings, a note where CUDA is missing, folds for long ones."""
    text = TEXT.get(lang, TEXT["en"])

    def replace(m: re.Match) -> str:
        stem = m["out"]
        name = PurePosixPath(stem).relative_to("snippets").as_posix() + ".py"
        cpu_out, cuda_out = root / f"{stem}.out", root / f"{stem}.cuda.out"
        block = m[0]
        uses_device = USES_DEVICE_RE.search((root / f"{stem}.py").read_text("utf-8"))
        cuda = manifest.get(name, {}).get("cuda")
        if uses_device and cuda and cuda_out.exists():
            cuda_block = block.replace(f'"{stem}.out"', f'"{stem}.cuda.out"')
            cpu = manifest.get(name, {}).get("cpu", {}).get("device_name", "CPU")
            block = (
                f'=== "{cpu}"\n\n{_indent(block)}\n\n'
                f'=== "{cuda["device_name"]}"\n\n{_indent(cuda_block)}'
            )
        lines = len(cpu_out.read_text("utf-8").splitlines()) if cpu_out.exists() else 0
        if lines > FOLD_AT:
            block = f'??? quote "{text["fold"].format(n=lines)}"\n\n{_indent(block)}'
        if uses_device and not (cuda and cuda_out.exists()):
            block += f"\n\n*{text['no_cuda']}*"
        return block

    return OUTPUT_FENCE_RE.sub(replace, markdown)


RAW_TITLE_RE = re.compile(r'<span class="filename">(?P<name>[\w/.-]+\.py)</span>')


def on_page_content(html, page, config, files):
    """Code block titles (the snippet's file name) link to the raw file."""
    up = "../" * page.url.count("/")
    return RAW_TITLE_RE.sub(
        lambda m: (
            f'<span class="filename"><a href="{up}snippets/{m["name"]}">{m["name"]}</a></span>'
        ),
        html,
    )


def on_page_markdown(markdown, page, config, files):
    root = Path(config.config_file_path).parent
    manifest = load_manifest(root)
    markdown = output_blocks(markdown, manifest, root, _page_language(page))
    note = recorded_note(
        markdown, manifest, _page_language(page), page.file.src_uri, config.use_directory_urls
    )
    if note is None:
        return markdown
    title = H1_RE.search(markdown)
    at = title.end() if title else 0
    return f"{markdown[:at]}\n\n{note}\n{markdown[at:]}"


CONFIG_BASE_RE = re.compile(
    r'(<script id="__config" type="application/json">\{"annotate": [^,]*, "base": ")([^"]*)(")'
)


def _languages(config) -> tuple[str | None, list[str]]:
    """(default language, other languages) from the i18n plugin's config."""
    i18n = config.plugins.get("i18n")
    if i18n is None:
        return None, []
    default = next(lang.locale for lang in i18n.config.languages if lang.default)
    others = [lang.locale for lang in i18n.config.languages if not lang.default and lang.build]
    return default, others


def on_post_page(output, page, config):
    default, others = _languages(config)
    lang = _page_language(page)
    if "notebooks/" in page.file.src_uri and page.toc.items:
        # nbconvert slugifies a Chinese title to id="", while mkdocs-jupyter's table of
        # contents (and Material's skip link) point at the title as #_1: match them.
        title = page.toc.items[0]
        if title.level == 1:
            output = output.replace('<h1 id="">', f'<h1 id="{title.id}">', 1)
    if lang in others:
        # Material fetches <base>/search/search_index.json: make it this language's.
        output = CONFIG_BASE_RE.sub(lambda m: f"{m[1]}{m[2]}/{lang}/{m[3]}", output, count=1)
    return output


@event_priority(-200)  # after mkdocs-static-i18n (-100) has merged the languages' entries
def on_post_build(config):
    i18n = config.plugins.get("i18n")
    if i18n is None or getattr(i18n, "building", False):
        return  # a nested per-language build: the merged index is not written yet
    # The raw snippet files (and their recorded outputs) that code block titles link to.
    source = Path(config.config_file_path).parent / "snippets"
    for path in source.rglob("*"):
        if path.suffix in (".py", ".out") and path.is_file():
            target = Path(config.site_dir) / "snippets" / path.relative_to(source)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(path.read_bytes())
    default, others = _languages(config)
    index_file = Path(config.site_dir) / "search" / "search_index.json"
    if not index_file.exists():
        return
    index = json.loads(index_file.read_text("utf-8"))
    # A notebook page repeats its page: leave it out so searches land on the page.
    docs = [d for d in index["docs"] if "notebooks/" not in d["location"]]
    for lang in others:
        prefix = f"{lang}/"
        own = [
            {**d, "location": d["location"][len(prefix) :]}
            for d in docs
            if d["location"].startswith(prefix)
        ]
        target = Path(config.site_dir) / lang / "search" / "search_index.json"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps({**index, "docs": own}, ensure_ascii=False), "utf-8")
    rest = [d for d in docs if not d["location"].startswith(tuple(f"{lang}/" for lang in others))]
    index_file.write_text(json.dumps({**index, "docs": rest}, ensure_ascii=False), "utf-8")
    # Material's offline plugin loads the index from search_index.js (written from
    # the merged index before this runs): keep each language's in step with its json.
    if index_file.with_suffix(".js").exists():
        for lang_root in [Path(config.site_dir)] + [
            Path(config.site_dir) / lang for lang in others
        ]:
            split = lang_root / "search" / "search_index.json"
            split.with_suffix(".js").write_text(
                f"var __index = {split.read_text('utf-8')}", "utf-8"
            )


IFRAME_WORKER_SHIM = "assets/javascripts/vendor/iframe-worker-shim.js"


@event_priority(100)  # before Material's offline plugin adds its unpkg.com shim
def on_config(config):
    offline = config.plugins.get("material/offline") or config.plugins.get("offline")
    if offline is not None and offline.config.enabled:
        config.extra["polyfills"] = [IFRAME_WORKER_SHIM]
    return config


_TEMP_DIRS: list[tempfile.TemporaryDirectory] = []


@cache
def _generated_notebooks(root: str, default: str, directory_urls: bool) -> Path:
    """Generate every page's notebook once per mkdocs process.

    Returns a folder laid out like the site's sources: notebooks/<page>.ipynb for
    the default language, <lang>/notebooks/<page>.ipynb for the others.
    """
    # Removed when mkdocs exits (TemporaryDirectory's finalizer); kept alive until then.
    _TEMP_DIRS.append(tempfile.TemporaryDirectory(prefix="notebooks-"))
    generated = Path(_TEMP_DIRS[-1].name)
    layout = generated / "src"
    for notebook in write_all(Path(root), generated / "by-language", directory_urls):
        lang = notebook.parent.name
        target = layout / ("" if lang == default else lang) / "notebooks" / notebook.name
        target.parent.mkdir(parents=True, exist_ok=True)
        notebook.rename(target)
    return layout


@event_priority(-200)  # after mkdocs-static-i18n (-100) and mkdocs-jupyter (0)
def on_files(files, config):
    jupyter = config.plugins.get("mkdocs-jupyter")
    i18n = config.plugins.get("i18n")
    if jupyter is None or i18n is None:
        return files
    from mkdocs_jupyter.plugin import NotebookFile

    default, _ = _languages(config)
    lang = i18n.current_language
    root = str(Path(config.config_file_path).parent)
    src_dir = _generated_notebooks(root, default, config.use_directory_urls)
    prefix = "" if lang == default else f"{lang}/"
    for notebook in sorted((src_dir / prefix / "notebooks").glob("*.ipynb")):
        file = File(
            f"{prefix}notebooks/{notebook.name}",
            src_dir=str(src_dir),
            dest_dir=config.site_dir,
            use_directory_urls=config.use_directory_urls,
        )
        files.append(NotebookFile(file, **config))
    return files
