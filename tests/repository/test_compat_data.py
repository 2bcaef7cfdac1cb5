"""The compat data (snippets/compat.json, nox -s compat) and what the pages say from it.

The data file must match today's snippets: an entry for a removed snippet fails here.
Every result records what it was obtained from (the snippet's fingerprint: its code,
recorded output and figures' data); a snippet without data, or whose files differ from
what was checked, says "not yet checked" on its page (never "runs on") and is left out
of the home page's ranges and counted. Tested over every snippet. The summary logic
(ranges on both axes, "same output since", the site-wide range) and the release plans
are tested on made-up data.
"""

import io
import json
import subprocess
import sys
import tokenize
from pathlib import Path

import pytest

from recorded_docs import comments
from recorded_docs.compat import data as compat
from recorded_docs.compat.envs import edge_plan, numpy_spec, plan
from recorded_docs.pages import Layout, Page
from recorded_docs.render import Context, render_page
from recorded_docs.render import compat_lines as compat_note
from recorded_docs.snippet import all_snippets, code_signature
from tests.helpers import ROOT

DATA = compat.load(ROOT)
SNIPPETS = all_snippets(ROOT)
CURRENT = compat.fingerprints(ROOT)
UNCHECKED = "not yet checked on other torch releases"

needs_data = pytest.mark.skipif(DATA is None, reason="no snippets/compat.json yet (nox -s compat)")


# ---- the committed data -------------------------------------------------------------


@needs_data
def test_data_file_names_only_existing_snippets():
    removed = sorted(set(DATA["snippets"]) - set(CURRENT))
    assert not removed, (
        "snippets/compat.json has entries for snippets that no longer exist: "
        + ", ".join(removed)
        + " (run nox -s compat to rewrite it)"
    )


@needs_data
def test_data_file_is_well_formed():
    assert DATA["schema"] == compat.SCHEMA
    envs = DATA["environments"]
    assert envs == sorted(envs, key=compat.env_order)
    keys = [compat.env_key(e["python"], e["torch"]) for e in envs]
    assert len(set(keys)) == len(keys)
    for env in envs:
        assert set(env) <= set(compat.ENV_FIELDS) and {"python", "torch", "torchvision"} <= set(env)
        assert env.get("python_version", env["python"] + ".").startswith(env["python"] + "."), env
    pinned = compat.env_key(DATA["pinned"]["python"], DATA["pinned"]["torch"])
    assert pinned in keys, "the pinned environment is always in a compat run"
    for name, entry in DATA["snippets"].items():
        assert set(entry["fingerprint"]) == {"code", "output", "figures"}, name
        assert list(entry["results"]) == [k for k in keys if k in entry["results"]], name
        for key, cell in entry["results"].items():
            assert cell["result"] in compat.RESULTS, (name, key)
            assert cell["result"] != "fails" or cell.get("reason"), (name, key)


@needs_data
def test_pinned_environment_gives_the_recorded_output():
    """The pinned column is what `nox -s tests` checks: same output, for every snippet
    whose results are about today's files."""
    pinned = compat.env_key(DATA["pinned"]["python"], DATA["pinned"]["torch"])
    checked, _ = compat.checked_names(DATA, CURRENT)
    different = [n for n in checked if DATA["snippets"][n]["results"][pinned]["result"] != "same"]
    assert not different, f"not the recorded output on the pinned {pinned}: {different}"


@needs_data
def test_every_snippet_today_runs_on_or_says_not_yet_checked():
    checked, unchecked = compat.checked_names(DATA, CURRENT)
    for name in CURRENT:
        note = compat_note.note_for(name, DATA, "en", CURRENT[name])
        if name in unchecked:
            assert note == UNCHECKED, (name, note)
        else:
            assert note.startswith(("runs on torch", "runs on none")), (name, note)
            assert "Python " in note, (name, note)


# ---- a change to a snippet flips its line and the counts: every snippet ------------------


def comment_edits(source: str) -> list[str]:
    """The source with every comment's text changed (legacy lines aside), and with a
    comment line added at the top: edits that change no code."""
    out = []
    lines = source.splitlines(keepends=True)
    for tok in tokenize.generate_tokens(io.StringIO(source).readline):
        if tok.type == tokenize.COMMENT and not tok.string.lstrip("# ").startswith("legacy:"):
            row, col = tok.start
            line = lines[row - 1]
            lines[row - 1] = line[:col] + "# reworded in another way" + line[tok.end[1] :]
    out.append("".join(lines))
    out.append("# a new first line of comment\n" + source)
    return out


@pytest.mark.parametrize("snippet", SNIPPETS, ids=[s.name for s in SNIPPETS])
def test_code_edits_change_the_fingerprint_comment_edits_do_not(snippet):
    source = snippet.source
    signature = code_signature(source)
    assert code_signature(source + "\nprint('one more line')\n") != signature
    assert code_signature(source.replace("(", "( ", 1)) == signature  # spacing in a line
    for edited in comment_edits(source):
        assert code_signature(edited) == signature
    # The Chinese comments (<name>.zh.yaml) are not in the file: the variant the Chinese
    # pages show has the snippet's code signature.
    assert code_signature(comments.zh_source(snippet)) == signature


@needs_data
@pytest.mark.parametrize(
    "name", sorted(set(DATA["snippets"]) & set(CURRENT)) if DATA else [], ids=str
)
@pytest.mark.parametrize("part", ["code", "output", "figures"])
def test_a_changed_snippet_is_not_yet_checked_and_leaves_the_counts(name, part):
    checked, unchecked = compat.checked_names(DATA, CURRENT)
    if name in unchecked:
        pytest.skip(f"{name} is already not yet checked")
    changed = {**CURRENT, name: {**CURRENT[name], part: "0" * 16}}
    assert compat_note.note_for(name, DATA, "en", changed[name]) == UNCHECKED
    assert compat_note.note_for(name, DATA, "zh", changed[name]) == "尚未在其他 torch 版本上检查"
    now_checked, now_unchecked = compat.checked_names(DATA, changed)
    assert now_unchecked == sorted([*unchecked, name], key=list(CURRENT).index)
    line = compat_note.site_line(DATA, "en", now_unchecked, now_checked)
    assert f"{len(unchecked) + 1} snippets are new or changed" in line
    assert compat.changed_parts(DATA["snippets"][name], changed[name]) == [part]


def test_a_changed_snippet_on_disk_flips_its_line_and_a_comment_edit_does_not(tmp_path):
    """Through the files and the page pipeline, as a maintainer edits a snippet."""
    root = tmp_path
    (root / "snippets/t").mkdir(parents=True)
    snippet = root / "snippets/t/a.py"
    snippet.write_text("# say hello\nprint('a')\n")
    (root / "snippets/t/a.out").write_text("a\n")
    current = compat.fingerprints(root)
    rows = [
        {
            "snippet": "t/a.py",
            "python": "3.11.7",
            "torch": t,
            "torchvision": "0.x",
            "status": "ok",
            "fingerprint": current["t/a.py"],
        }
        for t in ("2.0.1", "2.14.1")
    ]
    data = compat.merge(None, rows, current, {"python": "3.11", "torch": "2.14.1"})
    page = '# T\n\n```python title="a.py"\n--8<-- "snippets/t/a.py"\n```\n'

    def note() -> str:
        layout = Layout(root)
        context = Context(layout, {}, data, compat.fingerprints(root))
        out = render_page(Page(layout, "en", Path("p.md"), page), context, "../")
        return [line for line in out.splitlines() if "torch" in line][0]

    assert note().startswith("runs on torch 2.0–2.14")
    snippet.write_text("# greet the reader\n\nprint('a')  # trailing words\n")
    assert note().startswith("runs on torch 2.0–2.14")
    snippet.write_text("# greet the reader\nprint('b')\n")
    assert note().startswith(UNCHECKED)
    snippet.write_text("# say hello\nprint('a')\n")
    (root / "snippets/t/a.out").write_text("b\n")  # re-recorded output
    assert note().startswith(UNCHECKED)


# ---- merging runs -----------------------------------------------------------------------


FP = {"code": "c1", "output": "o1", "figures": "f1"}
FP2 = {"code": "c2", "output": "o1", "figures": "f1"}
PINNED = {"python": "3.11", "torch": "2.14.1", "torchvision": "0.29.1"}


def row(name, torch, status="ok", python="3.11.7", fingerprint=FP, **kw):
    return {
        "snippet": name,
        "python": python,
        "torch": torch,
        "torchvision": "0.x",
        "status": status,
        "fingerprint": fingerprint,
        **kw,
    }


def test_merge_orders_environments_and_drops_removed_snippets():
    rows = [
        row("a.py", "2.14.1"),
        row("a.py", "2.0.1+cu117", "error", line="E: x"),
        row("a.py", "2.14.1", python="3.10.13"),
        row("gone.py", "2.0.1"),
    ]
    data = compat.merge(
        None, rows, {"a.py": FP, "b.py": FP}, PINNED, {"3.11/2.0.1": {"numpy": "1.26.4"}}, date="d"
    )
    assert [(e["python"], e["torch"]) for e in data["environments"]] == [
        ("3.10", "2.14.1"),
        ("3.11", "2.0.1"),
        ("3.11", "2.14.1"),
    ]
    assert data["environments"][1]["numpy"] == "1.26.4"
    # the patch release where a row names it (a warning can be 3.13.0's alone)
    assert data["environments"][0]["python_version"] == "3.10.13"
    assert list(data["environments"][0]) == ["python", "python_version", "torch", "torchvision"]
    assert set(data["snippets"]) == {"a.py"}  # gone.py no longer exists; b.py never ran
    assert data["snippets"]["a.py"]["results"]["3.11/2.0.1"] == {
        "result": "fails",
        "reason": "E: x",
    }
    assert data["snippets"]["a.py"]["fingerprint"] == FP


def test_a_run_on_other_code_replaces_the_results_obtained_from_the_old():
    old = compat.merge(None, [row("a.py", "2.0.1"), row("a.py", "2.14.1")], {"a.py": FP}, PINNED)
    new = compat.merge(old, [row("a.py", "2.14.1", fingerprint=FP2)], {"a.py": FP2}, PINNED)
    entry = new["snippets"]["a.py"]
    assert entry["fingerprint"] == FP2 and list(entry["results"]) == ["3.11/2.14.1"]
    assert compat.state(entry, new, FP2) == "partial"  # 2.0.1 not run on the new code yet
    assert compat.stale(new, {"a.py": FP2}) == ["a.py"]
    done = compat.merge(new, [row("a.py", "2.0.1", fingerprint=FP2)], {"a.py": FP2}, PINNED)
    assert compat.state(done["snippets"]["a.py"], done, FP2) == "checked"
    assert compat.stale(done, {"a.py": FP2}) == []
    assert compat.stale(done, {"a.py": FP}) == ["a.py"]  # the file changed back: stale
    assert compat.stale(done, {"a.py": FP2, "new.py": FP}) == ["new.py"]


def test_result_of_maps_the_drift_statuses():
    line = "AttributeError: module 'torch' has no attribute 'accelerator'"
    assert compat.result_of({"status": "error", "line": line}) == {
        "result": "fails",
        "reason": line,
    }
    assert compat.result_of({"status": "ok", "line": ""}) == {"result": "same"}
    assert compat.result_of({"status": "output changed", "line": "x"})["result"] == "different"
    assert compat.result_of({"status": "new warning", "line": "x"})["result"] == "warns"
    changed = {"status": "legacy changed", "line": "x"}
    assert compat.result_of(changed)["result"] == "different"
    assert compat.result_of({**changed, "raised": True})["result"] == "fails"


def test_a_data_file_of_another_schema_is_one_clear_line(tmp_path):
    (tmp_path / "snippets").mkdir()
    (tmp_path / "snippets/compat.json").write_text('{"versions": []}\n')
    with pytest.raises(
        compat.DataError, match=r"^snippets/compat.json: schema None, this engine reads schema 2"
    ):
        compat.load(tmp_path)
    (tmp_path / "snippets/compat.json").write_text('{"schema": 2,\n')
    with pytest.raises(compat.DataError, match="not valid JSON"):
        compat.load(tmp_path)


# ---- summaries on made-up data ------------------------------------------------------------

VERSIONS = ["2.0.1", "2.2.2", "2.4.1", "2.6.0", "2.14.1", "2.15.0"]


def made_up(rows: dict[str, list[str]], versions=VERSIONS, pinned="2.14.1", pythons=None) -> dict:
    """Results per snippet on the pinned Python (3.11), and per Python on the pinned torch
    (``pythons``: {python: {snippet: result}})."""
    envs = [{"python": "3.11", "torch": v, "torchvision": "0.x"} for v in versions]
    for python in pythons or {}:
        envs.append({"python": python, "torch": pinned, "torchvision": "0.x"})
    envs.sort(key=compat.env_order)

    def cell(r):
        return {"result": r, **({"reason": "AttributeError: x"} if r == "fails" else {})}

    snippets = {}
    for name, results in rows.items():
        cells = {f"3.11/{v}": cell(r) for v, r in zip(versions, results, strict=True)}
        for python, by_name in (pythons or {}).items():
            cells[f"{python}/{pinned}"] = cell(by_name.get(name, "same"))
        snippets[name] = {"fingerprint": FP, "results": cells}
    return {
        "schema": 2,
        "generated": "2026-01-01",
        "pinned": {"python": "3.11", "torch": pinned, "torchvision": "0.x"},
        "environments": envs,
        "snippets": snippets,
    }


def test_snippet_without_data_or_with_changed_files_is_not_yet_checked():
    data = made_up({"a.py": ["same"] * 6})
    assert compat_note.note_for("new.py", data, "en") == UNCHECKED
    assert compat_note.note_for("new.py", data, "zh") == "尚未在其他 torch 版本上检查"
    assert compat_note.note_for("a.py", None, "en") == UNCHECKED
    assert compat_note.note_for("a.py", data, "en", FP2) == UNCHECKED
    assert compat_note.note_for("a.py", data, "en", FP).startswith("runs on torch")
    # Data from before an environment was added to the run: not "runs on", either.
    data["environments"].append({"python": "3.11", "torch": "2.16.0", "torchvision": "0.x"})
    assert compat.summary(data["snippets"]["a.py"], data, FP) == {
        "checked": False,
        "state": "partial",
    }


@pytest.mark.parametrize(
    "results, runs, same_since, newer",
    [
        (["same"] * 6, [("2.0.1", "2.15.0")], "2.0.1", []),
        (
            ["fails", "fails", "different", "same", "same", "same"],
            [("2.4.1", "2.15.0")],
            "2.6.0",
            [],
        ),
        (
            ["fails", "warns", "fails", "same", "same", "different"],
            [("2.2.2", "2.2.2"), ("2.6.0", "2.15.0")],
            "2.6.0",
            ["2.15.0"],
        ),
        (
            ["same", "same", "different", "same", "same", "fails"],
            [("2.0.1", "2.14.1")],
            "2.6.0",
            [],  # not "output differs": it fails there (newer_fails)
        ),
    ],
)
def test_summary_ranges_and_same_since(results, runs, same_since, newer):
    data = made_up({"a.py": results})
    info = compat.summary(data["snippets"]["a.py"], data, FP)
    assert info["checked"]
    assert info["runs"] == runs
    assert info["same_since"] == same_since
    assert info["newer"] == newer
    later = [v for v, r in zip(VERSIONS, results, strict=True) if v == "2.15.0" and r != "same"]
    assert sorted(info["newer"] + info["newer_warns"] + info["newer_fails"]) == later
    assert set(info["fails"]) == {v for v, r in zip(VERSIONS, results, strict=True) if r == "fails"}


def test_note_text_is_compact_in_both_languages_with_both_ranges():
    data = made_up({"a.py": ["fails", "fails", "different", "same", "same", "same"]})
    assert compat_note.note_for("a.py", data, "en") == (
        "runs on torch 2.4–2.15 · Python 3.11 · same output since 2.6"
    )
    assert compat_note.note_for("a.py", data, "zh") == (
        "可运行于 torch 2.4–2.15 · Python 3.11 · 自 2.6 起输出与本页相同"
    )
    data = made_up({"a.py": ["fails", "warns", "fails", "same", "same", "different"]})
    assert compat_note.note_for("a.py", data, "en") == (
        "runs on torch 2.2, 2.6–2.15 · Python 3.11 · same output since 2.6 · output differs on 2.15"
    )
    # The Python axis: the range on the pinned torch, and where the output differs.
    data = made_up(
        {"a.py": ["same"] * 6},
        pythons={"3.10": {"a.py": "fails"}, "3.12": {}, "3.13": {"a.py": "different"}},
    )
    assert compat_note.note_for("a.py", data, "en") == (
        "runs on torch 2.0–2.15 · Python 3.11–3.13 · same output since 2.0 "
        "· output differs on Python 3.13"
    )
    assert compat_note.note_for("a.py", data, "zh").endswith("Python 3.13 上输出不同")
    # A warning is not a different output: said as such, on either axis.
    data = made_up(
        {"a.py": ["same"] * 5 + ["warns"]},
        pythons={"3.10": {}, "3.12": {"a.py": "warns"}, "3.13": {"a.py": "different"}},
    )
    assert compat_note.note_for("a.py", data, "en") == (
        "runs on torch 2.0–2.15 · Python 3.10–3.13 · same output since 2.0 · warns on 2.15 "
        "· output differs on Python 3.13 · warns on Python 3.12"
    )
    assert compat_note.note_for("a.py", data, "zh").endswith(
        "2.15 上有警告 · Python 3.13 上输出不同 · Python 3.12 上有警告"
    )


def test_site_range_is_where_every_checked_snippet_runs():
    data = made_up(
        {
            "a.py": ["fails", "same", "same", "same", "same", "same"],
            "b.py": ["same", "fails", "different", "same", "same", "warns"],
        },
        pythons={"3.10": {"b.py": "fails"}, "3.12": {}},
    )
    info = compat.site_range(data)
    assert info["runs"] == [("2.4.1", "2.15.0")]
    assert info["same"] == [("2.6.0", "2.14.1")]
    assert info["python_runs"] == [("3.11", "3.12")]
    line = compat_note.site_line(data, "en")
    assert "runs on torch **2.4–2.15** (Python 3.11)" in line and "**2.6–2.14**" in line
    assert "Python **3.11–3.12** (torch 2.14)" in line
    assert line.startswith("Every snippet on this site") and "not yet checked" not in line
    # Snippets new or changed since the data are not in the range, and the line says so.
    line = compat_note.site_line(data, "en", ["c.py", "d.py"], ["a.py"])
    assert line.startswith("Every checked snippet") and "2 snippets are new or changed" in line
    assert "runs on torch **2.2–2.15**" in line  # only a.py's range now
    zh = compat_note.site_line(data, "zh", ["c.py", "d.py"], ["a.py"])
    assert zh.startswith("本站已检查的每段代码") and "另有 2 段" in zh
    assert compat.counts(data)["3.11/2.0.1"] == {"fails": 1, "same": 1}


def test_reference_matrix_grids_per_python_failures_and_the_plain_table():
    data = made_up(
        {"a.py": ["fails", "same", "same", "same", "same", "same"], "b.py": ["same"] * 6},
        pythons={"3.12": {"b.py": "different"}},
    )
    text = compat_note.table(
        data, "en", [("Tensors", ["a.py"]), ("Autograd", ["b.py", "new.py"])], ["new.py"]
    )
    assert text.index('=== "Python 3.11"') < text.index('=== "Python 3.12"')
    assert "1 snippets are not yet checked" in text and "new.py" not in text
    assert '<div class="compat-grid__group">Tensors</div>' in text
    grid_311 = text[text.index('=== "Python 3.11"') : text.index('=== "Python 3.12"')]
    assert grid_311.count('class="compat-cell ') == 12  # 2 snippets × 6 releases
    assert (
        'compat-cell--fails" title="a.py · torch 2.0.1 · Python 3.11: fails — AttributeError: x">✗'
        in grid_311
    )
    assert "- a.py, torch 2.0.1 ✗ <code>AttributeError: x</code>" in grid_311
    grid_312 = text[text.index('=== "Python 3.12"') :]
    assert (
        'compat-cell--different" title="b.py · torch 2.14.1 · Python 3.12: runs, different output">≈'
        in grid_312
    )
    assert "| a.py | ✗ | ✓ | ✓ | ✓ | ✓ | ✓ | ✓ |" in text  # the plain table: every environment
    assert "<details" in text and "</details>" in text


@needs_data
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_grid_has_no_bracket_for_markdowns_link_pattern(lang):
    """Inside a tab the grid is inline HTML: a "[" in it makes Python-Markdown scan the
    rest of the grid for a "]" (the compat page took 0.4 s of each rebuild)."""
    rows = [line for line in compat_note.table(DATA, lang).splitlines() if "compat-grid" in line]
    assert rows and not [line for line in rows if "[" in line or "]" in line]


# ---- the release plans --------------------------------------------------------------------


def test_plan_every_other_minor_plus_pinned_and_newest():
    torch = ["2.15.0", "2.14.1", "2.14.0", "2.13.0+cpu", "2.13.0", "2.12.1", "2.11.0", "2.10.0"]
    torch += ["2.9.1", "2.8.0", "2.2.2", "2.1.2", "2.0.1", "2.0.0", "1.13.1"]
    vision = ["0.29.2", "0.29.1", "0.28.0", "0.27.1", "0.26.0", "0.25.0", "0.24.1", "0.23.0"]
    vision += ["0.17.2", "0.16.2", "0.15.2"]
    pairs = plan(torch, vision, "2.14.1", "0.29.1")
    # 1.13 has no torchvision 0.14 on the index: 2.0 is the oldest this Python can install.
    # Minors with a torchvision: 2.0 2.1 2.2 2.8 ... 2.14; every other one of those.
    order = ["2.14.1", "2.15.0", "2.0.1", "2.13.0", "2.11.0", "2.9.1", "2.2.2"]
    assert [p["torch"] for p in pairs] == order
    by = {p["torch"]: p for p in pairs}
    assert by["2.14.1"]["torchvision"] == "0.29.1"
    assert by["2.15.0"]["torchvision"] == ""  # no 0.30 yet: the resolver picks one
    assert by["2.0.1"] == {"torch": "2.0.1", "torchvision": "0.15.2", "numpy": "numpy<2"}
    assert by["2.13.0"]["torchvision"] == "0.28.0"
    assert numpy_spec("2.2.2") == "numpy<2" and numpy_spec("2.3.0") == "numpy>=2"


def test_another_pythons_plan_is_its_oldest_the_pinned_and_its_newest():
    # Python 3.10 as the index served it on 2026-12-07: no torch 2.15 wheels, 1.11 the oldest.
    torch = ["2.14.1", "2.14.0", "2.13.0", "2.4.1", "2.0.1", "1.13.1", "1.12.1", "1.11.0"]
    vision = ["0.29.2", "0.29.1", "0.28.0", "0.19.1", "0.15.2", "0.14.1", "0.13.1", "0.12.0"]
    pairs = edge_plan(torch, vision, "2.14.1", "0.29.1")
    assert [(p["torch"], p["torchvision"]) for p in pairs] == [
        ("2.14.1", "0.29.1"),
        ("1.11.0", "0.12.0"),
    ]
    assert pairs[1]["numpy"] == "numpy<2"
    # Python 3.13: from 2.5; the pinned and the newest both there.
    torch = ["2.15.0", "2.14.1", "2.6.0", "2.5.1", "2.5.0"]
    vision = ["0.29.2", "0.29.1", "0.21.0", "0.20.1"]
    pairs = edge_plan(torch, vision, "2.14.1", "0.29.1")
    assert [p["torch"] for p in pairs] == ["2.14.1", "2.15.0", "2.5.1"]
    assert edge_plan(["2.15.0"], ["0.1.0"], "2.14.1", "0.29.1") == []  # no torchvision at all


def test_notes_go_after_each_snippets_last_block(tmp_path):
    page = "\n".join(
        [
            "# T",
            "",
            '```python title="a.py"',
            '--8<-- "snippets/t/a.py"',
            "```",
            "",
            "<!--pytest-codeblocks:expected-output-->",
            "",
            "``` { .text .snippet-output }",
            '--8<-- "snippets/t/a.out"',
            "```",
            "",
            "after",
            "",
        ]
    )
    data = made_up({"t/a.py": ["same"] * 6})
    (tmp_path / "snippets/t").mkdir(parents=True)
    (tmp_path / "snippets/t/a.py").write_text("print('a')\n")
    (tmp_path / "snippets/t/a.out").write_text("a\n")
    layout = Layout(tmp_path)
    context = Context(layout, manifest={}, compat=data)
    out = render_page(Page(layout, "en", Path("p.md"), page), context, "../").splitlines()
    at = out.index(
        "runs on torch 2.0–2.15 · Python 3.11 · same output since 2.0 · [per release](compat.md)"
    )
    assert out[at - 2] == "```" and out[at - 4] == "a"  # after the output block (a, "", ```)
    assert out[at + 1] == "{ .compat-note }" and out[at + 3] == "after"


FSTRINGS = 'x = 1\nprint(f"{x!r:>{4}} and {f\'{x}\'}")  # a comment\nif x:\n    y = f"""a\n{x}"""'


def test_the_code_signature_is_the_same_on_every_python():
    """Token numbers change between Python releases, and 3.12 splits an f-string into
    several tokens: a signature made of them made every result from Python 3.12 on
    'not yet checked' on a site built with 3.11 (and every one on a site built with 3.12)."""
    assert code_signature(FSTRINGS) == "\n".join([
        "NAME:x", "OP:=", "NUMBER:1", "NEWLINE",
        "NAME:print", "OP:(", "STRING:f\"{x!r:>{4}} and {f'{x}'}\"", "OP:)", "NEWLINE",
        "NAME:if", "NAME:x", "OP::", "NEWLINE",
        "INDENT:    ", "NAME:y", "OP:=", 'STRING:f"""a\n{x}"""', "NEWLINE", "DEDENT", "ENDMARKER",
    ])  # fmt: skip


def test_every_snippets_fingerprint_is_the_same_on_the_pythons_this_machine_has():
    """snippet.py needs only the standard library: each other interpreter found
    (PATH, pyenv, uv) loads it alone and fingerprints every snippet's code."""
    from recorded_docs.compat.envs import find_python

    script = (
        "import importlib.util, json, sys\n"
        "spec = importlib.util.spec_from_file_location('s', sys.argv[1])\n"
        "s = sys.modules['s'] = importlib.util.module_from_spec(spec)\n"
        "spec.loader.exec_module(s)\n"
        "print(json.dumps({x.name: x.fingerprint()['code'] for x in s.all_snippets(sys.argv[2])}))"
    )
    here = {name: fp["code"] for name, fp in compat.fingerprints(ROOT).items()}
    others = []
    for version in ("3.10", "3.11", "3.12", "3.13", "3.14"):
        try:
            python = find_python(version)
        except RuntimeError:
            continue
        if python == sys.executable:
            continue
        done = subprocess.run(
            [python, "-c", script, str(ROOT / "src/recorded_docs/snippet.py"), str(ROOT)],
            capture_output=True,
            text=True,
        )
        assert done.returncode == 0, done.stderr
        there = json.loads(done.stdout)
        assert there == here, [n for n in here if there.get(n) != here[n]][:5]
        others.append(version)
    if not others:
        pytest.skip("no other Python on this machine")
