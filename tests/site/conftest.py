"""Shared fixtures: the built site, a local server for it, and the browser."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BROWSERS = ("chromium", "chromium-browser", "google-chrome")


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    """Say where the browser tests left their screenshots."""
    from tests.site.test_site import SCREENSHOTS

    shots = sorted(SCREENSHOTS.glob("*.png")) if SCREENSHOTS.exists() else []
    ran_site = any(
        "tests/site/" in getattr(report, "nodeid", "")
        for reports in terminalreporter.stats.values()
        for report in reports
    )
    if shots and ran_site:
        terminalreporter.section("screenshots")
        for shot in shots:
            terminalreporter.write_line(str(shot))


# ---- the built site (nox -s site) -------------------------------------------------


# `mkdocs build --strict`, counting how often each page is scanned (recorded_docs.scan)
# into <site>.scans.json: the plugin promises one scan per page per build.
BUILD = """
import collections, json, sys
import recorded_docs.pages, recorded_docs.scan
counts = collections.Counter()
scan = recorded_docs.scan.scan_page
def counted(text, where):
    counts[str(where)] += 1
    return scan(text, where)
recorded_docs.scan.scan_page = recorded_docs.pages.scan_page = counted
from mkdocs.__main__ import cli
try:
    cli(["build", "--strict", "--site-dir", sys.argv[1]])
finally:
    with open(sys.argv[1] + ".scans.json", "w") as f:
        json.dump(counts, f)
"""


def notebook_cache(site: Path) -> Path:
    """Where a build of this module kept its notebook cache (the cold build of the site
    rendered every notebook: later builds of the same pages start from a copy of it)."""
    return Path(f"{site}.jupyter-cache")


def build(out: Path, seed: Path | None = None, **env: str) -> Path:
    """``mkdocs build --strict`` into out, with its own notebook cache (seed: a copy of
    another build's, whose notebooks are the same: mkdocs-jupyter keys them by content)."""
    cache = notebook_cache(out)
    if seed is not None and seed.is_dir():
        shutil.rmtree(cache, ignore_errors=True)
        shutil.copytree(seed, cache)
    result = subprocess.run(
        [sys.executable, "-c", BUILD, str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        # Its own notebook cache: the builds of parallel test workers would evict each
        # other's entries (mkdocs-jupyter drops what its build did not use).
        env={
            **os.environ,
            "NO_MKDOCS_2_WARNING": "1",
            "MKDOCS_JUPYTER_CACHE": str(cache),
            **env,
        },
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return out


def built_once(tmp_path_factory, name: str, seed: Path | None = None, **env: str) -> Path:
    """A build shared by the session's test workers (pytest-xdist): the first to need it
    builds it, the others wait for it (an flock, POSIX like the snippet runner)."""
    import fcntl

    base = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        base = base.parent  # the workers' common folder
    out = base / name
    with open(base / f"{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        done = base / f"{name}.built"  # a build that failed half-way is built again
        if not done.exists():
            shutil.rmtree(out, ignore_errors=True)
            build(out, seed, **env)
            done.touch()
    return out


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The site, built once per session (SITE_DIR=path reuses a build instead)."""
    if existing := os.environ.get("SITE_DIR"):
        return Path(existing)
    return built_once(tmp_path_factory, "site")


@pytest.fixture(scope="session")
def offline_site(tmp_path_factory, built_site) -> Path:
    """The copy readers open from disk (nox -s offline)."""
    return built_once(tmp_path_factory, "site-offline", notebook_cache(built_site), OFFLINE="true")


@pytest.fixture(scope="session")
def server(built_site):
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    handler = functools.partial(Quiet, directory=str(built_site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


def find_browser() -> str | None:
    """$CHROMIUM if set, else the first of chromium, chromium-browser, google-chrome on PATH."""
    if wanted := os.environ.get("CHROMIUM"):
        return shutil.which(wanted) or (wanted if Path(wanted).is_file() else None)
    return next((path for name in BROWSERS if (path := shutil.which(name))), None)


def _missing(reason: str):
    """Outside CI a missing browser skips the browser tests; in CI (CI set) it fails them."""
    if os.environ.get("CI", "").lower() not in ("", "0", "false", "no"):
        pytest.fail(f"{reason} (CI is set, so this is a failure; .ci/run installs it)")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def browser():
    try:
        from playwright import sync_api
    except ImportError:
        _missing("Playwright is not installed (it is in the `site` dependency group)")
    executable = find_browser()
    if executable is None:
        wanted = os.environ.get("CHROMIUM") or ", ".join(BROWSERS)
        _missing(f"no browser found ({wanted}): apt-get install chromium fonts-noto-cjk")
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=executable, args=["--no-sandbox"])
        yield browser
        browser.close()
