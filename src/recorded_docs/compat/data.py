"""Which torch releases and Pythons each snippet runs on: the data file and its summaries.

``nox -s compat`` runs snippets in environments of other torch releases and Pythons
(:mod:`recorded_docs.compat.run`, the engine it shares with ``nox -s drift``), one
``--drift-report`` JSON-lines file each, and :func:`merge` folds them into
``snippets/compat.json``: only this module writes it. Per snippet and environment one
result:

- ``same``: runs, prints the recorded output (within the tolerance);
- ``different``: runs, prints something else (or a declared legacy warning is gone);
- ``warns``: runs, with a warning the snippet does not declare;
- ``fails``: an error ends it; ``reason`` is the error's first line.

The file (schema 2)::

    {"schema": 2, "generated": "2026-12-07",
     "pinned": {"python": "3.11", "torch": "2.14.1", "torchvision": "0.29.1"},
     "environments": [{"python": "3.11", "python_version": "3.11.7", "torch": "2.0.1",
                       "torchvision": "0.15.2", "numpy": "1.26.4"}, ...],
     "snippets": {"autograd/grad_fn.py": {
         "fingerprint": {"code": "…", "output": "…", "figures": "…"},
         "results": {"3.11/2.0.1": {"result": "same"}, ...}}}}

An environment is named ``<python>/<torch>`` (:func:`env_key`). A snippet's results were
all obtained from the code, recorded output and figures its ``fingerprint`` names
(:meth:`recorded_docs.snippet.Snippet.fingerprint`): a run on other code replaces them,
and a snippet whose files no longer match is "not yet checked" on the pages until compat
runs on it again (:func:`summary`). Two axes are read from the data: the torch releases
on the pinned Python, and the Pythons on the pinned torch.

The pages' recorded outputs stay the pinned environment's: nothing here touches them.
Pages show :func:`summary` under each code block (:mod:`recorded_docs.render.compat_lines`),
the reference page the whole matrix, the home page :func:`site_range`.
"""

from __future__ import annotations

import datetime
import json
from collections.abc import Iterable
from pathlib import Path

from packaging.version import Version

from recorded_docs.snippet import Snippet, all_snippets

SCHEMA = 2
DATA = Path("snippets") / "compat.json"
RUNS = ("same", "different", "warns")  # the results in which a snippet runs
RESULTS = (*RUNS, "fails")
ENV_FIELDS = ("python", "python_version", "torch", "torchvision", "numpy")
STATUS = {"ok": "same", "output changed": "different", "new warning": "warns", "error": "fails"}


class DataError(Exception):
    """The data file cannot be read as this schema: one line saying why."""


# ---- names --------------------------------------------------------------------------


def python_minor(version: str) -> str:
    """3.11.7 -> 3.11: environments are per Python minor version."""
    return ".".join(version.split(".")[:2])


def env_key(python: str, torch: str) -> str:
    return f"{python_minor(python)}/{torch.split('+')[0]}"


def version_key(text: str) -> Version:
    return Version(text)


def env_order(env: dict) -> tuple[Version, Version]:
    return (Version(env["python"]), Version(env["torch"]))


def short(version: str) -> str:
    """2.4.1 -> 2.4: a compat run tests one release per minor version."""
    return ".".join(version.split(".")[:2])


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


# ---- reading and writing ------------------------------------------------------------


def load_rows(paths: Iterable[Path]) -> list[dict]:
    rows = []
    for path in paths:
        if path.exists():
            rows += [json.loads(line) for line in path.read_text("utf-8").splitlines() if line]
    return rows


def fingerprints(root: Path) -> dict[str, dict[str, str]]:
    """Today's snippets (as the data file names them) and their fingerprints."""
    return {snippet.name: snippet.fingerprint() for snippet in all_snippets(root)}


def merge(
    old: dict | None,
    rows: list[dict],
    current: dict[str, dict[str, str]],
    pinned: dict[str, str],
    environments: dict[str, dict] | None = None,
    date: str | None = None,
) -> dict:
    """The data file's content: ``old`` data, then drift-report ``rows`` in order.

    ``current``: today's snippets and their fingerprints (entries for other snippets are
    dropped); ``pinned``: {"python", "torch", "torchvision"}; ``environments``: what else
    is known of an environment (its NumPy), by :func:`env_key`. A row carries the
    fingerprint of the files it was judged against: when it differs from an entry's, the
    entry's results (obtained from other files) are dropped and the row's start anew.
    """
    envs: dict[str, dict] = {}
    entries: dict[str, dict] = {}
    if old:
        for env in old["environments"]:
            envs[env_key(env["python"], env["torch"])] = dict(env)
        for name, entry in old["snippets"].items():
            if name in current:
                entries[name] = {
                    "fingerprint": dict(entry["fingerprint"]),
                    "results": dict(entry["results"]),
                }
    for row in rows:
        key = env_key(row["python"], row["torch"])
        env = envs.setdefault(key, {"python": python_minor(row["python"])})
        env.update(torch=row["torch"].split("+")[0], torchvision=row["torchvision"].split("+")[0])
        if str(row["python"]).count(".") >= 2:  # the patch release: 3.13.0 warns, 3.13.1 not
            env["python_version"] = str(row["python"])
        name = row["snippet"]
        if name not in current:
            continue
        fingerprint = row.get("fingerprint") or current[name]
        entry = entries.get(name)
        if entry is None or entry["fingerprint"] != fingerprint:
            entry = entries[name] = {"fingerprint": dict(fingerprint), "results": {}}
        entry["results"][key] = result_of(row)
    for key, info in (environments or {}).items():
        if key in envs:
            envs[key].update({k: v for k, v in info.items() if v})
    # Every environment a run has covered stays: a snippet without a result in one of
    # them (changed since, or its run died) is "partial", not checked.
    order = sorted(envs, key=lambda k: env_order(envs[k]))
    return {
        "schema": SCHEMA,
        "generated": date or datetime.date.today().isoformat(),
        "pinned": {
            "python": python_minor(pinned["python"]),
            "torch": pinned["torch"],
            "torchvision": pinned.get("torchvision", ""),
        },
        "environments": [{k: envs[key][k] for k in ENV_FIELDS if k in envs[key]} for key in order],
        "snippets": {
            name: {
                "fingerprint": entries[name]["fingerprint"],
                "results": {
                    k: entries[name]["results"][k] for k in order if k in entries[name]["results"]
                },
            }
            for name in sorted(entries)
        },
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
    """The data file, or None where there is none. A file of another schema is a
    DataError (one line), never a KeyError deep in a page."""
    path = root / DATA
    if not path.exists():
        return None
    try:
        data = json.loads(path.read_text("utf-8"))
    except json.JSONDecodeError as err:
        raise DataError(f"{DATA}: not valid JSON ({err.msg}, line {err.lineno})") from None
    if not isinstance(data, dict) or data.get("schema") != SCHEMA:
        raise DataError(
            f"{DATA}: schema {data.get('schema') if isinstance(data, dict) else None!r}, "
            f"this engine reads schema {SCHEMA} (rewrite it with nox -s compat)"
        )
    return data


# ---- the two axes ------------------------------------------------------------------


def torch_axis(data: dict) -> list[str]:
    """Environment keys on the pinned Python, oldest torch first."""
    python = data["pinned"]["python"]
    return [env_key(e["python"], e["torch"]) for e in data["environments"] if e["python"] == python]


def python_axis(data: dict) -> list[str]:
    """Environment keys on the pinned torch, oldest Python first."""
    torch = data["pinned"]["torch"]
    return [env_key(e["python"], e["torch"]) for e in data["environments"] if e["torch"] == torch]


def pythons(data: dict) -> list[str]:
    return sorted({e["python"] for e in data["environments"]}, key=Version)


def torch_of(key: str) -> str:
    return key.split("/", 1)[1]


def python_of(key: str) -> str:
    return key.split("/", 1)[0]


def ranges(tested: list[str], good: set[str]) -> list[tuple[str, str]]:
    """Runs of consecutive tested items (in order) that are in ``good``: [(first, last)]."""
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


def range_text(spans: list[tuple[str, str]], shorten=short) -> str:
    return ", ".join(shorten(a) if a == b else f"{shorten(a)}–{shorten(b)}" for a, b in spans)


# ---- what the pages say -------------------------------------------------------------


def state(entry: dict | None, data: dict, fingerprint: dict[str, str] | None) -> str:
    """``checked``; ``new`` (no results); ``changed`` (its files differ from what was
    checked: which of code, output, figures is in :func:`changed_parts`); ``partial``
    (not run in every environment of the data)."""
    if not entry:
        return "new"
    if fingerprint is not None and entry["fingerprint"] != fingerprint:
        return "changed"
    keys = [env_key(e["python"], e["torch"]) for e in data["environments"]]
    if any(k not in entry["results"] for k in keys):
        return "partial"
    return "checked"


def changed_parts(entry: dict, fingerprint: dict[str, str]) -> list[str]:
    return [
        part
        for part in ("code", "output", "figures")
        if entry["fingerprint"].get(part) != fingerprint.get(part)
    ]


def summary(entry: dict | None, data: dict, fingerprint: dict[str, str] | None = None) -> dict:
    """What a page says under one code block.

    {"checked": False, "state": ...} unless the entry is about today's files and covers
    every environment. Else, on the pinned Python: "runs" (ranges of torch releases it
    runs on), "same_since" (the oldest release from which every one up to the pinned
    prints the recorded output), "newer", "newer_warns", "newer_fails" (releases after
    the pinned one on which its output differs, it warns, it fails), "fails" ({release: first
    line}); on the pinned torch: "python_runs" (ranges of Pythons it runs on),
    "python_differs" and "python_warns" (Pythons on which its output differs, it warns).
    """
    status = state(entry, data, fingerprint)
    if status != "checked":
        return {"checked": False, "state": status}
    results = entry["results"]
    pinned = data["pinned"]["torch"]
    axis = torch_axis(data)
    releases = [torch_of(k) for k in axis]
    runs = {torch_of(k) for k in axis if results[k]["result"] in RUNS}
    same_since = None
    for k in reversed([k for k in axis if Version(torch_of(k)) <= Version(pinned)]):
        if results[k]["result"] != "same":
            break
        same_since = torch_of(k)
    later = [k for k in axis if Version(torch_of(k)) > Version(pinned)]
    paxis = python_axis(data)
    versions = [python_of(k) for k in paxis]
    python_runs = {python_of(k) for k in paxis if results[k]["result"] in RUNS}
    return {
        "checked": True,
        "runs": ranges(releases, runs),
        "same_since": same_since,
        "newer": [torch_of(k) for k in later if results[k]["result"] == "different"],
        "newer_warns": [torch_of(k) for k in later if results[k]["result"] == "warns"],
        "newer_fails": [torch_of(k) for k in later if results[k]["result"] == "fails"],
        "fails": {
            torch_of(k): results[k].get("reason", "")
            for k in axis
            if results[k]["result"] == "fails"
        },
        "python_runs": ranges(versions, python_runs),
        "python_differs": [python_of(k) for k in paxis if results[k]["result"] == "different"],
        "python_warns": [python_of(k) for k in paxis if results[k]["result"] == "warns"],
    }


def site_range(data: dict, names: Iterable[str] | None = None) -> dict:
    """Over the snippets ``names`` (default: all in the data): the torch releases (on the
    pinned Python) on which every one runs, and prints the site's output; the Pythons (on
    the pinned torch) on which every one runs."""
    entries = [data["snippets"][n] for n in (names if names is not None else data["snippets"])]

    def every(keys: list[str], results: tuple[str, ...]) -> set[str]:
        return {
            k
            for k in keys
            if all(e["results"].get(k, {}).get("result") in results for e in entries)
        }

    axis, paxis = torch_axis(data), python_axis(data)
    return {
        "versions": [torch_of(k) for k in axis],
        "runs": [(torch_of(a), torch_of(b)) for a, b in ranges(axis, every(axis, RUNS))],
        "same": [(torch_of(a), torch_of(b)) for a, b in ranges(axis, every(axis, ("same",)))],
        "pythons": [python_of(k) for k in paxis],
        "python_runs": [(python_of(a), python_of(b)) for a, b in ranges(paxis, every(paxis, RUNS))],
    }


def checked_names(
    data: dict | None, current: dict[str, dict[str, str]]
) -> tuple[list[str], list[str]]:
    """(checked, not yet checked) among today's snippets."""
    checked, unchecked = [], []
    for name, fingerprint in current.items():
        entry = data["snippets"].get(name) if data else None
        ok = data is not None and state(entry, data, fingerprint) == "checked"
        (checked if ok else unchecked).append(name)
    return checked, unchecked


def stale(data: dict | None, current: dict[str, dict[str, str]]) -> list[str]:
    """Today's snippets whose results are missing or about other files: what a refresh
    (``nox -s compat`` with nothing else to do) runs again."""
    return checked_names(data, current)[1]


def counts(data: dict) -> dict[str, dict[str, int]]:
    """Per environment, how many snippets have each result."""
    out: dict[str, dict[str, int]] = {}
    for env in data["environments"]:
        key = env_key(env["python"], env["torch"])
        tally = out.setdefault(key, {})
        for entry in data["snippets"].values():
            result = entry["results"].get(key, {}).get("result")
            if result:
                tally[result] = tally.get(result, 0) + 1
    return out


def snippet_names(root: Path) -> list[str]:
    """Today's snippets, as the data file names them (topic/name.py)."""
    return [snippet.name for snippet in all_snippets(root)]


def of(root: Path, name: str) -> Snippet:
    return Snippet.at(root, f"snippets/{name}")
