"""Every snippet, run once, checked against the output its pages show.

With ``--record`` (``nox -s record``) the same run rewrites the outputs that changed.
Each snippet runs in its own process (tools/snippet_runner.py), within
``--snippet-timeout`` seconds.

``SNIPPETS_SITE_ROOT`` points this file at another site (the checks' own tests
run it on a throw-away one).
"""

import os
from pathlib import Path

import pytest

from tools.pytest_snippets import ROOT as SITE_ROOT
from tools.pytest_snippets import append_drift, check_example, classify
from tools.site_pages import Site
from tools.snippet_runner import run_snippet

ROOT = Path(os.environ.get("SNIPPETS_SITE_ROOT") or SITE_ROOT).resolve()
SITE = Site(ROOT)
EXAMPLES = SITE.examples()


def test_pages_can_be_read():
    """A malformed page hides its snippets from every other test here: say so first."""
    errors = SITE.page_errors()
    if errors:
        pytest.fail("\n".join(["pages that cannot be read:", *errors]), pytrace=False)


@pytest.mark.parametrize("example", EXAMPLES, ids=[e.name for e in EXAMPLES])
def test_snippet(example, snippet_environment, request, record_property):
    run = run_snippet(example.snippet, ROOT, timeout=request.config.getoption("snippet_timeout"))
    record_property("seconds", round(run.seconds, 4))
    drift_report = request.config.getoption("drift_report")
    if drift_report:
        result = classify(example, run)
        append_drift(Path(drift_report), example, snippet_environment, result)
        if result["status"] != "ok":
            pytest.fail(f"{example.snippet}: {result['status']}\n{result['detail']}", pytrace=False)
        return
    failure, action = check_example(
        example, run, snippet_environment, record=request.config.getoption("record"), root=ROOT
    )
    record_property("snippet_action", (example.name, action))
    if failure:
        pytest.fail(failure, pytrace=False)
