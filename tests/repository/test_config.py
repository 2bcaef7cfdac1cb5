"""The two adapters see one site: the pytest plugin's layout (its ini options in
pyproject.toml) is the MkDocs plugin's (the build's config)."""

from __future__ import annotations

import tomllib

from mkdocs.config import load_config

from recorded_docs.mkdocs.plugin import layout_from
from tests.helpers import ROOT


def test_pytest_and_mkdocs_agree_on_the_layout(pytestconfig):
    from recorded_docs.pytest_plugin import layout_of

    config = load_config(str(ROOT / "mkdocs.yml"))
    plugin = config.plugins["recorded-docs"]
    built = layout_from(config, plugin.config.snippets_dir)
    tested = layout_of(pytestconfig)
    assert tested is not None, "pyproject.toml sets no recorded_docs_pages"
    assert (tested.root, tested.docs_dir, tested.snippets_dir) == (
        built.root,
        built.docs_dir,
        built.snippets_dir,
    )
    assert tested.languages == built.languages  # the default language first
    ini = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["tool"]["pytest"]
    assert ini["ini_options"]["recorded_docs_comments"] == plugin.config.chinese_comments
