"""The "recorded with" note, and how output blocks are shown.

* Under the title of every page that shows snippets, a note says which torch,
  torchvision, Python and device its outputs were recorded with, read from
  snippets/manifest.json (never typed by hand), and links to the page's notebook.
  A shown snippet without a recording is a build warning, so ``mkdocs build
  --strict`` fails on it.
* Output blocks: a snippet that uses a device shows its outputs as "CPU" / "CUDA"
  tabs once it has a CUDA recording (the GPU and CUDA version from the manifest),
  and says that it has none otherwise; outputs longer than FOLD_AT lines are folded.
"""

from __future__ import annotations

import logging
import re
import sys
from pathlib import Path, PurePosixPath

# mkdocs restores sys.path once this module is loaded: import what we need now.
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from tools.hooks.common import page_language  # noqa: E402
from tools.manifest import load as load_manifest  # noqa: E402
from tools.site_pages import (  # noqa: E402
    CUDA_OUTPUT_SUFFIX,
    OUTPUT_SUFFIX,
    USES_DEVICE_RE,
    scan_page,
)

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


def _environment(entry: dict) -> str:
    return (
        f"PyTorch {entry['torch']} · torchvision {entry['torchvision']} · "
        f"Python {entry['python']} · {entry['device_name']}"
    )


def recorded_note(
    markdown: str, manifest: dict, lang: str, page_path: str, directory_urls: bool = True
) -> str | None:
    """The admonition for a page's markdown, or None when it shows no snippet.

    One line per environment the page's outputs were recorded in, with the dates
    of its recordings (one date, or the first and the last).
    """
    snippets = [
        target.split(":")[0]
        for fence in scan_page(markdown, page_path)
        for target in fence.targets
        if target.startswith("snippets/") and target.split(":")[0].endswith(".py")
    ]
    if not snippets:
        return None
    dates: dict[str, set[str]] = {}
    for target in dict.fromkeys(snippets):
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
        dates.setdefault(_environment(entry), set()).add(entry["recorded"])
    seen = [
        f"{env} · {min(days)}" + (f" – {max(days)}" if len(days) > 1 else "")
        for env, days in dates.items()
    ]
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


def _indent(text: str) -> str:
    return "\n".join(f"    {line}" if line else "" for line in text.splitlines())


def output_blocks(markdown: str, manifest: dict, root: Path, lang: str, where: str = "page") -> str:
    """Tabs for per-device recordings, a note where CUDA is missing, folds for long ones.

    The output blocks are found by the project's one fence scanner (an
    expected-output block that includes one ``.out`` file), wherever they are
    indented (admonitions, lists).
    """
    text = TEXT.get(lang, TEXT["en"])
    lines = markdown.splitlines()
    for fence in reversed(scan_page(markdown, where)):
        targets = fence.targets
        if fence.role != "expected-output" or len(targets) != 1:
            continue
        if not targets[0].endswith(OUTPUT_SUFFIX) or targets[0].endswith(CUDA_OUTPUT_SUFFIX):
            continue
        stem = targets[0].removesuffix(OUTPUT_SUFFIX)
        name = PurePosixPath(stem).relative_to("snippets").as_posix() + ".py"
        cpu_out, cuda_out = root / f"{stem}.out", root / f"{stem}.cuda.out"
        block = "\n".join(
            line.removeprefix(fence.indent) for line in lines[fence.line - 1 : fence.end]
        )
        uses_device = USES_DEVICE_RE.search((root / f"{stem}.py").read_text("utf-8"))
        cuda = manifest.get(name, {}).get("cuda")
        if uses_device and cuda and cuda_out.exists():
            cuda_block = block.replace(f'"{stem}.out"', f'"{stem}.cuda.out"')
            cpu = manifest.get(name, {}).get("cpu", {}).get("device_name", "CPU")
            block = (
                f'=== "{cpu}"\n\n{_indent(block)}\n\n'
                f'=== "{cuda["device_name"]}"\n\n{_indent(cuda_block)}'
            )
        count = len(cpu_out.read_text("utf-8").splitlines()) if cpu_out.exists() else 0
        if count > FOLD_AT:
            block = f'??? quote "{text["fold"].format(n=count)}"\n\n{_indent(block)}'
        if uses_device and not (cuda and cuda_out.exists()):
            block += f"\n\n*{text['no_cuda']}*"
        lines[fence.line - 1 : fence.end] = [
            f"{fence.indent}{line}" if line else "" for line in block.splitlines()
        ]
    return "\n".join(lines) + ("\n" if markdown.endswith("\n") else "")


def on_page_markdown(markdown, page, config, files):
    root = Path(config.config_file_path).parent
    manifest = load_manifest(root)
    where = f"{Path(config.docs_dir).name}/{page.file.src_uri}"
    # The note reads the page as written; output_blocks then wraps outputs in tabs/folds.
    note = recorded_note(markdown, manifest, page_language(page), where, config.use_directory_urls)
    markdown = output_blocks(markdown, manifest, root, page_language(page), where)
    if note is None:
        return markdown
    title = H1_RE.search(markdown)
    at = title.end() if title else 0
    return f"{markdown[:at]}\n\n{note}\n{markdown[at:]}"
