"""Everything that depends on Material for MkDocs' internals, in one place.

Material for MkDocs reaches its end of life in 2027-05; whatever replaces it only
needs what this file does redone, each point under 30 lines:

* Per-language search: Material's pages fetch <base>/search/search_index.json, with
  <base> from the page's ``__config``; a page of another language than the default
  gets its language's index (tools/hooks/search_split.py writes them).
* Search that finds every word: Material sends "word*" to lunr, which skips the
  stemmer for wildcard terms, so against an index of stems "gradients",
  "parameters" or "freeze" find nothing. tools/hooks/search_worker.js, appended to
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
import sys
from pathlib import Path

from mkdocs.plugins import event_priority

# mkdocs restores sys.path once this module is loaded: import what we need now.
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from tools.hooks.common import is_nested_build, languages, page_language  # noqa: E402

CONFIG_BASE_RE = re.compile(
    r'(<script id="__config" type="application/json">\{"annotate": [^,]*, "base": ")([^"]*)(")'
)
WORKER_GLOB = "assets/javascripts/workers/search.*.min.js"
WORKER_PROLOGUE = Path(__file__).with_name("search_worker_prologue.js")
WORKER_PATCH = Path(__file__).with_name("search_worker.js")
PATCHED = "/* patched by tools/hooks/theme_material.py */"
IFRAME_WORKER_SHIM = "assets/javascripts/vendor/iframe-worker-shim.js"


def on_post_page(output, page, config):
    _, others = languages(config)
    lang = page_language(page)
    if lang in others:
        # Material fetches <base>/search/search_index.json: make it this language's.
        output = CONFIG_BASE_RE.sub(lambda m: f"{m[1]}{m[2]}/{lang}/{m[3]}", output, count=1)
    return output


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


@event_priority(-300)  # after the index is split (tools/hooks/search_split.py, -200)
def on_post_build(config):
    if is_nested_build(config):
        return
    site = Path(config.site_dir)
    if not patch_search_worker(site) and not any(
        PATCHED in w.read_text("utf-8") for w in site.glob(WORKER_GLOB)
    ):
        raise RuntimeError(f"no Material search worker at {site / WORKER_GLOB} to patch")
    # The offline plugin loads each index from search_index.js (written from the merged
    # index before the split): keep each language's in step with its json.
    _, others = languages(config)
    if (site / "search" / "search_index.js").exists():
        for root in [site] + [site / lang for lang in others]:
            split = root / "search" / "search_index.json"
            split.with_suffix(".js").write_text(
                f"var __index = {split.read_text('utf-8')}", "utf-8"
            )


@event_priority(100)  # before Material's offline plugin adds its unpkg.com shim
def on_config(config):
    offline = config.plugins.get("material/offline") or config.plugins.get("offline")
    if offline is not None and offline.config.enabled:
        config.extra["polyfills"] = [IFRAME_WORKER_SHIM]
    return config
