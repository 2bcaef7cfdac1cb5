"""Compiled Jinja templates, kept for the process.

MkDocs makes a new Jinja environment for every build, and mkdocs-jupyter two new
nbconvert exporters (each with its own environment) for every notebook: each compiled
its templates from scratch (the theme's about a second a build; nbconvert's 550
compilations, a fifth of a cold build). Jinja's own bytecode cache, held in memory,
keeps what was compiled; a bucket is checked against its template's source, so an
edited template is compiled again.
"""

from __future__ import annotations

import jinja2


class MemoryBytecodeCache(jinja2.BytecodeCache):
    """Compiled templates in memory, for this process."""

    def __init__(self):
        self.store: dict[str, bytes] = {}

    def load_bytecode(self, bucket) -> None:
        if (data := self.store.get(bucket.key)) is not None:
            bucket.bytecode_from_string(data)

    def dump_bytecode(self, bucket) -> None:
        self.store[bucket.key] = bucket.bytecode_to_string()


TEMPLATES = MemoryBytecodeCache()
