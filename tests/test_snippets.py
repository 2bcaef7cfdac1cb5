"""Every snippet, run once, checked against the output its pages show.

With ``--record`` (``nox -s record``) the same run rewrites the outputs that changed.
"""

from pathlib import Path

import pytest

from tools.pytest_snippets import ROOT, append_drift, check_example, classify
from tools.site_pages import Site
from tools.snippet_runner import run_snippet

EXAMPLES = Site(ROOT).examples()


@pytest.mark.parametrize("example", EXAMPLES, ids=[e.name for e in EXAMPLES])
def test_snippet(example, snippet_environment, request, record_property):
    run = run_snippet(example.snippet, ROOT)
    record_property("seconds", round(run.seconds, 4))
    drift_report = request.config.getoption("drift_report")
    if drift_report:
        result = classify(example, run)
        append_drift(Path(drift_report), example, snippet_environment, result)
        if result["status"] != "ok":
            pytest.fail(f"{example.snippet}: {result['status']}\n{result['detail']}", pytrace=False)
        return
    failure, action = check_example(
        example, run, snippet_environment, record=request.config.getoption("record")
    )
    record_property("snippet_action", (example.name, action))
    if failure:
        pytest.fail(failure, pytrace=False)
