"""Compatibility lines: which torch releases each snippet runs on (snippets/compat.json).

* After the last block (code or output) of every snippet a page shows, one line:
  "runs on torch 2.1–2.15 · same output since 2.4" (:func:`note_for`). A snippet the data
  does not cover yet says "not yet checked", never "runs".
* The reference page's ``<!-- compat: table -->`` line becomes the full snippet × release
  table, with the failures' first lines (:func:`table`).
* The home page's ``<!-- compat: site-range -->`` line becomes the range of releases on
  which every snippet runs (:func:`site_line`), generated from the data, never typed.

Plain Markdown and HTML only (no theme markup). A step of the page pipeline
(:mod:`recorded_docs.render`).
"""

from __future__ import annotations

import html

from recorded_docs.compat import data as compat

TABLE_MARK = "<!-- compat: table -->"
RANGE_MARK = "<!-- compat: site-range -->"

TEXT = {
    "zh": {
        "runs": "可运行于 torch {runs}",
        "same": "自 {v} 起输出与本页相同",
        "newer": "{v} 上输出不同",
        "none": "在测试过的其他 torch 版本上都不能运行",
        "unchecked": "尚未在其他 torch 版本上检查",
        "more": "各版本详情",
        "site": "本站每段代码都能运行的 torch 版本：**{runs}**；输出与本站完全相同的版本：**{same}**"
        "（在 {tested} 上测试，Python {python}，{date}；详见[各版本兼容性](compat.md)）。",
        "site_checked": "本站已检查的每段代码",
        "site_unchecked": "另有 {n} 段较新的代码尚未在其他 torch 版本上检查。",
        "site_none": "尚未在其他 torch 版本上检查本站的代码。",
        "nothing": "无",
        "snippet": "代码文件",
        "legend": "✓ 输出相同　≈ 能运行，输出不同　⚠ 能运行，有警告　✗ 报错　? 无结果　"
        "（本站输出录制于 {pinned}）",
        "header": "测试了 {n} 个 torch 版本（Python {python}，{date}）：{versions}。",
        "fails": "报错（✗）和警告（⚠）的第一行",
        "no_data": "还没有兼容性数据：运行 `nox -s compat` 生成 snippets/compat.json。",
        "per_version": "每个版本上能运行的代码数（共 {n} 段）",
        "version": "torch 版本",
        "count": "能运行 / 输出相同 / 报错",
    },
    "en": {
        "runs": "runs on torch {runs}",
        "same": "same output since {v}",
        "newer": "output differs on {v}",
        "none": "runs on none of the other torch releases tested",
        "unchecked": "not yet checked on other torch releases",
        "more": "per release",
        "site": "Every snippet on this site runs on torch **{runs}**; the outputs are exactly "
        "this site's on **{same}** (tested on {tested}, Python {python}, {date}; "
        "see [compatibility per release](compat.md)).",
        "site_checked": "Every checked snippet on this site",
        "site_unchecked": "{n} newer snippets are not yet checked on other torch releases.",
        "site_none": "The snippets have not been checked on other torch releases yet.",
        "nothing": "none",
        "snippet": "Snippet",
        "legend": "✓ same output · ≈ runs, different output · ⚠ runs, warns · ✗ fails · "
        "? no result (the site's outputs are recorded with {pinned})",
        "header": "{n} torch releases tested (Python {python}, {date}): {versions}.",
        "fails": "First line of each failure (✗) and warning (⚠)",
        "no_data": "No compatibility data yet: `nox -s compat` writes snippets/compat.json.",
        "per_version": "Snippets that run on each release ({n} in all)",
        "version": "torch release",
        "count": "run / same output / fail",
    },
}
SYMBOL = {"same": "✓", "different": "≈", "warns": "⚠", "fails": "✗", compat.NO_RESULT: "?"}


def note_for(name: str, data: dict | None, lang: str) -> str:
    """The one-line note under a snippet's blocks (plain text, no link)."""
    text = TEXT.get(lang, TEXT["en"])
    if not data:
        return text["unchecked"]
    versions = [v["torch"] for v in data["versions"]]
    info = compat.summary(data["snippets"].get(name), versions, data["pinned"])
    if not info["checked"]:
        return text["unchecked"]
    if not info["runs"]:
        return text["none"]
    parts = [text["runs"].format(runs=compat.range_text(info["runs"]))]
    if info["same_since"]:
        parts.append(text["same"].format(v=compat.short(info["same_since"])))
    if info["newer"]:
        parts.append(text["newer"].format(v=", ".join(compat.short(v) for v in info["newer"])))
    return " · ".join(parts)


def site_line(data: dict | None, lang: str, unchecked: int = 0) -> str:
    """The home page's range; ``unchecked`` snippets (newer than the data) are not in it."""
    text = TEXT.get(lang, TEXT["en"])
    if not data or not data["versions"]:
        return text["site_none"]
    info = compat.site_range(data)
    line = text["site"].format(
        runs=compat.range_text(info["runs"]) or text["nothing"],
        same=compat.range_text(info["same"]) or text["nothing"],
        tested=", ".join(compat.short(v) for v in info["versions"]),
        python=data["python"],
        date=data["generated"],
    )
    if unchecked:
        every = "本站每段代码" if lang == "zh" else "Every snippet on this site"
        line = line.replace(every, text["site_checked"], 1)
        line += ("" if lang == "zh" else " ") + text["site_unchecked"].format(n=unchecked)
    return line


def table(data: dict | None, lang: str) -> str:
    """The reference page's table: per-release counts, every snippet × release, failures."""
    text = TEXT.get(lang, TEXT["en"])
    if not data or not data["versions"]:
        return text["no_data"]
    versions = [v["torch"] for v in data["versions"]]
    labels = [
        f"{v['torch']}<br>tv {v['torchvision']}"
        + (f"<br>np {v['numpy']}" if v.get("numpy") else "")
        for v in data["versions"]
    ]
    out = [
        text["header"].format(
            n=len(versions),
            python=data["python"],
            date=data["generated"],
            versions=", ".join(versions),
        ),
        "",
        f"**{text['per_version'].format(n=len(data['snippets']))}**",
        "",
        f"| {text['version']} | {text['count']} |",
        "| --- | --- |",
    ]
    for version, tally in compat.counts(data).items():
        runs = sum(tally.get(r, 0) for r in compat.RUNS)
        out.append(f"| {version} | {runs} / {tally.get('same', 0)} / {tally.get('fails', 0)} |")
    out += [
        "",
        text["legend"].format(pinned=data["pinned"]),
        "",
        f"| {text['snippet']} | " + " | ".join(labels) + " |",
        "| --- |" + " :-: |" * len(versions),
    ]
    failures = []
    for name, cells in data["snippets"].items():
        row = []
        for v in versions:
            cell = cells.get(v, {"result": compat.NO_RESULT})
            row.append(SYMBOL.get(cell["result"], "?"))
            if cell["result"] in ("fails", "warns"):
                failures.append((name, v, cell))
        out.append(f"| {name} | " + " | ".join(row) + " |")
    if failures:
        out += ["", f"**{text['fails']}**", ""]
        for name, v, cell in failures:
            reason = html.escape(cell.get("reason", ""))
            out.append(f"- {name}, torch {v} {SYMBOL[cell['result']]} <code>{reason}</code>")
    return "\n".join(out)
