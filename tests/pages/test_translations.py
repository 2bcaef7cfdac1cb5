"""nox -s translations: page pairs where one language was changed after the other."""

import subprocess


def test_translation_status_lists_the_older_language(tmp_path):
    from recorded_docs.translations import stale_pairs

    def git(*args):
        subprocess.run(["git", *args], cwd=tmp_path, check=True, capture_output=True)

    for lang in ("zh", "en"):
        (tmp_path / "docs" / lang).mkdir(parents=True)
        (tmp_path / "docs" / lang / "p.md").write_text("# p\n")
    git("init", "-q")
    git("-c", "user.name=t", "-c", "user.email=t@t", "add", ".")
    git("-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "both")
    assert stale_pairs(tmp_path) == []
    (tmp_path / "docs/zh/p.md").write_text("# p\n\n新的段落\n")
    (lines,) = stale_pairs(tmp_path)
    assert lines.startswith("docs/en/p.md (commit") and "docs/zh/p.md (uncommitted" in lines
