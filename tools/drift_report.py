"""Combine drift runs into one table: snippet × torch/torchvision version.

    python -m tools.drift_report OUT.md RUN.jsonl [RUN.jsonl ...]

Each RUN.jsonl is what ``pytest tests/test_snippets.py --drift-report RUN.jsonl``
wrote on one version pair. Prints the table and the details of every cell that is
not ``ok``, writes the same as Markdown to OUT.md, and exits 1 on any drift.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path


def load(paths: list[Path]) -> tuple[list[str], dict[str, dict[str, dict]]]:
    columns: list[str] = []
    cells: dict[str, dict[str, dict]] = {}
    for path in paths:
        for line in path.read_text("utf-8").splitlines():
            row = json.loads(line)
            column = f"torch {row['torch']} / torchvision {row['torchvision']}"
            if column not in columns:
                columns.append(column)
            cells.setdefault(row["snippet"], {})[column] = row
    return columns, cells


def render(columns: list[str], cells: dict[str, dict[str, dict]]) -> tuple[str, int]:
    lines = ["# Drift report", "", "| snippet | " + " | ".join(columns) + " |"]
    lines.append("| --- |" + " --- |" * len(columns))
    details, drifted = [], 0
    for snippet in sorted(cells):
        row = []
        for column in columns:
            cell = cells[snippet].get(column)
            status = cell["status"] if cell else "not run"
            row.append(status if status == "ok" else f"**{status}**")
            if cell and status != "ok":
                drifted += 1
                details += [
                    f"## {snippet} on {column}: {status}",
                    "",
                    f"Shown on: {', '.join(cell['pages'])}",
                    "",
                    "```text",
                    cell["detail"].rstrip(),
                    "```",
                    "",
                ]
        lines.append(f"| `{snippet}` | " + " | ".join(row) + " |")
    summary = (
        f"{drifted} drifted cell(s) over {len(cells)} snippets and {len(columns)} version pair(s)."
    )
    return "\n".join([*lines, "", summary, "", *details]) + "\n", drifted


def main(argv: list[str]) -> int:
    out, *runs = (Path(a) for a in argv)
    columns, cells = load([r for r in runs if r.exists()])
    if not cells:
        print("no drift results to report", file=sys.stderr)
        return 2
    text, drifted = render(columns, cells)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(text, "utf-8")
    print(text)
    print(f"Markdown report: {out}")
    return 1 if drifted else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
