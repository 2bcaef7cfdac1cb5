"""What the plugin needs of mkdocs-static-i18n (folder structure: docs/<lang>/...).

* a page's language, and the languages of the build (the default first);
* whether a build is one of i18n's nested per-language builds (it builds the default
  language, then, in its ``on_post_build``, every other language in the same process);
* one search index per language: i18n merges every language's pages into the root
  index (its issue #271), so a search on a Chinese page would return English pages too.
  After its merge, :func:`split_index` gives the default language search/search_index.json
  and each other language <lang>/search/search_index.json with locations relative to
  <lang>/. Notebook pages, which repeat their page, are left out of every index.
"""

from __future__ import annotations

import json
from pathlib import Path, PurePosixPath

LANGUAGES = ("zh", "en")


def page_language(page) -> str:
    """The page's locale as mkdocs-static-i18n set it, else its folder (docs/<lang>/)."""
    locale = getattr(page.file, "locale", None)
    if locale:
        return str(locale)
    first = PurePosixPath(page.file.src_uri).parts[0]
    return first if first in LANGUAGES else LANGUAGES[0]


def languages(config) -> tuple[str | None, list[str]]:
    """(default language, other built languages) from the i18n plugin's config."""
    i18n = config.plugins.get("i18n")
    if i18n is None:
        return None, []
    default = next(lang.locale for lang in i18n.config.languages if lang.default)
    others = [lang.locale for lang in i18n.config.languages if not lang.default and lang.build]
    return default, others


def is_nested_build(config) -> bool:
    """True inside mkdocs-static-i18n's per-language builds, before its final merge."""
    i18n = config.plugins.get("i18n")
    return i18n is not None and getattr(i18n, "building", False)


def current_language(config) -> str | None:
    i18n = config.plugins.get("i18n")
    return getattr(i18n, "current_language", None) if i18n is not None else None


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


def split_search_index(site_dir: Path, others: list[str]) -> None:
    index_file = Path(site_dir) / "search" / "search_index.json"
    if not index_file.exists():
        return
    index = json.loads(index_file.read_text("utf-8"))
    for lang, own in split_index(index, others).items():
        target = Path(site_dir) / lang / "search" / "search_index.json"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(own, ensure_ascii=False), "utf-8")
