"""Combine drift runs into one table: snippet × torch/torchvision version.

    python -m recorded_docs drift-report OUT.md RUN.jsonl [RUN.jsonl ...]

Each RUN.jsonl is what ``pytest docs --drift-report RUN.jsonl``
wrote on one version pair: one column each, even when the run wrote nothing (its
environment failed, pytest crashed). Every snippet file under ``snippets/`` gets a
row, whether or not a run reported it. A cell with no result ("not run": the
snippet was not collected, or its worker died) is drift, as is any status but
``ok``. Prints the table and the details of every drifted cell, writes the same as
Markdown to OUT.md, and exits 1 on any drift (0 when every cell is ok).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from recorded_docs.snippet import all_snippets

NOT_RUN = "not run"


def column_of(row: dict) -> str:
    return f"torch {row['torch']} / torchvision {row['torchvision']}"


def load(paths: list[Path]) -> tuple[list[str], dict[str, dict[str, dict]]]:
    """(columns, cells): one column per run file, cells[snippet][column] = result row."""
    columns: list[str] = []
    cells: dict[str, dict[str, dict]] = {}
    for path in paths:
        rows = []
        if path.exists():
            rows = [json.loads(line) for line in path.read_text("utf-8").splitlines() if line]
        if not rows:
            columns.append(f"{path.stem} (no results)")
            continue
        for row in rows:
            column = column_of(row)
            if column not in columns:
                columns.append(column)
            cells.setdefault(row["snippet"], {})[column] = row
    return columns, cells


def snippet_names(root: Path) -> list[str]:
    """Every snippet file, as the reports name them (autograd/scalar_backward.py)."""
    return [snippet.name for snippet in all_snippets(root)]


def render(
    columns: list[str], cells: dict[str, dict[str, dict]], snippets: list[str] | None = None
) -> tuple[str, int]:
    """The Markdown report and the number of drifted cells (missing ones included)."""
    lines = ["# Drift report", "", "| snippet | " + " | ".join(columns) + " |"]
    lines.append("| --- |" + " --- |" * len(columns))
    details, drifted = [], 0
    rows = sorted(set(cells) | set(snippets or []))
    for snippet in rows:
        row = []
        for column in columns:
            cell = cells.get(snippet, {}).get(column)
            status = cell["status"] if cell else NOT_RUN
            row.append(status if status == "ok" else f"**{status}**")
            if status == "ok":
                continue
            drifted += 1
            if cell is None:
                detail = (
                    "No result for this snippet: it was not collected (is its page readable?), "
                    "its test crashed before writing a result, or the whole run failed."
                )
                shown = ""
            else:
                detail, shown = cell["detail"], ", ".join(cell["pages"])
            details += [f"## {snippet} on {column}: {status}", ""]
            if shown:
                details += [f"Shown on: {shown}", ""]
            details += ["```text", detail.rstrip(), "```", ""]
        lines.append(f"| `{snippet}` | " + " | ".join(row) + " |")
    summary = (
        f"{drifted} drifted cell(s) over {len(rows)} snippets and {len(columns)} version pair(s)."
    )
    return "\n".join([*lines, "", summary, "", *details]) + "\n", drifted


def main(argv: list[str], root: Path | None = None) -> int:
    out, *runs = (Path(a) for a in argv)
    if not runs:
        print(
            "usage: python -m recorded_docs drift-report OUT.md RUN.jsonl [RUN.jsonl ...]",
            file=sys.stderr,
        )
        return 2
    columns, cells = load(runs)
    snippets = snippet_names(root or Path.cwd())
    if not cells and not snippets:
        print("no drift results to report, and no snippets", file=sys.stderr)
        return 2
    text, drifted = render(columns, cells, snippets)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(text, "utf-8")
    print(text)
    print(f"Markdown report: {out}")
    return 1 if drifted else 0


def run_main(argv: list[str], root: Path | None = None) -> int:
    """``python -m recorded_docs drift [PAIR ...]``: every snippet on each pair's own
    environment under .nox/drift/ (kept for the next run), then the table."""
    import argparse
    import shutil

    from recorded_docs.compat import envs

    parser = argparse.ArgumentParser(prog="python -m recorded_docs drift")
    parser.add_argument(
        "pairs", nargs="*", help="TORCH/TORCHVISION, 'pinned', 'latest' or 'candidate'"
    )
    parser.add_argument("--pinned", required=True, help="the pinned TORCH/TORCHVISION")
    parser.add_argument("--workers", default="1")
    parser.add_argument("--requirement", action="append", default=[], dest="others")
    parser.add_argument("--out", default=".artifacts/drift")
    args = parser.parse_args(argv)
    root = root or Path.cwd()
    reports = Path(args.out)
    shutil.rmtree(reports, ignore_errors=True)
    run = envs.subprocess_runner()
    runs = []
    for name in args.pairs or ["pinned", "latest"]:
        index = None
        if name == "pinned":
            torch, _, vision = args.pinned.partition("/")
        elif name == "latest":
            torch, vision = envs.index_versions("torch")[0], ""  # the resolver picks torchvision
        elif name == "candidate":
            from recorded_docs.compat import candidates

            releases = envs.index_versions("torch")
            found = candidates.candidate_to_test(candidates.fetch_listing("torch"), releases)
            if found is None:
                text = (
                    f"No release candidate on {candidates.TEST_INDEX} is newer than torch "
                    f"{releases[0]}, the newest release: nothing to check.\n"
                )
                reports.mkdir(parents=True, exist_ok=True)
                (reports / "report.md").write_text(text, "utf-8")
                print(text, end="")
                continue
            torch, vision, index = found, "", candidates.TEST_INDEX
        else:
            torch, _, vision = name.partition("/")
        pair = {"torch": torch, "torchvision": vision, "numpy": envs.numpy_spec(torch)}
        if index:
            pair["index"] = index
        venv = Path(".nox/drift") / f"torch-{torch}"
        python = envs.make_env(run, venv, pair, args.others, root)
        report = reports / f"torch-{torch}.jsonl"
        envs.run_snippets(run, python, report, root, workers=args.workers)
        runs.append(str(report))
    if not runs:
        return 0
    return main([str(reports / "report.md"), *runs], root)
