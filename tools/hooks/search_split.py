"""One search index per language.

mkdocs-static-i18n merges every language's pages into the root index (its issue #271),
so a search on a Chinese page would return English pages too. After its merge, the
index is split: the default language keeps search/search_index.json, each other
language gets <lang>/search/search_index.json with locations relative to <lang>/
(tools/hooks/theme_material.py points that language's pages at it). Notebook pages, which
repeat their page, are left out of the index. The search configuration (languages,
separator, pipeline) is the search plugin's, from mkdocs.yml, in every index: each
language's pages hold the other's script too (code is English, the English glossary
names the Chinese terms), so every index segments Chinese and stems English.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from mkdocs.plugins import event_priority

# mkdocs restores sys.path once this module is loaded: import what we need now.
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from tools.hooks.common import is_nested_build, languages  # noqa: E402


def split_index(index: dict, others: list[str]) -> dict[str, dict]:
    """The merged index -> {"": default language's index, "<lang>": each other's}."""
    # A notebook page repeats its page: leave it out so searches land on the page.
    docs = [d for d in index["docs"] if "notebooks/" not in d["location"]]
    split = {}
    for lang in others:
        prefix = f"{lang}/"
        own = [
            {**d, "location": d["location"][len(prefix) :]}
            for d in docs
            if d["location"].startswith(prefix)
        ]
        split[lang] = {**index, "docs": own}
    prefixes = tuple(f"{lang}/" for lang in others)
    split[""] = {**index, "docs": [d for d in docs if not d["location"].startswith(prefixes)]}
    return split


@event_priority(-200)  # after mkdocs-static-i18n (-100) has merged the languages' entries
def on_post_build(config):
    if is_nested_build(config):
        return  # a nested per-language build: the merged index is not written yet
    _, others = languages(config)
    index_file = Path(config.site_dir) / "search" / "search_index.json"
    if not index_file.exists():
        return
    index = json.loads(index_file.read_text("utf-8"))
    for lang, own in split_index(index, others).items():
        target = Path(config.site_dir) / lang / "search" / "search_index.json"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(own, ensure_ascii=False), "utf-8")
