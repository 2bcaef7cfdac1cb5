"""Compatibility lines: which torch releases and Pythons each snippet runs on
(snippets/compat.json, :mod:`recorded_docs.compat.data`).

* After the last block (code or output) of every snippet a page shows, one line:
  "runs on torch 2.1–2.15 · Python 3.10–3.13 · same output since 2.4" (:func:`note_for`):
  the torch range on the pinned Python, the Python range on the pinned torch. A snippet
  the data does not cover, or whose files differ from what was checked, says "not yet
  checked", never "runs".
* The reference page's ``<!-- compat: table -->`` line becomes the matrix
  (:func:`table`): one small grid per Python (snippets × torch releases, one coloured
  cell each, grouped by page, the failures' first lines on hover and listed below), then
  the plain table for search and screen readers.
* The home page's ``<!-- compat: site-range -->`` line becomes the ranges on which every
  checked snippet runs (:func:`site_line`), generated from the data, never typed.

Plain Markdown and HTML (the grids are CSS grids styled by the site's stylesheet; the
Python selector is pymdownx.tabbed's ``===`` syntax, plain text to any other renderer).
No matplotlib, no JavaScript. A step of the page pipeline (:mod:`recorded_docs.render`).
"""

from __future__ import annotations

import html
from collections.abc import Sequence

from recorded_docs.compat import data as compat

TABLE_MARK = "<!-- compat: table -->"
RANGE_MARK = "<!-- compat: site-range -->"

TEXT = {
    "zh": {
        "runs": "可运行于 torch {runs}",
        "python": "Python {runs}",
        "same": "自 {v} 起输出与本页相同",
        "newer": "{v} 上输出不同",
        "python_differs": "Python {v} 上输出不同",
        "newer_warns": "{v} 上有警告",
        "newer_fails": "{v} 上无法运行",
        "python_warns": "Python {v} 上有警告",
        "none": "在测试过的其他 torch 版本上都不能运行",
        "unchecked": "尚未在其他 torch 版本上检查",
        "more": "各版本详情",
        "site": "本站每段代码都能运行的 torch 版本：**{runs}**（Python {python}）；"
        "输出与本站完全相同的版本：**{same}**；都能运行的 Python 版本：**{pythons}**"
        "（torch {torch}）。测试于 {date}，详见[各版本兼容性](compat.md)。",
        "site_checked": "本站已检查的每段代码",
        "site_unchecked": "另有 {n} 段代码是新写的或检查后改过，尚未在其他版本上检查。",
        "site_none": "尚未在其他 torch 版本上检查本站的代码。",
        "nothing": "无",
        "snippet": "代码文件",
        "legend": "✓ 输出相同　≈ 能运行，输出不同　⚠ 能运行，有警告　✗ 报错　· 未测试　"
        "（本站输出录制于 torch {torch}、Python {python}）",
        "header": "测试了 {n} 个环境（{date}）：Python {python} 上的 torch {releases}；"
        "torch {torch} 上的 Python {pythons}。",
        "unchecked_count": "{n} 段代码尚未检查（新写的或检查后改过），不在下面的网格中。",
        "fails": "报错（✗）和警告（⚠）的第一行",
        "no_data": "还没有兼容性数据：运行 `nox -s compat` 生成 snippets/compat.json。",
        "per_version": "每个环境上能运行的代码数（共 {n} 段）",
        "version": "环境",
        "count": "能运行 / 输出相同 / 报错",
        "grid": "Python {python}：{n} 段代码在 {m} 个 torch 版本上的结果",
        "full": "完整表格（所有环境）",
        "results": {
            "same": "输出相同",
            "different": "能运行，输出不同",
            "warns": "能运行，有警告",
            "fails": "报错",
            None: "未测试",
        },
    },
    "en": {
        "runs": "runs on torch {runs}",
        "python": "Python {runs}",
        "same": "same output since {v}",
        "newer": "output differs on {v}",
        "python_differs": "output differs on Python {v}",
        "newer_warns": "warns on {v}",
        "newer_fails": "fails on {v}",
        "python_warns": "warns on Python {v}",
        "none": "runs on none of the other torch releases tested",
        "unchecked": "not yet checked on other torch releases",
        "more": "per release",
        "site": "Every snippet on this site runs on torch **{runs}** (Python {python}); the "
        "outputs are exactly this site's on **{same}**; every snippet runs on Python "
        "**{pythons}** (torch {torch}). Tested {date}; see "
        "[compatibility per release](compat.md).",
        "site_checked": "Every checked snippet on this site",
        "site_unchecked": "{n} snippets are new or changed since they were checked, "
        "and not yet checked on other releases.",
        "site_none": "The snippets have not been checked on other torch releases yet.",
        "nothing": "none",
        "snippet": "Snippet",
        "legend": "✓ same output · ≈ runs, different output · ⚠ runs, warns · ✗ fails · "
        "· not tested (the site's outputs are recorded with torch {torch}, Python {python})",
        "header": "{n} environments tested ({date}): torch {releases} on Python {python}; "
        "Python {pythons} on torch {torch}.",
        "unchecked_count": "{n} snippets are not yet checked (new, or changed since they were "
        "checked) and are not in the grids below.",
        "fails": "First line of each failure (✗) and warning (⚠)",
        "no_data": "No compatibility data yet: `nox -s compat` writes snippets/compat.json.",
        "per_version": "Snippets that run in each environment ({n} in all)",
        "version": "Environment",
        "count": "run / same output / fail",
        "grid": "Python {python}: {n} snippets on {m} torch releases",
        "full": "The full table (every environment)",
        "results": {
            "same": "same output",
            "different": "runs, different output",
            "warns": "runs, warns",
            "fails": "fails",
            None: "not tested",
        },
    },
}
SYMBOL = {"same": "✓", "different": "≈", "warns": "⚠", "fails": "✗", None: "·"}


def _text(lang: str) -> dict:
    return TEXT.get(lang, TEXT["en"])


def note_for(
    name: str, data: dict | None, lang: str, fingerprint: dict[str, str] | None = None
) -> str:
    """The one-line note under a snippet's blocks (plain text, no link). ``fingerprint``:
    the snippet's files today; results about other files are "not yet checked"."""
    text = _text(lang)
    if not data:
        return text["unchecked"]
    info = compat.summary(data["snippets"].get(name), data, fingerprint)
    if not info["checked"]:
        return text["unchecked"]
    if not info["runs"]:
        return text["none"]
    parts = [text["runs"].format(runs=compat.range_text(info["runs"]))]
    if info["python_runs"]:
        parts.append(text["python"].format(runs=compat.range_text(info["python_runs"], str)))
    if info["same_since"]:
        parts.append(text["same"].format(v=compat.short(info["same_since"])))
    for key in ("newer", "newer_warns", "newer_fails"):  # torch releases after the pinned
        if info[key]:
            parts.append(text[key].format(v=", ".join(compat.short(v) for v in info[key])))
    for key in ("python_differs", "python_warns"):  # Pythons, on the pinned torch
        if info[key]:
            parts.append(text[key].format(v=", ".join(info[key])))
    return " · ".join(parts)


def site_line(data: dict | None, lang: str, unchecked: Sequence[str] = (), checked=None) -> str:
    """The home page's ranges over the ``checked`` snippets (default: all in the data);
    the ``unchecked`` ones (new, or changed since) are counted, not in the range."""
    text = _text(lang)
    if not data or not data["environments"] or (checked is not None and not checked):
        return text["site_none"]
    info = compat.site_range(data, checked)
    line = text["site"].format(
        runs=compat.range_text(info["runs"]) or text["nothing"],
        same=compat.range_text(info["same"]) or text["nothing"],
        pythons=compat.range_text(info["python_runs"], str) or text["nothing"],
        python=data["pinned"]["python"],
        torch=compat.short(data["pinned"]["torch"]),
        date=data["generated"],
    )
    if unchecked:
        every = "本站每段代码" if lang == "zh" else "Every snippet on this site"
        line = line.replace(every, text["site_checked"], 1)
        line += ("" if lang == "zh" else " ") + text["site_unchecked"].format(n=len(unchecked))
    return line


# ---- the reference page -------------------------------------------------------------


def _cell(entry: dict | None, key: str) -> dict:
    return (entry or {}).get("results", {}).get(key) or {"result": None}


def _grid(
    data: dict,
    python: str,
    groups: list[tuple[str, list[str]]],
    lang: str,
) -> list[str]:
    """One Python's grid: a CSS grid, a row per snippet, a cell per torch release."""
    text = _text(lang)
    keys = [
        compat.env_key(e["python"], e["torch"])
        for e in data["environments"]
        if e["python"] == python
    ]
    releases = [compat.torch_of(k) for k in keys]
    names = [n for _, members in groups for n in members]
    label = text["grid"].format(python=python, n=len(names), m=len(releases))
    out = [
        f'<div class="compat-grid" style="--compat-columns: {len(keys)}" role="group" '
        f'aria-label="{html.escape(label)}">',
        '<div class="compat-grid__head"><span class="compat-grid__corner">'
        "torch</span>"
        + "".join(f'<span class="compat-grid__release">{compat.short(r)}</span>' for r in releases)
        + "</div>",
    ]
    for title, members in groups:
        out.append(f'<div class="compat-grid__group">{html.escape(title)}</div>')
        for name in members:
            entry = data["snippets"].get(name)
            cells = []
            for key, release in zip(keys, releases, strict=True):
                cell = _cell(entry, key)
                result = cell["result"]
                tip = f"{name} · torch {release} · Python {python}: {text['results'][result]}"
                if cell.get("reason"):
                    tip += f" — {cell['reason']}"
                cells.append(
                    f'<span class="compat-cell compat-cell--{result or "none"}" '
                    f'title="{_attribute(tip)}">{SYMBOL[result]}</span>'
                )
            out.append(
                '<div class="compat-grid__row">'
                f'<span class="compat-grid__name" title="{html.escape(name)}">'
                f"{html.escape(name)}</span>" + "".join(cells) + "</div>"
            )
    out.append("</div>")
    return out


def _attribute(text: str) -> str:
    """An attribute value that Markdown's link pattern skips: inside a tab the grid is
    inline HTML, and each "[" (a failure's "first differing point [1]") made Python-
    Markdown scan the rest of the grid for its "]", half of the page's build time."""
    return html.escape(text).replace("[", "&#91;").replace("]", "&#93;")


def _failures(data: dict, python: str, names: list[str], lang: str) -> list[str]:
    text = _text(lang)
    keys = [
        compat.env_key(e["python"], e["torch"])
        for e in data["environments"]
        if e["python"] == python
    ]
    lines = []
    for name in names:
        entry = data["snippets"].get(name)
        for key in keys:
            cell = _cell(entry, key)
            if cell["result"] in ("fails", "warns"):
                reason = html.escape(cell.get("reason", ""))
                lines.append(
                    f"- {name}, torch {compat.torch_of(key)} {SYMBOL[cell['result']]} "
                    f"<code>{reason}</code>"
                )
    if not lines:
        return []
    return ["", f"**{text['fails']}**", "", *lines]


def table(
    data: dict | None,
    lang: str,
    groups: list[tuple[str, list[str]]] | None = None,
    unchecked: Sequence[str] = (),
) -> str:
    """The reference page: per-environment counts, a grid per Python (selected by tabs),
    the failures, and the plain table. ``groups``: [(page title, [snippet names])] in
    reading order (default: one group of every snippet in the data); ``unchecked``
    snippets are left out of the grids and counted."""
    text = _text(lang)
    if not data or not data["environments"]:
        return text["no_data"]
    skip = set(unchecked)
    if groups is None:
        groups = [("", list(data["snippets"]))]
    groups = [(t, [n for n in names if n not in skip]) for t, names in groups]
    groups = [(t, names) for t, names in groups if names]
    names = [n for _, members in groups for n in members]
    pinned = data["pinned"]
    axis = compat.torch_axis(data)
    out = [
        text["header"].format(
            n=len(data["environments"]),
            date=data["generated"],
            releases=", ".join(compat.short(compat.torch_of(k)) for k in axis),
            python=pinned["python"],
            pythons=", ".join(compat.python_of(k) for k in compat.python_axis(data)),
            torch=compat.short(pinned["torch"]),
        ),
        "",
    ]
    if skip:
        out += [text["unchecked_count"].format(n=len(skip)), ""]
    out += [
        text["legend"].format(torch=pinned["torch"], python=pinned["python"]),
        "",
    ]
    pythons = compat.pythons(data)
    pythons.sort(key=lambda p: (p != pinned["python"], compat.version_key(p)))
    for python in pythons:
        out += [f'=== "Python {python}"', ""]
        block = [*_grid(data, python, groups, lang), *_failures(data, python, names, lang)]
        out += [f"    {line}" if line else "" for line in block]
        out.append("")

    out += [
        f"**{text['per_version'].format(n=len(names))}**",
        "",
        f"| {text['version']} | {text['count']} |",
        "| --- | --- |",
    ]
    for key, tally in compat.counts(
        {**data, "snippets": {n: data["snippets"][n] for n in names if n in data["snippets"]}}
    ).items():
        runs = sum(tally.get(r, 0) for r in compat.RUNS)
        out.append(
            f"| torch {compat.torch_of(key)}, Python {compat.python_of(key)} | "
            f"{runs} / {tally.get('same', 0)} / {tally.get('fails', 0)} |"
        )
    keys = [compat.env_key(e["python"], e["torch"]) for e in data["environments"]]
    labels = [
        f"{e['torch']}<br>py {e.get('python_version') or e['python']}<br>tv {e['torchvision']}"
        + (f"<br>np {e['numpy']}" if e.get("numpy") else "")
        for e in data["environments"]
    ]
    out += [
        "",
        f'<details class="compat-full"><summary>{text["full"]}</summary>',
        "",
        f"| {text['snippet']} | " + " | ".join(labels) + " |",
        "| --- |" + " :-: |" * len(keys),
    ]
    for name in names:
        entry = data["snippets"].get(name)
        row = [SYMBOL[_cell(entry, k)["result"]] for k in keys]
        out.append(f"| {name} | " + " | ".join(row) + " |")
    out += ["", "</details>"]
    return "\n".join(out)
