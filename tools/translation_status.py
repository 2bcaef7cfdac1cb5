"""List zh/en page pairs where one language was committed after the other.

    python -m tools.translation_status

A page whose last commit is newer in one language than in the other may need its
translation updated. Uncommitted changes count as newest. Needs only git and the standard library. Prints one line per
such pair, or a line saying that every pair is in step. Always exits 0: this is
a list to read, not a check (the structure test already fails on pairs whose
snippets, anchors or admonitions differ).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def last_change(root: Path, path: Path) -> tuple[int, str]:
    """(unix time, description) of the last change to a file; uncommitted is newest."""
    dirty = subprocess.run(
        ["git", "status", "--porcelain", "--", str(path)],
        cwd=root,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    if dirty:
        return sys.maxsize, "uncommitted changes"
    out = subprocess.run(
        ["git", "log", "-1", "--format=%ct %h %cs", "--", str(path)],
        cwd=root,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    if not out:
        return 0, "never committed"
    return int(out[0]), f"commit {out[1]} on {out[2]}"


def stale_pairs(root: Path) -> list[str]:
    def pages(lang: str) -> set[Path]:
        base = root / "docs" / lang
        return {p.relative_to(base) for p in base.rglob("*.md")}

    lines = []
    for page in sorted(pages("zh") & pages("en")):
        zh, en = Path("docs/zh") / page, Path("docs/en") / page
        (tz, dz), (te, de) = last_change(root, zh), last_change(root, en)
        if tz != te:
            newer, older = ((zh, dz), (en, de)) if tz > te else ((en, de), (zh, dz))
            lines.append(f"{older[0]} ({older[1]}) is older than {newer[0]} ({newer[1]})")
    return lines


def main() -> int:
    lines = stale_pairs(Path.cwd())
    print("\n".join(lines) if lines else "every zh/en page pair was last changed together")
    return 0


if __name__ == "__main__":
    sys.exit(main())
