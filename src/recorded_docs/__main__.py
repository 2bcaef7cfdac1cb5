"""The command line: ``python -m recorded_docs COMMAND ...`` (run from the site's root).

render OUT_DIR            every page's finished Markdown (the page pipeline)
notebooks OUT_DIR         every page's notebook
comments check|scaffold|variant|stats [PATH ...]
                          the snippets' Chinese comments
compat run --pinned P/T/V [--python P] [--plan] [T/V ...]
                          a (resumable) compat run: refresh, a plan, or releases;
                          --write-plan, --results, --merge for the matrix workflow
drift --pinned T/V [T/V | pinned | latest ...]
                          the drift table over torch releases
drift-report OUT.md RUN.jsonl ...
                          the drift table from runs
translations              page pairs and comments that may need a look
bench --tests-seconds S   the bench figures (nox -s bench)
"""

from __future__ import annotations

import sys
from pathlib import Path


def _site_layout(root: Path):
    """The layout and the plugin's options as the site's MkDocs config sets them."""
    from mkdocs.config import load_config

    from recorded_docs.mkdocs.i18n import languages
    from recorded_docs.mkdocs.plugin import layout_from

    config = load_config(str(root / "mkdocs.yml"))
    plugin = config.plugins["recorded-docs"]
    default, _ = languages(config)
    return layout_from(config, plugin.config.snippets_dir), plugin.config, default, config


def main(argv: list[str]) -> int:
    root = Path.cwd()
    if not argv or argv[0] in ("-h", "--help"):
        print(__doc__)
        return 0 if argv else 2
    command, args = argv[0], argv[1:]
    if command == "render":
        from recorded_docs.path import nav_pages
        from recorded_docs.render import Context, write_all

        if len(args) != 1:
            print("usage: python -m recorded_docs render OUT_DIR", file=sys.stderr)
            return 2
        layout, options, default, config = _site_layout(root)
        context = Context.load(
            layout,
            fold_at=options.fold_outputs_at,
            comment_languages=tuple(options.chinese_comments),
            directory_urls=config.use_directory_urls,
            nav=nav_pages(config.nav or []) or None,
        )
        for path in write_all(context, Path(args[0]), default or layout.languages[0]):
            print(path)
        for warning in context.warnings:
            print(f"warning: {warning}", file=sys.stderr)
        return 1 if context.warnings else 0
    if command == "notebooks":
        from recorded_docs.notebooks import write_all
        from recorded_docs.pages import Site

        if len(args) != 1:
            print("usage: python -m recorded_docs notebooks OUT_DIR", file=sys.stderr)
            return 2
        layout, options, _, config = _site_layout(root)
        for path in write_all(
            Site(layout), Path(args[0]), config.use_directory_urls, tuple(options.chinese_comments)
        ):
            print(path)
        return 0
    if command == "comments":
        from recorded_docs import comments

        return comments.main(args, root)
    if command == "compat":
        if args[:1] == ["run"]:
            from recorded_docs.compat import run

            return run.main(args[1:], root)
        print("usage: python -m recorded_docs compat run ...", file=sys.stderr)
        return 2
    if command == "drift":
        from recorded_docs.compat import drift

        return drift.run_main(args, root)
    if command == "drift-report":
        from recorded_docs.compat import drift

        return drift.main(args, root)
    if command == "translations":
        from recorded_docs import translations

        return translations.main(root)
    if command == "bench":
        from recorded_docs import bench

        return bench.main(args, root)
    print(f"unknown command {command!r}\n{__doc__}", file=sys.stderr)
    return 2


def run(argv: list[str]) -> int:
    """main(), with a malformed page or a missing file as one line, not a traceback."""
    from recorded_docs.scan import SiteError

    try:
        return main(argv)
    except (SiteError, FileNotFoundError) as err:
        print(f"error: {err}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(run(sys.argv[1:]))
