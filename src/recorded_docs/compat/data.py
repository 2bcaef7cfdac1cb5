"""Which torch releases each snippet runs on: the data file and its summaries.

    python -m recorded_docs compat write PINNED RUN.jsonl [RUN.jsonl ...]

``nox -s compat`` runs every snippet on several releases (:mod:`recorded_docs.compat.run`,
the engine it shares with ``nox -s drift``), one ``--drift-report`` JSON-lines file each,
then writes ``snippets/compat.json`` from them: only this module writes it. Per snippet
and release one result:

- ``same``: runs, prints the recorded output (within the tolerance);
- ``different``: runs, prints something else (or a declared legacy warning is gone);
- ``warns``: runs, with a warning the snippet does not declare;
- ``fails``: an error ends it; ``reason`` is the error's first line.

The pages' recorded outputs stay the pinned version's: nothing here touches them.
Pages show :func:`summary` under each code block (:mod:`recorded_docs.render.compat_lines`),
the reference page the whole table, the home page :func:`site_range`.
"""

from __future__ import annotations

import datetime
import json
import platform
import sys
from pathlib import Path

from packaging.version import Version

from recorded_docs.snippet import all_snippets

DATA = Path("snippets") / "compat.json"
RUNS = ("same", "different", "warns")  # the results in which a snippet runs
NO_RESULT = "no result"
STATUS = {"ok": "same", "output changed": "different", "new warning": "warns", "error": "fails"}


def result_of(row: dict) -> dict:
    """One drift-report row as a compat cell: {"result": ..., "reason": ...}."""
    status = row["status"]
    if status == "legacy changed":
        result = "fails" if row.get("raised") else "different"
    else:
        result = STATUS.get(status, "fails")
    cell = {"result": result}
    if result != "same" and row.get("line"):
        cell["reason"] = row["line"][:300]
    return cell


def version_key(text: str) -> Version:
    return Version(text)


def short(version: str) -> str:
    """2.4.1 -> 2.4: a compat run tests one release per minor version."""
    return ".".join(version.split(".")[:2])


def load_rows(paths: list[Path]) -> list[dict]:
    rows = []
    for path in paths:
        if path.exists():
            rows += [json.loads(line) for line in path.read_text("utf-8").splitlines() if line]
    return rows


def build(
    rows: list[dict],
    snippets: list[str],
    pinned: str,
    numpy: dict[str, str] | None = None,
    date: str | None = None,
    python: str | None = None,
) -> dict:
    """The data file's content from drift-report rows (any number of versions)."""
    versions: dict[str, dict[str, str]] = {}
    cells: dict[str, dict[str, dict]] = {name: {} for name in snippets}
    for row in rows:
        torch = row["torch"].split("+")[0]
        versions.setdefault(torch, {"torch": torch, "torchvision": row["torchvision"]})
        if row["snippet"] in cells:
            cells[row["snippet"]][torch] = result_of(row)
    order = sorted(versions, key=version_key)
    for torch in order:
        if numpy and torch in numpy:
            versions[torch]["numpy"] = numpy[torch]
        for name in snippets:
            cells[name].setdefault(torch, {"result": NO_RESULT})
    return {
        "generated": date or datetime.date.today().isoformat(),
        "python": python or ".".join(platform.python_version_tuple()[:2]),
        "pinned": pinned,
        "versions": [versions[t] for t in order],
        "snippets": {name: {t: cells[name][t] for t in order} for name in sorted(cells)},
    }


def write(data: dict, root: Path) -> Path:
    path = root / DATA
    tmp = path.with_name(".compat.json.tmp")
    try:
        tmp.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", "utf-8")
        tmp.replace(path)
    except BaseException:
        tmp.unlink(missing_ok=True)  # the data file keeps its previous content
        raise
    return path


def load(root: Path) -> dict | None:
    path = root / DATA
    return json.loads(path.read_text("utf-8")) if path.exists() else None


def ranges(tested: list[str], good: set[str]) -> list[tuple[str, str]]:
    """Runs of consecutive tested versions (in order) that are in ``good``: [(first, last)]."""
    out: list[tuple[str, str]] = []
    start = prev = None
    for v in tested:
        if v in good:
            start = start or v
            prev = v
        elif start:
            out.append((start, prev))
            start = None
    if start:
        out.append((start, prev))
    return out


def range_text(spans: list[tuple[str, str]]) -> str:
    return ", ".join(short(a) if a == b else f"{short(a)}–{short(b)}" for a, b in spans)


def summary(cells: dict[str, dict] | None, versions: list[str], pinned: str) -> dict:
    """What a page says under one code block.

    {"checked": False} for a snippet without data. Else "runs" (ranges of the tested
    versions it runs on), "same_since" (the oldest tested version from which every one
    up to the pinned prints the recorded output), "newer" (tested versions after the
    pinned one whose output differs), "fails" ({version: first line}).
    """
    if not cells or any(v not in cells for v in versions):
        return {"checked": False}
    tested = [v for v in versions if cells[v]["result"] != NO_RESULT]
    runs = {v for v in tested if cells[v]["result"] in RUNS}
    same_since = None
    for v in reversed([t for t in tested if version_key(t) <= version_key(pinned)]):
        if cells[v]["result"] != "same":
            break
        same_since = v
    newer = [
        v for v in tested if version_key(v) > version_key(pinned) and cells[v]["result"] != "same"
    ]
    return {
        "checked": True,
        "runs": ranges(tested, runs),
        "same_since": same_since,
        "newer": newer,
        "fails": {v: cells[v].get("reason", "") for v in tested if cells[v]["result"] == "fails"},
    }


def site_range(data: dict) -> dict:
    """The releases on which every snippet runs, and on which every output is the same."""
    versions = [v["torch"] for v in data["versions"]]
    snippets = data["snippets"].values()
    runs = {v for v in versions if all(c.get(v, {}).get("result") in RUNS for c in snippets)}
    same = {v for v in versions if all(c.get(v, {}).get("result") == "same" for c in snippets)}
    return {"versions": versions, "runs": ranges(versions, runs), "same": ranges(versions, same)}


def snippet_names(root: Path) -> list[str]:
    """Today's snippets, as the data file names them (topic/name.py)."""
    return [snippet.name for snippet in all_snippets(root)]


def unchecked(data: dict | None, root: Path) -> list[str]:
    """Snippets newer than the data file: shown as "not yet checked", never as compatible."""
    known = set(data["snippets"]) if data else set()
    return [name for name in snippet_names(root) if name not in known]


def counts(data: dict) -> dict[str, dict[str, int]]:
    """Per version, how many snippets have each result."""
    out: dict[str, dict[str, int]] = {}
    for v in data["versions"]:
        tally = out.setdefault(v["torch"], {})
        for cells in data["snippets"].values():
            result = cells.get(v["torch"], {}).get("result", NO_RESULT)
            tally[result] = tally.get(result, 0) + 1
    return out


def main(argv: list[str], root: Path | None = None) -> int:
    root = root or Path.cwd()
    if len(argv) < 2 or argv[0] != "write":
        print("usage: python -m recorded_docs compat write PINNED [RUN.jsonl ...]", file=sys.stderr)
        return 2
    pinned, *runs = argv[1:]
    numpy = {}
    for run in runs:
        meta = Path(run).with_suffix(".done")
        if meta.exists():
            info = json.loads(meta.read_text("utf-8"))
            if info.get("numpy"):
                numpy[info["torch"].split("+")[0]] = info["numpy"]
    data = build(load_rows([Path(r) for r in runs]), snippet_names(root), pinned, numpy)
    path = write(data, root)
    for version, tally in counts(data).items():
        print(f"torch {version}: " + ", ".join(f"{k} {n}" for k, n in sorted(tally.items())))
    print(f"wrote {path}")
    return 0
