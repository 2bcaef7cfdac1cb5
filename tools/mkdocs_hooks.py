"""Moved: the mkdocs hooks are now one file per feature under tools/hooks/.

mkdocs.yml lists them under ``hooks:``. This module only keeps the old import path of
the output-block helpers working (tests/test_checks.py imports them from here).
"""

from tools.hooks.recorded_note import FOLD_AT, output_blocks, recorded_note

__all__ = ["FOLD_AT", "output_blocks", "recorded_note"]
