"""mkdocs hooks (registered in mkdocs.yml under ``hooks:``).

* Under the title of every page that shows snippets, a note says which torch,
  torchvision, Python and device its outputs were recorded with, read from
  snippets/manifest.json (never typed by hand). A shown snippet without a
  recording is a build warning, so ``mkdocs build --strict`` fails on it.
* One search index per language. mkdocs-static-i18n merges every language into
  the root index, so a search on a Chinese page would return English pages too.
  After its merge, the index is split: the default language keeps
  search/search_index.json, each other language gets <lang>/search/, and that
  language's pages are pointed at it.

Runs without torch.
"""

from __future__ import annotations

import json
import logging
import re
from pathlib import Path, PurePosixPath

from mkdocs.plugins import event_priority

log = logging.getLogger("mkdocs.hooks.recorded_with")

INCLUDE_RE = re.compile(
    r"""^\s*-+8<-+\s+(["'])(?P<target>snippets/[^"':]+\.py)(?::[\w-]+)?\1\s*$""", re.MULTILINE
)
H1_RE = re.compile(r"^# .*$", re.MULTILINE)

TEXT = {
    "zh": {
        "title": "本页输出的录制环境",
        "body": "本页每个输出块都是上方代码文件的真实运行结果，并由测试逐字核对（数字允许极小的误差）。",
    },
    "en": {
        "title": "Where this page's outputs were recorded",
        "body": "Every output block on this page is a recorded run of the file above it, "
        "checked by the test suite (numbers within a small tolerance).",
    },
}


def _page_language(page) -> str:
    locale = getattr(page.file, "locale", None)
    if locale:
        return str(locale)
    return PurePosixPath(page.file.src_uri).parts[0]


def _describe(entry: dict) -> str:
    return (
        f"PyTorch {entry['torch']} · torchvision {entry['torchvision']} · "
        f"Python {entry['python']} · {entry['device_name']} · {entry['recorded']}"
    )


def recorded_note(markdown: str, manifest: dict, lang: str, page_path: str) -> str | None:
    """The admonition for a page's markdown, or None when it shows no snippet."""
    snippets = [m["target"] for m in INCLUDE_RE.finditer(markdown)]
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
    return f'!!! info "{text["title"]}"\n\n{lines}\n\n    {text["body"]}\n'


def on_page_markdown(markdown, page, config, files):
    manifest_file = Path(config.config_file_path).parent / "snippets" / "manifest.json"
    manifest = json.loads(manifest_file.read_text("utf-8")) if manifest_file.exists() else {}
    note = recorded_note(markdown, manifest, _page_language(page), page.file.src_uri)
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
    if lang in others:
        # Material fetches <base>/search/search_index.json: make it this language's.
        output = CONFIG_BASE_RE.sub(lambda m: f"{m[1]}{m[2]}/{lang}/{m[3]}", output, count=1)
    return output


@event_priority(-200)  # after mkdocs-static-i18n (-100) has merged the languages' entries
def on_post_build(config):
    i18n = config.plugins.get("i18n")
    if i18n is None or getattr(i18n, "building", False):
        return  # a nested per-language build: the merged index is not written yet
    default, others = _languages(config)
    index_file = Path(config.site_dir) / "search" / "search_index.json"
    if not index_file.exists():
        return
    index = json.loads(index_file.read_text("utf-8"))
    docs = index["docs"]
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
