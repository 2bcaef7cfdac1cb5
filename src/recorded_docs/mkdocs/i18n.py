"""What the plugin needs of mkdocs-static-i18n (folder structure: docs/<lang>/...).

* a page's language, and the languages of the build (the default first);
* whether a build is one of i18n's nested per-language builds (it builds the default
  language, then, in its ``on_post_build``, every other language in the same process);
* one search index per language: i18n merges every language's pages into the root
  index (its issue #271), so a search on a Chinese page would return English pages too.
  After its merge, :func:`split_index` gives the default language search/search_index.json
  and each other language <lang>/search/search_index.json with locations relative to
  <lang>/. Notebook pages, which repeat their page, are left out of every index; the
  glossary's terms go into each (:func:`tag_glossary`);
* the language switch of the pages i18n does not handle (:class:`LanguageSwitch`).
"""

from __future__ import annotations

import copy
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


class LanguageSwitch:
    """The language switch of the pages mkdocs-static-i18n does not give their own.

    i18n sets the switch's links (``config.extra.alternate``) per page and leaves the
    last page's links in the config: its next language's build takes them as that
    language's defaults, and the pages it does not handle (the 404 page, the notebooks)
    showed whichever page was built before them, in a full build another than in a
    dirty one. The home links of the first build are kept here and given back.
    """

    def __init__(self):
        self._home: list | None = None

    def remember(self, config) -> None:
        """At every build's start: keep the home links, restore them for a nested build."""
        plugin = config.plugins.get("i18n")
        if plugin is None or not getattr(plugin, "extra_alternate", None):
            return
        if not is_nested_build(config):
            self._home = copy.deepcopy(plugin.extra_alternate)
        elif self._home:
            plugin.extra_alternate = copy.deepcopy(self._home)

    def set(self, config, links: dict[str, str] | None = None) -> None:
        """The home links, or ``links`` ({lang: site-relative URL}) where given."""
        if not self._home:
            return
        switch = copy.deepcopy(self._home)
        for alternate in switch:
            if links and alternate.get("lang") in links:
                alternate["link"] = links[alternate["lang"]]
        # i18n sets both the key and an attribute of that name; templates read the
        # attribute first.
        config.extra["alternate"] = switch
        config.extra.alternate = switch

    def for_notebook(self, config, stem: str) -> None:
        """A notebook's switch leads to its page's notebook in each language."""
        default, others = languages(config)
        url = f"notebooks/{stem}/" if config.use_directory_urls else f"notebooks/{stem}.html"
        self.set(
            config,
            {lang: ("" if lang == default else f"{lang}/") + url for lang in [default, *others]},
        )


def tag_glossary(site_dir: Path, langs: list[str], rows, directory_urls: bool) -> list[str]:
    """Each language's search index (after the split) gets the glossary's terms
    (recorded_docs.glossary); returns the rows whose section is in no index."""
    from recorded_docs import glossary

    problems: list[str] = []
    default = langs[0]
    for lang in langs:
        path = Path(site_dir) / ("" if lang == default else lang) / "search" / "search_index.json"
        if not path.exists():
            continue
        index = json.loads(path.read_text("utf-8"))
        problems += [
            p for p in glossary.tag_index(index, rows, directory_urls) if p not in problems
        ]
        path.write_text(json.dumps(index, ensure_ascii=False), "utf-8")
    return problems
