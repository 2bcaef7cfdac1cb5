"""The compat data (snippets/compat.json, nox -s compat) and what the pages say from it.

The data file must match today's snippets: an entry for a removed snippet fails here,
a new snippet without data says "not yet checked" on its page (never "runs on").
The summary logic (ranges, "same output since", the site-wide range) and the
release plan are tested on made-up data.
"""

from pathlib import Path

import pytest

from recorded_docs.compat import data as compat
from recorded_docs.compat.envs import numpy_spec, plan
from recorded_docs.pages import Layout, Page
from recorded_docs.render import Context, render_page
from recorded_docs.render import compat_lines as compat_note
from tests.helpers import ROOT

DATA = compat.load(ROOT)
SNIPPETS = compat.snippet_names(ROOT)

needs_data = pytest.mark.skipif(DATA is None, reason="no snippets/compat.json yet (nox -s compat)")


@needs_data
def test_data_file_names_only_existing_snippets():
    removed = sorted(set(DATA["snippets"]) - set(SNIPPETS))
    assert not removed, (
        "snippets/compat.json has entries for snippets that no longer exist: "
        + ", ".join(removed)
        + " (run nox -s compat to rewrite it)"
    )


@needs_data
def test_data_file_is_well_formed():
    versions = [v["torch"] for v in DATA["versions"]]
    assert versions == sorted(versions, key=compat.version_key)
    assert DATA["pinned"] in versions, "the pinned release is always in a compat run"
    results = {"same", "different", "warns", "fails", compat.NO_RESULT}
    for name, cells in DATA["snippets"].items():
        assert list(cells) == versions, name
        for version, cell in cells.items():
            assert cell["result"] in results, (name, version)
            assert cell["result"] != "fails" or cell.get("reason"), (name, version)


@needs_data
def test_pinned_release_gives_the_recorded_output():
    """The pinned column is what `nox -s tests` checks: same output everywhere."""
    pinned = DATA["pinned"]
    different = [n for n, c in DATA["snippets"].items() if c[pinned]["result"] != "same"]
    assert not different, f"not the recorded output on the pinned {pinned}: {different}"


def test_snippet_without_data_is_not_yet_checked():
    data = made_up({"a.py": ["same"] * 6})
    assert compat_note.note_for("new.py", data, "en") == "not yet checked on other torch releases"
    assert compat_note.note_for("new.py", data, "zh") == "尚未在其他 torch 版本上检查"
    assert compat_note.note_for("a.py", None, "en") == "not yet checked on other torch releases"
    # Data from before a release was added to the run: not "runs on", either.
    assert compat.summary({"2.0.1": {"result": "same"}}, ["2.0.1", "2.4.1"], "2.4.1") == {
        "checked": False
    }


@needs_data
def test_every_snippet_today_has_data_or_says_not_yet_checked():
    for name in SNIPPETS:
        note = compat_note.note_for(name, DATA, "en")
        if name not in DATA["snippets"]:
            assert note == "not yet checked on other torch releases"
        else:
            assert note.startswith("runs on torch"), (name, note)


VERSIONS = ["2.0.1", "2.2.2", "2.4.1", "2.6.0", "2.14.1", "2.15.0"]


def made_up(rows: dict[str, list[str]], versions=VERSIONS, pinned="2.14.1") -> dict:
    return {
        "generated": "2026-01-01",
        "python": "3.11",
        "pinned": pinned,
        "versions": [{"torch": v, "torchvision": "0.x"} for v in versions],
        "snippets": {
            name: {
                v: {"result": r, **({"reason": "AttributeError: x"} if r == "fails" else {})}
                for v, r in zip(versions, results, strict=True)
            }
            for name, results in rows.items()
        },
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
            ["2.15.0"],
        ),
    ],
)
def test_summary_ranges_and_same_since(results, runs, same_since, newer):
    data = made_up({"a.py": results})
    info = compat.summary(data["snippets"]["a.py"], VERSIONS, "2.14.1")
    assert info["checked"]
    assert info["runs"] == runs
    assert info["same_since"] == same_since
    assert info["newer"] == newer
    assert set(info["fails"]) == {v for v, r in zip(VERSIONS, results, strict=True) if r == "fails"}


def test_note_text_is_compact_in_both_languages():
    data = made_up({"a.py": ["fails", "fails", "different", "same", "same", "same"]})
    assert (
        compat_note.note_for("a.py", data, "en") == "runs on torch 2.4–2.15 · same output since 2.6"
    )
    assert (
        compat_note.note_for("a.py", data, "zh")
        == "可运行于 torch 2.4–2.15 · 自 2.6 起输出与本页相同"
    )
    data = made_up({"a.py": ["fails", "warns", "fails", "same", "same", "different"]})
    assert (
        compat_note.note_for("a.py", data, "en")
        == "runs on torch 2.2, 2.6–2.15 · same output since 2.6 · output differs on 2.15"
    )


def test_no_result_is_neither_a_run_nor_a_gap():
    data = made_up({"a.py": ["same", compat.NO_RESULT, "same", "same", "same", "same"]})
    info = compat.summary(data["snippets"]["a.py"], VERSIONS, "2.14.1")
    assert info["runs"] == [("2.0.1", "2.15.0")]
    assert info["same_since"] == "2.0.1"


def test_site_range_is_where_every_snippet_runs():
    data = made_up(
        {
            "a.py": ["fails", "same", "same", "same", "same", "same"],
            "b.py": ["same", "fails", "different", "same", "same", "warns"],
        }
    )
    info = compat.site_range(data)
    assert info["runs"] == [("2.4.1", "2.15.0")]
    assert info["same"] == [("2.6.0", "2.14.1")]
    line = compat_note.site_line(data, "en")
    assert "runs on torch **2.4–2.15**" in line and "**2.6–2.14**" in line
    assert line.startswith("Every snippet on this site") and "not yet checked" not in line
    # Snippets newer than the data are not in the range, and the line says so.
    line = compat_note.site_line(data, "en", unchecked=2)
    assert line.startswith("Every checked snippet") and "2 newer snippets are not yet" in line
    zh = compat_note.site_line(data, "zh", unchecked=2)
    assert zh.startswith("本站已检查的每段代码") and "另有 2 段" in zh
    assert compat.counts(data)["2.0.1"] == {"fails": 1, "same": 1}


def test_result_of_maps_the_drift_statuses():
    row = {
        "status": "error",
        "line": "AttributeError: module 'torch' has no attribute 'accelerator'",
    }
    assert compat.result_of(row) == {"result": "fails", "reason": row["line"]}
    assert compat.result_of({"status": "ok", "line": ""}) == {"result": "same"}
    assert compat.result_of({"status": "output changed", "line": "x"})["result"] == "different"
    assert compat.result_of({"status": "new warning", "line": "x"})["result"] == "warns"
    changed = {"status": "legacy changed", "line": "x"}
    assert compat.result_of(changed)["result"] == "different"
    assert compat.result_of({**changed, "raised": True})["result"] == "fails"


def test_build_fills_missing_cells_and_orders_versions():
    rows = [
        {"snippet": "a.py", "torch": "2.14.1", "torchvision": "0.29.1", "status": "ok"},
        {
            "snippet": "a.py",
            "torch": "2.0.1+cu117",
            "torchvision": "0.15.2",
            "status": "error",
            "line": "E: x",
        },
        {"snippet": "gone.py", "torch": "2.0.1", "torchvision": "0.15.2", "status": "ok"},
    ]
    data = compat.build(
        rows, ["a.py", "b.py"], "2.14.1", {"2.0.1": "1.26.4"}, date="d", python="3.11"
    )
    assert [v["torch"] for v in data["versions"]] == ["2.0.1", "2.14.1"]
    assert data["versions"][0]["numpy"] == "1.26.4"
    assert set(data["snippets"]) == {"a.py", "b.py"}
    assert data["snippets"]["b.py"]["2.0.1"] == {"result": compat.NO_RESULT}
    assert data["snippets"]["a.py"]["2.0.1"] == {"result": "fails", "reason": "E: x"}


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


def test_reference_table_lists_failures_first_lines():
    data = made_up({"a.py": ["fails", "same", "same", "same", "same", "same"]})
    text = compat_note.table(data, "en")
    assert "| a.py | ✗ | ✓ | ✓ | ✓ | ✓ | ✓ |" in text
    assert "- a.py, torch 2.0.1 ✗ <code>AttributeError: x</code>" in text


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
    at = out.index("runs on torch 2.0–2.15 · same output since 2.0 · [per release](compat.md)")
    assert out[at - 2] == "```" and out[at - 4] == "a"  # after the output block (a, "", ```)
    assert out[at + 1] == "{ .compat-note }" and out[at + 3] == "after"
