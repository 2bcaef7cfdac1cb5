"""Release candidates: PyTorch's test channel, ahead of the package index.

PyPI serves no torch release candidates; PyTorch publishes them on its test channel
(``https://download.pytorch.org/whl/test/``), a PEP 503 simple index whose wheels carry
the coming release's final version number (``torch-2.16.0+cpu-cp311-...whl``) weeks
before it reaches PyPI. :func:`newest_candidate` reads such a listing and
:func:`candidate_to_test` decides whether it is newer than the newest release, which is
what ``nox -s drift -- candidate`` (and the weekly ``rc.yml`` workflow) run against.
"""

from __future__ import annotations

import re
import urllib.request
from html.parser import HTMLParser
from urllib.parse import unquote

from packaging.tags import Tag
from packaging.utils import InvalidWheelFilename, parse_wheel_filename
from packaging.version import Version

TEST_INDEX = "https://download.pytorch.org/whl/test/cpu"


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.files: list[str] = []

    def handle_starttag(self, tag, attrs):
        href = dict(attrs).get("href") if tag == "a" else None
        if href:
            self.files.append(unquote(href.split("#")[0].rsplit("/", 1)[-1]))


def wheel_versions(listing: str, package: str, python: str = "3.11") -> list[Version]:
    """The versions of ``package`` that a simple-index page offers as Linux x86-64 wheels
    for CPython ``python`` (local labels such as ``+cpu`` dropped), sorted."""
    parser = _Links()
    parser.feed(listing)
    interpreter = "cp" + python.replace(".", "")
    found = set()
    for name in parser.files:
        if not name.endswith(".whl"):
            continue
        try:
            dist, version, _, tags = parse_wheel_filename(name)
        except InvalidWheelFilename:
            continue
        if dist != package.lower():
            continue
        if not any(_fits(tag, interpreter) for tag in tags):
            continue
        found.add(Version(re.sub(r"\+.*$", "", str(version))))
    return sorted(found)


def _fits(tag: Tag, interpreter: str) -> bool:
    return (
        tag.interpreter == interpreter
        and tag.platform.endswith("x86_64")
        and ("linux" in tag.platform)
    )


def newest_candidate(listing: str, python: str = "3.11") -> Version | None:
    versions = wheel_versions(listing, "torch", python)
    return versions[-1] if versions else None


def candidate_to_test(listing: str, releases: list[str], python: str = "3.11") -> str | None:
    """The test channel's newest torch when it is newer than every release on the package
    index (``releases``), else None: the candidate a drift run should try."""
    candidate = newest_candidate(listing, python)
    if candidate is None:
        return None
    known = [Version(v) for v in releases if not Version(v).is_prerelease]
    newest = max(known) if known else None
    if newest is not None and candidate <= Version(newest.base_version):
        return None
    return str(candidate)


def fetch_listing(package: str = "torch", index: str = TEST_INDEX) -> str:
    """The test channel's page for ``package`` (network: GitHub's runners reach it)."""
    with urllib.request.urlopen(f"{index}/{package}/", timeout=60) as response:  # noqa: S310
        return response.read().decode("utf-8")
