"""The "recorded with" note, and how output blocks are shown (page pipeline steps).

* Under the title of every page that shows snippets, a note says which torch,
  torchvision, Python and device its outputs were recorded with, read from
  snippets/manifest.json (never typed by hand), and links to the page's notebook.
  A shown snippet without a recording is a warning (``mkdocs build --strict`` fails).
* Output blocks: a device snippet shows its outputs as "CPU" / "CUDA" tabs once it has
  a CUDA recording (the GPU and CUDA version from the manifest), and says that it has
  none otherwise; outputs longer than the fold threshold are folded.
"""

from __future__ import annotations

from recorded_docs.snippet import Snippet

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
    snippets: list[Snippet],
    manifest: dict,
    lang: str,
    page_stem: str,
    directory_urls: bool = True,
    warn=None,
    where: str = "",
) -> str | None:
    """The admonition for a page showing ``snippets``, or None when it shows none.

    One line per environment the page's outputs were recorded in, with the dates of its
    recordings (one date, or the first and the last). ``warn(message)`` is told about a
    shown snippet without a recording.
    """
    if not snippets:
        return None
    dates: dict[str, set[str]] = {}
    for snippet in snippets:
        entry = manifest.get(snippet.name, {}).get("cpu")
        if entry is None:
            if warn is not None:
                warn(
                    f"{where} shows {snippet}, which has no recording in "
                    "snippets/manifest.json (run: nox -s record)"
                )
            continue
        dates.setdefault(_environment(entry), set()).add(entry["recorded"])
    seen = [
        f"{env} · {min(days)}" + (f" – {max(days)}" if len(days) > 1 else "")
        for env, days in dates.items()
    ]
    text = TEXT.get(lang, TEXT["en"])
    lines = "\n".join(f"    {line}  " for line in seen)
    stem = page_stem
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


def indent(text: str) -> str:
    return "\n".join(f"    {line}" if line else "" for line in text.splitlines())


def output_block(
    block: list[str],
    snippet: Snippet,
    manifest: dict,
    lang: str,
    fold_at: int,
    cuda_block: list[str] | None,
) -> list[str]:
    """An output block's lines (unindented, includes expanded) as the page shows them:
    CPU/CUDA tabs when the device snippet has a CUDA recording (``cuda_block``), a note
    when it has none, folded when the CPU output is longer than ``fold_at`` lines."""
    text = TEXT.get(lang, TEXT["en"])
    shown = "\n".join(block)
    entry = manifest.get(snippet.name, {})
    cuda = entry.get("cuda")
    has_cuda = snippet.uses_device and cuda is not None and cuda_block is not None
    if has_cuda:
        cpu = entry.get("cpu", {}).get("device_name", "CPU")
        shown = (
            f'=== "{cpu}"\n\n{indent(shown)}\n\n'
            f'=== "{cuda["device_name"]}"\n\n{indent(chr(10).join(cuda_block))}'
        )
    recorded = snippet.recorded_output("cpu")
    count = len(recorded.splitlines()) if recorded is not None else 0
    if count > fold_at:
        shown = f'??? quote "{text["fold"].format(n=count)}"\n\n{indent(shown)}'
    if snippet.uses_device and not has_cuda:
        shown += f"\n\n*{text['no_cuda']}*"
    return shown.splitlines()
