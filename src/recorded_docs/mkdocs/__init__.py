"""The MkDocs side: one plugin (``recorded-docs`` in mkdocs.yml's ``plugins:``).

* :mod:`.config` — its options (typed);
* :mod:`.plugin` — the plugin: the page pipeline per page, notebooks, the site's files;
* :mod:`.i18n` — what it needs of mkdocs-static-i18n (page language, nested builds,
  one search index per language);
* :mod:`.material` — everything that depends on Material for MkDocs' internals.

The rest of the package does not import MkDocs.
"""
