"""recorded-docs: documentation whose every code block is a tested file and whose every
output is a recorded run of it.

The parts, by name:

* :mod:`~recorded_docs.snippet` — what a snippet is (its files, its in-file conventions);
* :mod:`~recorded_docs.scan`, :mod:`~recorded_docs.includes`, :mod:`~recorded_docs.pages`
  — reading pages: the one fence scanner, include expansion, the page model;
* :mod:`~recorded_docs.rules`, :mod:`~recorded_docs.lint` — the per-block rules and the
  repository's structure rules;
* :mod:`~recorded_docs.runner` — running one snippet in its own forked process;
* :mod:`~recorded_docs.compare`, :mod:`~recorded_docs.figures` — tolerant comparison of
  outputs and of figures by their data;
* :mod:`~recorded_docs.verdict` — the one verdict on a run; :mod:`~recorded_docs.verify`
  — verifying or recording it; :mod:`~recorded_docs.manifest` — what recorded what;
* :mod:`~recorded_docs.pytest_plugin` — pages as tests (``pytest docs/``);
* :mod:`~recorded_docs.render` — the page pipeline (source → finished Markdown),
  :mod:`~recorded_docs.notebooks`, :mod:`~recorded_docs.comments` (translated comments);
* :mod:`~recorded_docs.compat` — drift and per-release compatibility;
* :mod:`~recorded_docs.mkdocs` — the MkDocs plugin (the only part that needs MkDocs).
"""

from recorded_docs.pages import Layout, Page, Site
from recorded_docs.snippet import Snippet, all_snippets
from recorded_docs.verdict import Status, Verdict, judge

__version__ = "0.2.0"
__all__ = ["Layout", "Page", "Site", "Snippet", "Status", "Verdict", "all_snippets", "judge"]
