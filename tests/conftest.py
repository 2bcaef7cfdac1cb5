pytest_plugins = ["tools.pytest_snippets"]


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    """Say where the browser tests left their screenshots."""
    from tests.test_site import SCREENSHOTS

    shots = sorted(SCREENSHOTS.glob("*.png")) if SCREENSHOTS.exists() else []
    ran_site = any(
        "test_site.py" in getattr(report, "nodeid", "")
        for reports in terminalreporter.stats.values()
        for report in reports
    )
    if shots and ran_site:
        terminalreporter.section("screenshots")
        for shot in shots:
            terminalreporter.write_line(str(shot))
