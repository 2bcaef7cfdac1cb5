"""The built site as readers use it: links, search, third-party requests, the browser.

Run by ``nox -s site`` (no torch needed). The fixtures (the build, a local server,
the browser) are in tests/conftest.py. The browser tests drive Chromium (the first of
$CHROMIUM, chromium, chromium-browser, google-chrome on PATH) with Playwright and save
screenshots under .artifacts/screenshots/. Without a browser or Playwright they are
skipped with the reason, except in CI (CI set), where that is a failure. Search itself,
measured with Material's own search worker, is tested in tests/site/test_search.py.
"""

from __future__ import annotations

import functools
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / ".artifacts" / "screenshots"

pytestmark = pytest.mark.site


def test_mkdocs_build_strict(built_site):
    """`mkdocs build --strict` passes (the fixture asserts it) and both languages are built."""
    for prefix in ("", "en/"):
        page = built_site / prefix / "autograd" / "index.html"
        assert page.exists(), f"{page} was not built"
        html = page.read_text("utf-8")
        assert "snippet-output" in html and "torchvision" in html


def test_each_page_is_scanned_once_per_build(built_site):
    """Both languages' builds, the notebooks, the compat grid: one scan of each page."""
    import json

    counted = Path(f"{built_site}.scans.json")
    if not counted.exists():
        pytest.skip(f"SITE_DIR={built_site} was built elsewhere: no scan counts")
    scans = json.loads(counted.read_text("utf-8"))
    pages = {p.relative_to(ROOT).as_posix() for p in (ROOT / "docs").glob("*/*.md")}
    assert set(scans) == pages, sorted(pages ^ set(scans))
    twice = {page: n for page, n in scans.items() if n != 1}
    assert not twice, f"pages scanned more than once in one build: {twice}"


# ---- links ---------------------------------------------------------------------


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.add(attrs["id"])
        for name in ("href", "src"):
            if attrs.get(name) and not (tag == "link" and attrs.get("rel") == "canonical"):
                self.links.append(attrs[name])


@functools.cache
def _parse(path: Path) -> _Links:
    parser = _Links()
    parser.feed(path.read_text("utf-8", errors="replace"))
    return parser


def _target(site: Path, page: Path, link: str) -> tuple[Path, str]:
    parts = urlsplit(link)
    base = site if parts.path.startswith("/") else page.parent
    path = (base / unquote(parts.path).lstrip("/")).resolve() if parts.path else page
    if path.is_dir():
        path = path / "index.html"
    return path, unquote(parts.fragment)


@pytest.mark.parametrize("which", ["built_site", "offline_site"])
def test_every_internal_link_and_anchor_resolves(request, which):
    built_site = request.getfixturevalue(which)
    broken = []
    pages = sorted(built_site.rglob("*.html"))
    assert len(pages) > 20
    for page in pages:
        for link in _parse(page).links:
            if urlsplit(link).scheme or link.startswith(("//", "mailto:", "javascript:")):
                continue
            target, anchor = _target(built_site, page, link)
            if not target.exists():
                broken.append(f"{page.relative_to(built_site)}: {link} -> missing file")
            elif anchor and target.suffix == ".html" and anchor not in _parse(target).ids:
                broken.append(f"{page.relative_to(built_site)}: {link} -> no #{anchor}")
    assert not broken, "broken links:\n" + "\n".join(broken)


# What a browser loads from a page: these elements' src/href (a <link> unless its rel only
# names a relation), CSS url(), the search worker Material starts (__config), and
# importScripts/new Worker in the site's scripts.
LOADING_TAGS = {"link": "href", "script": "src", "img": "src", "iframe": "src", "source": "src"}
RELATIONS_ONLY = {"canonical", "alternate", "author", "license", "help", "next", "prev", "me"}
CSS_URL_RE = re.compile(r"""url\(\s*['"]?([^'")\s]+)""")
WORKER_RE = re.compile(r"""(?:importScripts|new\s+(?:Shared)?Worker)\(\s*['"]([^'"]+)""")


class _Loaded(HTMLParser):
    """The URLs an HTML page makes the browser load."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.urls: list[str] = []
        self._style = self._config = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        rels = set((attrs.get("rel") or "").lower().split())
        if tag in LOADING_TAGS and attrs.get(LOADING_TAGS[tag]):
            if not (tag == "link" and rels and rels <= RELATIONS_ONLY):
                self.urls.append(attrs[LOADING_TAGS[tag]])
        for srcset in (attrs.get("srcset") or "").split(","):
            if srcset.strip():
                self.urls.append(srcset.split()[0])
        if attrs.get("style"):
            self.urls += CSS_URL_RE.findall(attrs["style"])
        self._style = tag == "style"
        self._config = tag == "script" and attrs.get("id") == "__config"

    def handle_data(self, data):
        if self._style:
            self.urls += CSS_URL_RE.findall(data)
        elif self._config:
            import json

            search = json.loads(data).get("search")
            if search:
                self.urls.append(search)

    def handle_endtag(self, tag):
        self._style = self._config = False


def loaded_urls(html: str) -> list[str]:
    parser = _Loaded()
    parser.feed(html)
    return parser.urls


def other_hosts(site: Path) -> list[str]:
    """Every absolute URL to another host that the site's pages, stylesheets and scripts
    make a browser load (with or without an extension: unpkg's shim has none)."""
    found = []
    for file in sorted(site.rglob("*")):
        if file.suffix == ".html":
            urls = loaded_urls(file.read_text("utf-8", errors="replace"))
        elif file.suffix == ".css":
            urls = CSS_URL_RE.findall(file.read_text("utf-8", errors="replace"))
        elif file.suffix == ".js":
            urls = WORKER_RE.findall(file.read_text("utf-8", errors="replace"))
        else:
            continue
        for url in urls:
            if urlsplit(url).scheme in ("http", "https") or url.startswith("//"):
                found.append(f"{file.relative_to(site)}: {url}")
    return found


def test_the_loaded_url_check_finds_what_it_must():
    """The check itself: each way a page loads from another host is found."""
    page = """<html><head>
      <link rel="canonical" href="https://example.org/a/">
      <link rel="stylesheet" href="https://cdn.example/x.css">
      <script src="https://unpkg.com/iframe-worker/shim"></script>
      <script id="__config" type="application/json">{"search": "https://w.example/s.js"}</script>
      <style>@font-face { src: url("https://fonts.example/f") }</style>
    </head><body><img src="//img.example/p"><iframe src="https://frame.example/"></iframe>
      <div style="background: url(https://bg.example/b)"></div>
      <a href="https://example.org/read-me">a link to follow is not loaded</a>
    </body></html>"""
    assert loaded_urls(page) == [
        "https://cdn.example/x.css",
        "https://unpkg.com/iframe-worker/shim",
        "https://w.example/s.js",
        "https://fonts.example/f",
        "//img.example/p",
        "https://frame.example/",
        "https://bg.example/b",
    ]
    assert WORKER_RE.findall('importScripts("https://cdn.example/lunr.js")') == [
        "https://cdn.example/lunr.js"
    ]


@pytest.mark.parametrize("which", ["built_site", "offline_site"])
def test_no_page_loads_from_another_host(request, which):
    """Static check of every page, stylesheet and script, on the site and on the offline
    copy; the browser tests below check what really loads."""
    site = request.getfixturevalue(which)
    offenders = other_hosts(site)
    assert not offenders, f"{which} loads from other hosts:\n" + "\n".join(offenders)


def test_search_index_is_split_by_language(built_site):
    import json

    zh = json.loads((built_site / "search" / "search_index.json").read_text("utf-8"))
    en = json.loads((built_site / "en" / "search" / "search_index.json").read_text("utf-8"))
    assert zh["docs"] and en["docs"]
    assert not any(d["location"].startswith("en/") for d in zh["docs"])
    assert any("梯度" in d["text"] for d in zh["docs"])
    assert not any("梯度" in d["title"] for d in en["docs"])


# ---- the browser -------------------------------------------------------------------


@pytest.fixture
def page(browser, server):
    """A browser page that records every request to a host other than the site's."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.external_requests = []
    page.on(
        "request",
        lambda r: (
            page.external_requests.append(r.url)
            if not r.url.startswith((server, "data:", "blob:"))
            else None
        ),
    )
    yield page
    context.close()


PAGES = [
    ("zh", "", "PyTorch 基础"),
    ("zh", "autograd/", "自动求导"),
    ("en", "en/", "PyTorch Basics"),
    ("en", "en/autograd/", "Autograd"),
]


@pytest.mark.parametrize(("lang", "path", "heading"), PAGES)
def test_page_renders_with_styles_and_no_external_request(page, server, lang, path, heading):
    page.goto(f"{server}/{path}", wait_until="networkidle")
    assert page.locator("h1").first.inner_text().startswith(heading)
    assert page.locator("html").get_attribute("lang") == lang
    # Material's stylesheet is applied: the header is coloured, not a plain block.
    header_bg = page.locator(".md-header").evaluate("e => getComputedStyle(e).backgroundColor")
    assert header_bg not in ("rgba(0, 0, 0, 0)", "transparent")
    assert page.external_requests == [], page.external_requests
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    name = path.removeprefix("en/").strip("/").replace("/", "-") or "home"
    shot = SCREENSHOTS / f"{lang}-{name}.png"
    page.screenshot(path=str(shot), full_page=False)
    print(f"screenshot: {shot}")


@pytest.mark.parametrize("lang", ["zh", "en"])  # two tests: two workers can share them
def test_every_page_loads_without_external_requests(page, server, built_site, lang):
    pages = sorted(p.relative_to(built_site) for p in built_site.rglob("index.html"))
    pages = [rel for rel in pages if (rel.parts[0] == "en") == (lang == "en")]
    assert len(pages) > 20, pages
    for rel in pages:
        page.goto(f"{server}/{rel.parent.as_posix()}/", wait_until="load")
    assert page.external_requests == [], page.external_requests


def test_language_switch_keeps_page_and_anchor(page, server):
    page.goto(f"{server}/autograd/#retain-graph", wait_until="networkidle")
    page.locator(".md-header__option .md-select").first.hover()
    page.locator('a.md-select__link[hreflang="en"]').click()
    page.wait_for_url("**/en/autograd/**")
    assert page.url.endswith("/en/autograd/#retain-graph")
    assert page.locator("h1").first.inner_text().startswith("Autograd")


def test_code_blocks_have_copy_buttons_and_outputs_do_not(page, server):
    page.goto(f"{server}/autograd/", wait_until="networkidle")
    copy = '[data-md-type="copy"]'
    assert page.locator(f".highlight:not(.snippet-output) {copy}").count() >= 10
    assert page.locator(f".snippet-output {copy}").count() >= 10
    assert page.locator(f".snippet-output {copy}:visible").count() == 0


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_copy_button_and_raw_link_give_the_pages_language(browser, server, built_site, prefix):
    """A Chinese page's code block copies, and its title links to, the snippet with Chinese
    comments (<name>.zh.py, recorded_docs.comments); an English page's, the snippet itself."""
    from recorded_docs.comments import zh_source
    from recorded_docs.snippet import Snippet

    snippet = Snippet.at(ROOT, "snippets/autograd/scalar_backward.py")
    expected = snippet.source if prefix else zh_source(snippet)
    assert ("叶子节点" in expected) != bool(prefix)
    raw_name = "scalar_backward.py" if prefix else "scalar_backward.zh.py"
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    try:
        page.goto(f"{server}/{prefix}autograd/", wait_until="networkidle")
        block = page.locator(".highlight", has=page.locator(f'.filename a[href$="/{raw_name}"]'))
        assert block.count() == 1
        href = block.locator(".filename a").get_attribute("href")
        raw = page.evaluate("url => fetch(url).then(r => r.text())", href)
        assert raw == expected
        block.hover()
        block.locator('[data-md-type="copy"]').click()
        copied = page.evaluate("navigator.clipboard.readText()")
        assert copied.strip() == expected.strip()
    finally:
        context.close()


def search_for(page, term: str) -> list[str]:
    """Type a query into Material's search box; return the result pages, best first.

    Material lists a page and then its matching sections, each as an item: a page
    counts once, at its first item, as in tests/site/test_search.py's ranking.

    Playwright enters Chinese characters as inserted text, without the key events
    a real input method sends and Material listens to, so a key press follows.
    A query typed while the search worker is still building its index can be
    dropped, so it is typed again (up to three times) until results show.
    """
    box = page.locator(".md-search__input")
    for _ in range(3):
        box.click()
        box.fill("")
        page.keyboard.type(term)
        page.keyboard.press("End")
        try:
            page.wait_for_function(
                "() => document.querySelectorAll('.md-search-result__item').length > 0",
                timeout=5000,
            )
        except Exception:  # noqa: BLE001 - retried, then reported below
            continue
        # Results for a prefix of the query can show first on a loaded machine (the
        # worker answers each keystroke): read until two reads agree.
        paths, previous = None, []
        for _ in range(20):
            paths = page.locator(".md-search-result__item > a").evaluate_all(
                "els => els.map(e => new URL(e.href).pathname)"
            )
            if paths == previous:
                break
            previous = paths
            page.wait_for_timeout(250)
        return list(dict.fromkeys(paths))
    raise AssertionError(f"searching {term!r} on {page.url} showed no results")


SEARCHES = [
    ("autograd/", "梯度", "/autograd/"),
    ("autograd/", "反向传播", "/autograd/"),
    ("", "数据加载", "/data/"),
    ("", "优化器", "/loss-optim/"),
    ("", "state_dict", "/saving/"),
    ("autograd/", "backward", "/autograd/"),
    ("en/", "backward", "/en/autograd/"),
    ("en/", "state_dict", "/en/saving/"),
    # Inflected and stemmed words a reader types (issue #10: these found nothing).
    ("en/", "gradients", "/en/autograd/"),
    ("en/", "weights", "/en/pretrained/"),
    ("en/", "freeze", "/en/pretrained/"),
    ("en/", "shuffle", "/en/data/"),
    ("", "parameters", "/nn-module/"),
    ("", "冻结参数", "/pretrained/"),
]


@pytest.mark.parametrize("start", sorted({start for start, _, _ in SEARCHES}))
def test_search_finds_the_right_page_in_the_same_language(page, server, start):
    """Each query typed on the page it starts from (one page load for its queries: the
    ranking itself is measured on every word in tests/site/test_search.py)."""
    page.goto(f"{server}/{start}", wait_until="networkidle")
    problems = []
    for term, expected in [(term, expected) for s, term, expected in SEARCHES if s == start]:
        hrefs = search_for(page, term)
        if expected not in hrefs[:3]:
            problems.append(f"searching {term!r} from /{start}: {expected} not in {hrefs[:5]}")
        if not all(h.startswith("/en/") == start.startswith("en/") for h in hrefs):
            problems.append(f"searching {term!r} from /{start}: the other language's {hrefs}")
    assert not problems, "\n".join(problems)


NOTEBOOK_STYLES_RE = re.compile(r'<link rel="stylesheet" href="([^"]*assets/stylesheets/notebook\.[0-9a-f]+\.css)">')
INLINE_STYLE_RE = re.compile(r"<style[^>]*>(.*?)</style>", re.DOTALL)


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_notebook_pages_share_one_stylesheet_and_are_styled_by_it(page, server, built_site, prefix):
    """JupyterLab's theme, which mkdocs-jupyter writes into every notebook page (570 KB),
    is one file every notebook page links (recorded_docs.mkdocs.jupyter); it styles them."""
    pages = sorted((built_site / prefix / "notebooks").glob("*/index.html"))
    assert len(pages) > 10
    sheets = set()
    for path in pages:
        html = path.read_text("utf-8")
        rel = path.relative_to(built_site)
        largest = max((len(css) for css in INLINE_STYLE_RE.findall(html)), default=0)
        assert largest < 64 * 1024, f"{rel}: an inline stylesheet of {largest} characters"
        linked = NOTEBOOK_STYLES_RE.findall(html)
        assert len(linked) == 1, f"{rel}: links {linked}"
        sheets.add((path.parent / linked[0]).resolve())
    assert len(sheets) == 1 and next(iter(sheets)).is_file(), sheets
    page.goto(f"{server}/{prefix}notebooks/autograd/", wait_until="load")
    wrapper = page.locator(".jupyter-wrapper").first
    variable = "e => getComputedStyle(e).getPropertyValue('--jp-cell-padding')"
    assert wrapper.evaluate(variable).strip(), "JupyterLab's theme is not applied"
    assert page.external_requests == [], page.external_requests


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_notebook_pages_are_rendered_html_with_outputs(built_site, prefix):
    import json

    folder = built_site / prefix / "notebooks" / "autograd"
    html = (folder / "index.html").read_text("utf-8")
    assert 'class="jupyter-wrapper"' in html and "jp-OutputArea" in html
    assert "tensor(24.)" in html  # a recorded output, rendered
    assert 'id="retain-graph"' in html  # the page's anchors carry over
    notebook = json.loads((folder / "autograd.ipynb").read_text("utf-8"))  # the download
    assert notebook["nbformat"] == 4 and len(notebook["cells"]) > 10
    page = (built_site / prefix / "autograd" / "index.html").read_text("utf-8")
    assert 'href="../notebooks/autograd/autograd.ipynb"' in page


@pytest.mark.parametrize(
    ("start", "term", "expected"),
    [
        ("autograd.html", "梯度", "/autograd.html"),
        ("en/autograd.html", "backward", "/en/autograd.html"),
    ],
)
def test_offline_copy_works_from_disk(browser, offline_site, start, term, expected):
    """Opened as file://: styled, searchable in its language, nothing from other hosts."""
    page = browser.new_page()
    requests = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto((offline_site / start).as_uri(), wait_until="load")
    header_bg = page.locator(".md-header").evaluate("e => getComputedStyle(e).backgroundColor")
    assert header_bg not in ("rgba(0, 0, 0, 0)", "transparent")
    hrefs = search_for(page, term)
    assert any(h.endswith(expected) for h in hrefs[:3]), hrefs[:5]
    assert all(("/en/" in h) == start.startswith("en/") for h in hrefs), hrefs
    outside = [u for u in requests if not u.startswith(("file:", "data:", "blob:", "about:"))]
    assert outside == [], outside
    page.close()


# ---- recorded figures (recorded_docs.render.figures) --------------------------------

FIGURE_IMG_RE = re.compile(r'<figure class="snippet-figure[^"]*"><img src="([^"]+)" alt="([^"]*)"')


def _figures(built_site: Path, prefix: str) -> dict[str, list[tuple[str, str]]]:
    """Per page folder (language prefix removed): [(img src, alt)] of its recorded figures."""
    found = {}
    for page in sorted((built_site / prefix).rglob("index.html")):
        rel = page.relative_to(built_site / prefix).parent.as_posix()
        if (not prefix and rel.startswith("en")) or rel.startswith("notebooks"):
            continue
        if shown := FIGURE_IMG_RE.findall(page.read_text("utf-8")):
            found[rel] = shown
    return found


def test_recorded_figures_are_shown_in_both_languages_with_alt_text(built_site):
    from recorded_docs.pages import Site

    site = Site(ROOT)
    expected = {p.rel.with_suffix("").as_posix() for p in site.pages("zh") if p.figures()}
    zh, en = _figures(built_site, ""), _figures(built_site, "en/")
    assert zh.keys() == en.keys() == expected, "pages with figure lines show them as figures"
    for rel in zh:
        # the same recorded files (an English page is one folder deeper)
        assert [s.lstrip("./") for s, _ in zh[rel]] == [s.lstrip("./") for s, _ in en[rel]]
        for (src, zh_alt), (_, en_alt) in zip(zh[rel], en[rel], strict=True):
            assert src.endswith(".svg") and zh_alt and en_alt and zh_alt != en_alt, src
    for rel in zh:  # the notebooks carry them as image outputs
        notebook = (built_site / "notebooks" / rel / f"{rel}.ipynb").read_text("utf-8")
        assert notebook.count('"image/svg+xml"') == len(zh[rel]), rel


# An image's loaded width, its CSS filter, and whether it shows pictures (not inverted).
FIGURE_STATE = """img => img.decode().then(() => [
  img.naturalWidth,
  getComputedStyle(img).filter,
  img.parentElement.classList.contains('snippet-figure--pictures'),
])"""


def test_recorded_figures_load_in_both_themes(page, server, built_site):
    """Every page's figures load; the dark theme inverts plots, not pictures (imshow)."""
    for rel in _figures(built_site, ""):
        page.goto(f"{server}/{rel}/", wait_until="load")  # each image is decoded below
        for scheme in ("default", "slate"):
            page.evaluate(f"document.body.setAttribute('data-md-color-scheme', '{scheme}')")
            images = page.locator(".snippet-figure img")
            assert images.count() >= 1, rel
            for i in range(images.count()):
                image = images.nth(i)
                image.scroll_into_view_if_needed()  # they load lazily
                width, inverted, pictures = image.evaluate(FIGURE_STATE)
                assert width > 0, rel
                assert ("invert" in inverted) == (scheme == "slate" and not pictures), (
                    rel,
                    scheme,
                    inverted,
                )
                SCREENSHOTS.mkdir(parents=True, exist_ok=True)
                image.screenshot(path=str(SCREENSHOTS / f"figure-{rel}-{i + 1}-{scheme}.png"))
    assert page.external_requests == [], page.external_requests


# ---- the compat grid (recorded_docs.render.compat_lines) ----------------------------

CONTRAST = """cell => {
  const rgb = s => s.match(/[\\d.]+/g).slice(0, 3).map(Number);
  const lum = c => {
    const [r, g, b] = c.map(v => v / 255).map(v => v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const style = getComputedStyle(cell);
  const [a, b] = [lum(rgb(style.color)), lum(rgb(style.backgroundColor))];
  return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
}"""


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_compat_grid_fits_the_screen_and_its_marks_are_readable(page, server, prefix):
    """Each Python's grid, on a desktop and a phone, in the light and the dark theme:
    no grid wider than the screen, every kind of mark readable on its colour."""
    page.goto(f"{server}/{prefix}compat/", wait_until="load")
    labels = page.locator(".tabbed-labels label")
    assert labels.count() >= 2, "one grid per Python"
    problems = []
    for width in (1280, 375):
        page.set_viewport_size({"width": width, "height": 900})
        for scheme in ("default", "slate"):
            page.evaluate(f"document.body.setAttribute('data-md-color-scheme', '{scheme}')")
            for i in range(labels.count()):
                labels.nth(i).click()
                grid = page.locator(".tabbed-block").nth(i).locator(".compat-grid")
                where = (prefix, width, scheme, labels.nth(i).inner_text())
                if not grid.is_visible():
                    problems.append(f"{where}: grid not shown")
                    continue
                # Its box is the column's width whatever its tracks need: measure what
                # it holds.
                right = grid.evaluate(
                    "g => Math.max(...[...g.querySelectorAll('span')]"
                    ".map(e => e.getBoundingClientRect().right))"
                )
                if right > width:
                    problems.append(f"{where}: wider than the screen ({right} px)")
                for kind in ("same", "different", "warns", "fails"):
                    cells = grid.locator(f".compat-cell--{kind}")
                    if cells.count() and (ratio := cells.first.evaluate(CONTRAST)) < 3:
                        problems.append(f"{where}: {kind} marks' contrast {ratio:.2f} < 3")
            SCREENSHOTS.mkdir(parents=True, exist_ok=True)
            name = f"compat-{prefix.strip('/') or 'zh'}-{width}-{scheme}.png"
            page.screenshot(path=str(SCREENSHOTS / name))
    assert not problems, "\n".join(problems)
    assert page.external_requests == [], page.external_requests
