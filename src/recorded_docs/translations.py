"""List zh/en page pairs where one language was committed after the other, and
snippets whose Chinese comments (<name>.zh.yaml) are older than their code.

    python -m recorded_docs translations

A page whose last commit is newer in one language than in the other may need its
translation updated; so may a snippet's Chinese comments when the snippet was
committed after its .zh.yaml (recorded_docs.comments; the tests already fail on a
comment without a Chinese counterpart, this lists the ones that may be out of date). Uncommitted changes count as newest. Needs only git and the standard library. Prints one line per
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


def _git(root: Path, *args: str) -> str:
    return subprocess.run(
        ["git", *args], cwd=root, capture_output=True, text=True, check=True
    ).stdout.strip()


def stale_comments(root: Path) -> list[str]:
    """Snippets changed after their Chinese comments, or with comments and no .zh.yaml.

    "After" is by history, not by clock: a snippet commit that comes after the
    .zh.yaml's last commit (two commits in the same second are still ordered).
    Uncommitted changes count as newest.
    """
    from recorded_docs.comments import LANG, comment_units
    from recorded_docs.snippet import all_snippets

    lines = []
    for snippet in all_snippets(root):
        rel, zh = Path(snippet.path), Path(snippet.comments_file(LANG))
        if not (root / zh).exists():
            if comment_units(snippet.source):
                lines.append(f"{rel} has comments but no Chinese comments ({zh} is missing)")
            continue
        if _git(root, "status", "--porcelain", "--", str(zh)):
            continue  # the Chinese comments are being edited: newest
        _, described = last_change(root, zh)
        if _git(root, "status", "--porcelain", "--", str(rel)):
            lines.append(f"{zh} ({described}) is older than {rel} (uncommitted changes)")
            continue
        since = _git(root, "log", "-1", "--format=%H", "--", str(zh))
        newer = _git(root, "log", "-1", "--format=%h %cs", f"{since}..HEAD", "--", str(rel))
        if newer:
            commit, day = newer.split()
            lines.append(f"{zh} ({described}) is older than {rel} (commit {commit} on {day})")
    return lines


def main(root: Path | None = None) -> int:
    root = root or Path.cwd()
    lines = stale_pairs(root)
    print("\n".join(lines) if lines else "every zh/en page pair was last changed together")
    comments = stale_comments(root)
    print(
        "\n".join(comments)
        if comments
        else "every snippet's Chinese comments were changed with or after its code"
    )
    return 0
