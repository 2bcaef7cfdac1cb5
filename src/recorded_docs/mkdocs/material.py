"""Everything that depends on Material for MkDocs' internals, in one place.

Material for MkDocs reaches its end of life in 2027-05; whatever replaces it only
needs what this module does redone, each point under 30 lines. The plugin
(recorded_docs.mkdocs.plugin) calls these functions; nothing else in the package knows
Material:

* Per-language search: Material's pages fetch <base>/search/search_index.json, with
  <base> from the page's ``__config``; a page of another language than the default
  gets its language's index (recorded_docs.mkdocs.i18n writes them).
* Search that finds every word: Material sends "word*" to lunr, which skips the
  stemmer for wildcard terms, so against an index of stems "gradients",
  "parameters" or "freeze" find nothing. search_worker.js (beside this module), appended to
  Material's search worker, keeps each word and its stem in the index and searches
  a typed word from its stem (see that file); search_worker_prologue.js, put before
  it, lets Material's Chinese query segmentation reach the query's last character.
* Offline copy (OFFLINE=true, nox -s offline): Material's offline plugin would load
  its iframe-worker shim from unpkg.com, a third-party request that fails offline
  and takes search with it; the copy vendored under docs/assets/javascripts/vendor/
  (iframe-worker 1.0.4, MIT) is used instead. That plugin reads each index from
  search/search_index.js: they are rewritten from the split json files.
"""

from __future__ import annotations

import re
from pathlib import Path

CONFIG_BASE_RE = re.compile(
    r'(<script id="__config" type="application/json">\{"annotate": [^,]*, "base": ")([^"]*)(")'
)
WORKER_GLOB = "assets/javascripts/workers/search.*.min.js"
WORKER_PROLOGUE = Path(__file__).with_name("search_worker_prologue.js")
WORKER_PATCH = Path(__file__).with_name("search_worker.js")
PATCHED = "/* patched by recorded_docs/mkdocs/material.py */"
IFRAME_WORKER_SHIM = "assets/javascripts/vendor/iframe-worker-shim.js"


def search_base_for(output: str, lang: str) -> str:
    """A page of a non-default language fetches its language's search index:
    Material fetches <base>/search/search_index.json, with <base> from ``__config``."""
    return CONFIG_BASE_RE.sub(lambda m: f"{m[1]}{m[2]}/{lang}/{m[3]}", output, count=1)


def patch_search_worker(site_dir: Path) -> list[Path]:
    """Put search_worker_prologue.js before Material's search worker, search_worker.js after."""
    patched = []
    before = f"{PATCHED}\n{WORKER_PROLOGUE.read_text('utf-8')}"
    after = WORKER_PATCH.read_text("utf-8")
    for worker in sorted(site_dir.glob(WORKER_GLOB)):
        code = worker.read_text("utf-8")
        if PATCHED in code:
            continue
        head, sep, source_map = code.rpartition("\n//# sourceMappingURL=")
        code = f"{head}\n{after}{sep}{source_map}" if sep else f"{code}\n{after}"
        worker.write_text(f"{before}\n{code}", "utf-8")
        patched.append(worker)
    return patched


def finish_site(site: Path, languages: list[str]) -> None:
    """After the whole build: the search worker patched, the offline copy's indexes.

    The offline plugin loads each index from search_index.js (written from the merged
    index before the split): keep each language's in step with its json.
    """
    if not patch_search_worker(site) and not any(
        PATCHED in w.read_text("utf-8") for w in site.glob(WORKER_GLOB)
    ):
        raise RuntimeError(f"no Material search worker at {site / WORKER_GLOB} to patch")
    if (site / "search" / "search_index.js").exists():
        for root in [site] + [site / lang for lang in languages]:
            split = root / "search" / "search_index.json"
            split.with_suffix(".js").write_text(
                f"var __index = {split.read_text('utf-8')}", "utf-8"
            )


def use_local_shim(config) -> None:
    """Before Material's offline plugin adds its unpkg.com iframe-worker shim."""
    offline = config.plugins.get("material/offline") or config.plugins.get("offline")
    if offline is not None and offline.config.enabled:
        config.extra["polyfills"] = [IFRAME_WORKER_SHIM]
