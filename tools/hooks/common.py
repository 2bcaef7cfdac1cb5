"""What several hooks share: the page's language and the i18n plugin's languages."""

from __future__ import annotations

from pathlib import Path, PurePosixPath

ROOT = Path(__file__).resolve().parents[2]
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
