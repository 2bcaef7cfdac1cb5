"""Refuse ``pytest --codeblocks``: pytest-codeblocks would run the pages as written.

The pages include their code from snippets/ (``--8<-- "snippets/..."``), which
pytest-codeblocks does not expand, and their shell blocks (``pip install torch``)
are instructions for readers, not tests. tests/test_snippets.py runs every snippet
the pages show, with the includes expanded, each in its own process.

(This file sits at the root so that pytest loads it for any path, docs/ included.)
"""

import pytest


def pytest_configure(config):
    if getattr(config.option, "codeblocks", False):
        raise pytest.UsageError(
            "--codeblocks is disabled on this site: its pages include their code from "
            "snippets/ (--8<--), which pytest-codeblocks does not expand, and their shell "
            "blocks (pip install ...) are not tests. Run the snippets the pages show with: "
            "python3 -m nox -s tests   (or: pytest tests/test_snippets.py)"
        )
