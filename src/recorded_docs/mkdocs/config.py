"""The plugin's options (mkdocs.yml)::

    plugins:
      - recorded-docs:
          snippets_dir: snippets        # where the snippets are, relative to mkdocs.yml
          fold_outputs_at: 20           # outputs longer than this many lines are folded
          chinese_comments: [zh]        # page languages that show the Chinese comments
          notebooks: true               # every page that shows snippets as a notebook
          search_per_language: true     # one search index per language (static-i18n)
          glossary: glossary.md         # its rows tag their sections in search ('' : off)

Where includes are looked up (``base_path``) and whether a missing one fails
(``check_paths``) are pymdownx.snippets' own options, read from the build's config.
"""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c


class RecordedDocsConfig(base.Config):
    snippets_dir = c.Type(str, default="snippets")
    fold_outputs_at = c.Type(int, default=20)
    chinese_comments = c.ListOfItems(c.Type(str), default=["zh"])
    notebooks = c.Type(bool, default=True)
    search_per_language = c.Type(bool, default=True)
    glossary = c.Type(str, default="glossary.md")
