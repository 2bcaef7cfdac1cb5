// Both languages share heading anchors (## 标题 { #anchor }), so switching language
// can keep the reader on the same section: go to the other language's page with the
// current #anchor. Runs in the capture phase, before Material's own handler, which
// looks pages up in a sitemap and drops the anchor.
document.addEventListener(
  "click",
  function (event) {
    var link = event.target.closest("a.md-select__link[hreflang]");
    if (!link || event.metaKey || event.ctrlKey || link.target) {
      return;
    }
    event.preventDefault();
    event.stopPropagation();
    var url = new URL(link.getAttribute("href"), window.location.href);
    url.hash = window.location.hash;
    window.location.assign(url.href);
  },
  true
);
