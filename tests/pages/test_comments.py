"""Chinese comments: the code a Chinese reader copies is the tested code.

For every snippet shown on a Chinese page, its Chinese variant (the snippet with the
comments of <name>.zh.yaml, recorded_docs.comments) must

* have every English comment translated, no stale entry, as many lines per comment
  (``nox -s tests``, milliseconds);
* be the same tokens, comments aside, and compile to the same code objects, line
  tables included (``nox -s tests``, milliseconds);
* run and print the recorded output, through the same runner and comparison as the
  snippet itself (marker ``notebooks``: ``nox -s notebooks``, which also executes the
  Chinese notebooks that carry the variants).

The throw-away tests below break one thing each and check that the failure names the
snippet (or .zh.yaml) and the line.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from recorded_docs import comments as zc
from recorded_docs.pages import Example, Site
from recorded_docs.render.html import link_titles
from recorded_docs.snippet import Snippet, all_snippets
from tests.helpers import ROOT, check_example, run_snippet

ZH_EXAMPLES = [
    e
    for e in Site(ROOT).examples()
    if any(loc.path.parts[:2] == ("docs", "zh") for loc in e.shown_on)
]
IDS = [e.name for e in ZH_EXAMPLES]


@pytest.mark.parametrize("example", ZH_EXAMPLES, ids=IDS)
def test_chinese_variant_is_the_tested_code(example):
    path = example.snippet.file
    source = path.read_text("utf-8")
    problems = zc.problems(example.snippet)
    assert not problems, "\n".join(["Chinese comments need work:", *problems])
    variant = zc.zh_source(example.snippet)
    assert zc.code_tokens(variant) == zc.code_tokens(source), (
        f"{example.snippet}: the Chinese variant's tokens (comments aside) differ"
    )
    assert len(variant.splitlines()) == len(source.splitlines())
    filename = str(path)
    difference = zc.code_difference(
        compile(source, filename, "exec"), compile(variant, filename, "exec")
    )
    assert difference is None, (
        f"{example.snippet}: the Chinese variant compiles differently: {difference}"
    )


def test_every_translation_file_has_its_snippet():
    for path in sorted((ROOT / "snippets").rglob("*.zh.yaml")):
        snippet = path.with_name(path.name.removesuffix(".zh.yaml") + ".py")
        assert snippet.exists(), (
            f"{path.relative_to(ROOT)} translates {snippet.name}, which is gone"
        )


# Running every variant against the recorded output is `pytest docs/zh` (nox -s
# notebooks): an item collected from a Chinese page runs the variant that page shows
# (tests/engine/test_plugin.py checks that it does).


# ---- throw-away snippets -------------------------------------------------------------

SNIPPET = """\
# legacy: warns UserWarning
import math

# Two lines of English
# make one comment unit.
x = "# not a comment"  # a trailing comment
# --8<-- [start:part]
if x:
    # Indented, alone.
    y = math.pi  # noqa: F841
# --8<-- [end:part]
print(x)  # a trailing comment
"""

TRANSLATED = """\
- en: |-
    Two lines of English
    make one comment unit.
  zh: |-
    两行英文
    是一个注释单元。
- en: a trailing comment
  zh: 行尾注释
- en: Indented, alone.
  zh: 缩进的单行注释。
"""


def yaml_path(snippet: Snippet) -> Path:
    return snippet.root / snippet.comments_file("zh")


def write(tmp_path: Path, code: str = SNIPPET, zh: str | None = TRANSLATED) -> Snippet:
    snippet = Snippet.at(tmp_path, "snippets/t/demo.py")
    snippet.file.parent.mkdir(parents=True, exist_ok=True)
    snippet.file.write_text(code, "utf-8")
    if zh is not None:
        yaml_path(snippet).write_text(zh, "utf-8")
    return snippet


def test_units_are_read_with_tokenize():
    units = zc.comment_units(SNIPPET)
    assert [(u.en, u.rows, u.trailing) for u in units] == [
        ("Two lines of English\nmake one comment unit.", [4, 5], False),
        ("a trailing comment", [6], True),
        ("Indented, alone.", [9], False),
        ("a trailing comment", [12], True),
    ]  # legacy, section markers, noqa and the '#' in a string are not comments to translate


def test_variant_replaces_only_comment_text(tmp_path):
    snippet = write(tmp_path)
    assert zc.problems(snippet) == []
    variant = zc.zh_source(snippet)
    assert variant == SNIPPET.replace("# Two lines of English", "# 两行英文").replace(
        "# make one comment unit.", "# 是一个注释单元。"
    ).replace("# a trailing comment", "# 行尾注释").replace(
        "# Indented, alone.", "# 缩进的单行注释。"
    )
    assert '"# not a comment"' in variant and "# legacy: warns UserWarning" in variant
    assert zc.code_tokens(variant) == zc.code_tokens(SNIPPET)
    assert (
        zc.code_difference(compile(SNIPPET, "d.py", "exec"), compile(variant, "d.py", "exec"))
        is None
    )


def test_missing_translation_fails_with_snippet_and_line(tmp_path):
    code = SNIPPET.replace("# Indented, alone.", "# Indented, and changed.")
    found = zc.problems(write(tmp_path, code))
    assert any(p.startswith("snippets/t/demo.py:9: comment has no Chinese") for p in found), found
    assert any("Indented, and changed." in p for p in found)
    # ...and the old entry is stale, named by its line in the .zh.yaml
    assert any(p.startswith("snippets/t/demo.zh.yaml:9: stale entry") for p in found), found
    assert any("snippets/t/demo.py" in p and "'Indented, alone.'" in p for p in found)


def test_missing_translation_file_fails_for_each_comment(tmp_path):
    found = zc.problems(write(tmp_path, zh=None))
    assert [p.split(":")[1] for p in found] == ["4", "6", "9", "12"]
    assert all("scaffold snippets/t/demo.py" in p for p in found)


def test_stale_entry_fails_with_its_line(tmp_path):
    found = zc.problems(write(tmp_path, zh=TRANSLATED + "- en: gone\n  zh: 已删除\n"))
    assert found == [
        "snippets/t/demo.zh.yaml:11: stale entry, no comment of snippets/t/demo.py reads 'gone' "
        "any more (the comment changed or went: update it, or rerun python -m recorded_docs comments "
        "scaffold snippets/t/demo.py)"
    ]


def test_changed_line_count_fails_and_the_variant_keeps_english(tmp_path):
    zh = TRANSLATED.replace("    两行英文\n    是一个注释单元。", "    两行英文合成一行。")
    snippet = write(tmp_path, zh=zh)
    (found,) = zc.problems(snippet)
    assert found.startswith(
        "snippets/t/demo.py:4: the Chinese text has 1 line(s), the English comment 2"
    )
    assert "# Two lines of English" in zc.zh_source(snippet)  # lines never move


def test_untranslated_text_fails_unless_it_is_a_formula(tmp_path):
    code = "x = 1  # dz/dx = 2x\ny = 2  # keep this\n"
    zh = "- en: dz/dx = 2x\n  zh: dz/dx = 2x\n- en: keep this\n  zh: keep this\n"
    (found,) = zc.problems(write(tmp_path, code, zh))
    assert found.startswith("snippets/t/demo.py:2: the 'Chinese' text is the English one")


def test_empty_translation_and_bad_format_fail(tmp_path):
    found = zc.problems(write(tmp_path, "x = 1  # one\n", '- en: one\n  zh: ""\n'))
    assert found and found[0].startswith("snippets/t/demo.py:1: the Chinese translation")
    found = zc.problems(write(tmp_path, "x = 1  # one\n", "en: one\nzh: 一\n"))
    assert any("must be a YAML list" in p for p in found)
    found = zc.problems(
        write(tmp_path, "x = 1  # one\n", "- en: one\n  zh: 一\n- en: one\n  zh: 壹\n")
    )
    assert any(
        p.startswith("snippets/t/demo.zh.yaml:3: this English text is already") for p in found
    )


def test_scaffold_keeps_translations_adds_new_and_drops_stale(tmp_path):
    code = SNIPPET.replace("# Indented, alone.", "# A new comment: with a colon.")
    snippet = write(tmp_path, code, zh=TRANSLATED + "- en: gone\n  zh: 已删除\n")
    assert zc.scaffold(snippet) == (3, 1)
    entries = zc.load(yaml_path(snippet)).entries
    assert [(e.en, e.zh) for e in entries] == [
        ("Two lines of English\nmake one comment unit.", "两行英文\n是一个注释单元。"),
        ("a trailing comment", "行尾注释"),
        ("A new comment: with a colon.", ""),
    ]
    assert "|-" in yaml_path(snippet).read_text("utf-8")


def test_variant_runs_and_a_translated_traceback_line_is_caught(tmp_path, snippet_environment):
    """The recorded traceback of a legacy error quotes the failing line, trailing comment
    included: translating that comment changes the output, and the run says so."""

    code = (
        "# legacy: raises IndexError\nx = [1]\nprint(x[0])  # fine\nprint(x[2])  # out of range\n"
    )
    snippet = write(tmp_path, code, "- en: fine\n  zh: 没问题\n- en: out of range\n  zh: 越界\n")
    rel = snippet.path
    recorded = run_snippet(rel, tmp_path).output
    assert "print(x[2])  # out of range" in recorded
    snippet.file.write_text(zc.zh_source(snippet), "utf-8")
    run = run_snippet(rel, tmp_path)
    assert run.output.startswith("1\n") and not run.problems
    assert run.output != recorded and "# 越界" in run.output
    example = Example(snippet, code, recorded)
    failure, _ = check_example(example, run, snippet_environment, record=False)
    assert failure is not None and "differs from the recorded output" in failure


# ---- the build ------------------------------------------------------------------------


def test_chinese_pages_link_to_the_variants():
    html = '<span class="filename">t/demo.py</span>'
    assert link_titles(html, "../", "snippets", "zh") == (
        '<span class="filename"><a href="../snippets/t/demo.zh.py">t/demo.py</a></span>'
    )
    assert link_titles(html, "../../", "snippets") == (
        '<span class="filename"><a href="../../snippets/t/demo.py">t/demo.py</a></span>'
    )


def test_the_site_carries_every_snippet_and_its_variant():
    from recorded_docs.render.html import site_files

    files = site_files(Site(ROOT).layout, ("zh",))
    for snippet in all_snippets(ROOT):
        assert files[snippet.path.as_posix()] == snippet.file.read_bytes()
        assert files[snippet.variant_name("zh").as_posix()] == zc.zh_source(snippet).encode()


# ---- translation status ---------------------------------------------------------------


def test_translation_status_lists_chinese_comments_older_than_their_code(tmp_path):
    import subprocess

    from recorded_docs.translations import stale_comments

    def git(*args):
        subprocess.run(
            ["git", "-c", "user.name=t", "-c", "user.email=t@t", *args],
            cwd=tmp_path,
            check=True,
            capture_output=True,
        )

    snippet = write(tmp_path)
    (tmp_path / "snippets/t/bare.py").write_text("x = 1  # one\n")
    (tmp_path / "snippets/t/plain.py").write_text("x = 1\n")
    git("init", "-q")
    git("add", ".")
    git("commit", "-qm", "all")
    assert stale_comments(tmp_path) == [
        "snippets/t/bare.py has comments but no Chinese comments "
        "(snippets/t/bare.zh.yaml is missing)"
    ]
    snippet.file.write_text(SNIPPET.replace("math.pi", "math.e"), "utf-8")
    git("commit", "-qam", "code only")
    lines = stale_comments(tmp_path)
    assert (
        lines[1].startswith("snippets/t/demo.zh.yaml (commit")
        and "snippets/t/demo.py (commit" in lines[1]
    )
    yaml_path(snippet).write_text(TRANSLATED + "\n", "utf-8")
    assert len(stale_comments(tmp_path)) == 1  # uncommitted counts as newest
