"""Search as readers use it: Material's own search worker on each language's index.

Run by ``nox -s site`` (no torch, no network). Every query goes through the search
worker the built site ships (assets/javascripts/workers/search.*.min.js, with the lunr
language files it loads), run in Chromium on exactly the index a reader's browser
fetches for that language (<lang>/search/search_index.json), as Material's own page
code sends it. Three properties:

* recall: every distinct word of a language's pages (Latin words of 3+ letters, and
  the words jieba cuts Chinese text into, as Material's build does) is found on a page
  that contains it, for at least RECALL of them;
* inflection: an inflected query finds the pages of its stem and back;
* ranking: tests/site/search_queries.yaml, a reader's questions per language, each with the
  page that answers it: that page in the top 3 for every question, first for at least
  TOP1 of them.

The rates are printed (``-s`` shows them).
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
QUERIES = Path(__file__).with_name("search_queries.yaml")
LANGUAGES = {"zh": "", "en": "en/"}
RECALL = 0.99
TOP1 = 0.80
LATIN_RE = re.compile(r"[A-Za-z]{3,}")
HAN_RE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
INFLECTIONS = [
    ("weights", "weight"),
    ("freezing", "freeze"),
    ("gradients", "gradient"),
    ("parameters", "parameter"),
]

pytestmark = pytest.mark.site


# ---- the pages' words --------------------------------------------------------------


class _ArticleText(HTMLParser):
    """The text of a page's article (what search indexes), without scripts and styles."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.depth = 0  # inside <article>
        self.skip = 0  # inside <script>/<style>
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "article":
            self.depth += 1
        elif tag in ("script", "style"):
            self.skip += 1

    def handle_endtag(self, tag):
        if tag == "article":
            self.depth -= 1
        elif tag in ("script", "style"):
            self.skip -= 1

    def handle_data(self, data):
        if self.depth and not self.skip:
            self.parts.append(data)


def _jieba():
    """jieba with the user dictionary the build's search plugin loads (MkDocs' own config
    loading, so the path is the one the build resolves)."""
    import jieba
    from mkdocs.config import load_config

    config = load_config(str(ROOT / "mkdocs.yml"))
    jieba.setLogLevel(60)
    if user_dict := config.plugins["material/search"].config.get("jieba_dict_user"):
        jieba.load_userdict(str(ROOT / user_dict))
    return jieba


def page_words(site: Path, lang: str) -> dict[str, set[str]]:
    """Every word of a language's pages -> the pages (paths relative to the language) it is on.

    Latin words of 3+ letters, lowercased; Chinese text cut by jieba as Material's build
    cuts it (its user dictionary included). Notebook pages are not indexed: left out.
    """
    jieba = _jieba()
    root = site / LANGUAGES[lang]
    others = [site / prefix for prefix in LANGUAGES.values() if prefix and site / prefix != root]
    words: dict[str, set[str]] = {}
    for html in sorted(root.rglob("index.html")):
        if any(html.is_relative_to(o) for o in others) or "notebooks" in html.parts:
            continue
        if html.parent.name == "search":
            continue
        path = html.parent.relative_to(root).as_posix()
        path = "" if path == "." else f"{path}/"
        parser = _ArticleText()
        parser.feed(html.read_text("utf-8"))
        text = " ".join(parser.parts)
        found = {w.lower() for w in LATIN_RE.findall(text)}
        for run in HAN_RE.findall(text):
            found.update(w for w in jieba.cut(run) if HAN_RE.fullmatch(w))
        for word in found:
            words.setdefault(word, set()).add(path)
    return words


# ---- Material's search worker ----------------------------------------------------------

# Runs in a page of the site: starts the search worker named in the page's __config
# (what Material's own code starts), sends it the index that page's search loads, with
# the options Material sends, then every query in turn. Per query, the result groups
# (one per page, best first) as lists of locations.
SEARCH_JS = """
async (queries) => {
  const config = JSON.parse(document.getElementById("__config").textContent)
  const base = new URL(config.base, location.href)
  const index = await (await fetch(new URL("search/search_index.json", base))).json()
  const worker = new Worker(new URL(config.search, location.href))
  const call = message => new Promise((resolve, reject) => {
    worker.onmessage = event => resolve(event.data)
    worker.onerror = event => reject(new Error(event.message))
    worker.postMessage(message)
  })
  const suggest = config.features.includes("search.suggest")
  await call({type: 0, data: {config: index.config, docs: index.docs, options: {suggest}}})
  const results = {}
  for (const query of queries) {
    const answer = await call({type: 2, data: query})
    results[query] = answer.data.items.map(group => group.map(item => item.location))
  }
  worker.terminate()
  return results
}
"""


@pytest.fixture(scope="module")
def search(browser, server):
    """search(lang, queries) -> {query: [[location, ...] per page, best page first]}."""
    page = browser.new_page()

    def run(lang: str, queries) -> dict[str, list[list[str]]]:
        page.goto(f"{server}/{LANGUAGES[lang]}", wait_until="load")
        return page.evaluate(SEARCH_JS, sorted(set(queries)))

    yield run
    page.close()


def pages_of(groups: list[list[str]]) -> list[str]:
    """The result pages, best first, as paths relative to the language root."""
    return [group[0].split("#")[0] for group in groups if group]


# ---- recall: every word is found ----------------------------------------------------------


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_word_is_found_on_a_page_that_has_it(built_site, search, lang):
    words = page_words(built_site, lang)
    results = search(lang, words)
    kinds = {"latin": [], "cjk": []}
    for word, pages in words.items():
        found = bool(set(pages_of(results[word])) & pages)
        kinds["cjk" if HAN_RE.match(word) else "latin"].append((word, found))
    report = []
    for kind, checked in kinds.items():
        if checked:
            hits = sum(found for _, found in checked)
            report.append(f"{kind} {hits}/{len(checked)} = {hits / len(checked):.1%}")
    print(f"\nsearch recall [{lang}]: " + ", ".join(report))
    missed = sorted(
        word for word, pages in words.items() if not set(pages_of(results[word])) & pages
    )
    found = len(words) - len(missed)
    assert found / len(words) >= RECALL, (
        f"[{lang}] only {found}/{len(words)} words ({found / len(words):.1%}) are found on a "
        f"page that has them; missed: {', '.join(missed[:80])}"
    )


# ---- inflection: a plural or -ing form finds its stem, and back -----------------------------


@pytest.mark.parametrize("lang", LANGUAGES)
def test_inflected_queries_find_their_stem_and_back(built_site, search, lang):
    words = page_words(built_site, lang)
    queries = [w for pair in INFLECTIONS for w in pair]
    results = search(lang, queries)
    failures = []
    for a, b in INFLECTIONS:
        for query, other in ((a, b), (b, a)):
            # the pages that have the other form (or both forms, if none has it alone)
            wanted = words.get(other, set()) - words.get(query, set()) or words.get(other, set())
            if not wanted:
                continue
            got = set(pages_of(results[query]))
            if not wanted <= got:
                failures.append(f"{query!r} misses {sorted(wanted - got)} (pages with {other!r})")
    assert any(words.get(w) for w in queries), f"[{lang}] none of {queries} is on a page"
    assert not failures, f"[{lang}] " + "; ".join(failures)


# ---- ranking: a reader's questions ------------------------------------------------------


@pytest.mark.parametrize("lang", LANGUAGES)
def test_readers_questions_rank_the_right_page(search, lang):
    cases = yaml.safe_load(QUERIES.read_text("utf-8"))[lang]
    assert len(cases) >= 30, f"[{lang}] {len(cases)} questions in {QUERIES.name}; want 30+"
    results = search(lang, [case["q"] for case in cases])
    first = top3 = anchored = with_anchor = 0
    failures, seconds, pending, now_pass = [], [], [], []
    for case in cases:
        groups = results[case["q"]]
        pages = pages_of(groups)
        wanted = [case["page"], *case.get("also", [])]
        rank = next((i + 1 for i, page in enumerate(pages) if page in wanted), None)
        want = pages[rank - 1] if rank else case["page"]
        line = f"{case['q']!r}: want /{want} (rank {rank}), got {pages[:3]}"
        if case.get("pending"):
            (now_pass if rank and rank <= 3 else pending).append(f"{line}: {case['pending']}")
            continue
        first += rank == 1
        top3 += rank is not None and rank <= 3
        if case.get("anchor"):
            with_anchor += 1
            sections = groups[rank - 1] if rank and want == case["page"] else []
            anchored += f"{want}#{case['anchor']}" in sections
        if rank is None or rank > 3:
            failures.append(line)
        elif rank > 1:
            seconds.append(line)
    n = len(cases) - len(pending) - len(now_pass)
    print(
        f"\nsearch ranking [{lang}]: first {first}/{n} = {first / n:.0%}, "
        f"top 3 {top3}/{n} = {top3 / n:.0%}, "
        f"wanted section among the page's results {anchored}/{with_anchor}; "
        f"{len(pending) + len(now_pass)} pending a content change"
    )
    for line in failures:
        print(f"  FAIL {line}")
    for line in seconds:
        print(f"  not first {line}")
    for line in pending:
        print(f"  pending {line}")
    for line in now_pass:
        print(f"  passes now, remove its `pending:` {line}")
    assert not failures, f"[{lang}] wanted page not in the top 3:\n" + "\n".join(failures)
    assert first / n >= TOP1, f"[{lang}] wanted page first for only {first}/{n}"


# ---- the glossary: every term lands on the page that teaches it -----------------------


def glossary_rows(lang: str) -> list[dict]:
    """The glossary's rows as recorded_docs.glossary reads them (the build tags search
    entries from the same reading)."""
    from recorded_docs.glossary import rows

    text = (ROOT / "docs" / lang / "glossary.md").read_text("utf-8")
    return [
        {
            "line": row.line,
            "zh": row.zh,
            "en": row.en,
            "page": f"{row.page}/" if row.page else None,
            "anchor": row.anchor,
        }
        for row in rows(text)
    ]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_glossary_row_links_to_the_section_that_teaches_it(built_site, lang):
    rows = glossary_rows(lang)
    assert len(rows) >= 40, f"{lang}: only {len(rows)} glossary rows read"
    problems = []
    for row in rows:
        where = f"docs/{lang}/glossary.md:{row['line']} ({row['zh']} / {row['en']})"
        if row["page"] is None or not row["anchor"]:
            problems.append(f"{where}: no link to the section that teaches it")
            continue
        html = built_site / LANGUAGES[lang] / row["page"] / "index.html"
        if not html.exists() or f'id="{row["anchor"]}"' not in html.read_text("utf-8"):
            problems.append(f"{where}: {row['page']}#{row['anchor']} does not exist")
    others = [r for other in LANGUAGES if other != lang for r in glossary_rows(other)]
    mine = [(r["zh"], r["page"], r["anchor"]) for r in rows]
    assert mine == [(r["zh"], r["page"], r["anchor"]) for r in others], (
        "the two glossaries list other terms or link other sections"
    )
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_glossary_term_finds_its_teaching_page_first(search, lang):
    """Every term, by its Chinese and by its English name, on this language's site: the
    first result (the glossary itself aside) is the page its row links to."""
    rows = [r for r in glossary_rows(lang) if r["page"]]
    queries = {r[key] for r in rows for key in ("zh", "en")}
    results = search(lang, queries)
    misses = []
    for row in rows:
        for key in ("zh", "en"):
            pages = [p for p in pages_of(results[row[key]]) if p != "glossary/"]
            if not pages or pages[0] != row["page"]:
                misses.append(f"{row[key]!r}: want /{row['page']} first, got {pages[:3]}")
    total = 2 * len(rows)
    print(f"\nglossary terms [{lang}]: {total - len(misses)}/{total} land on their page first")
    assert not misses, f"[{lang}] glossary terms that land elsewhere first:\n" + "\n".join(misses)
