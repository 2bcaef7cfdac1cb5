"""Repository lint: the site's structure rules across pages, snippets and recordings.

* every page has its translation, and each pair shows the same snippets, heading
  anchors, admonitions and figures in the same order;
* every snippet is shown by some page, and its pages' blocks follow the per-block
  rules (:mod:`recorded_docs.rules`);
* every recorded file belongs to an existing snippet; CUDA recordings only for device
  snippets, each with its manifest entry; no manifest entry without its snippet;
* every shown snippet's output is recorded, and its recorded figures are shown (and
  only those).

Each break is one sentence naming the file (and line). Nothing here imports torch.
"""

from __future__ import annotations

from recorded_docs import manifest
from recorded_docs.pages import Example, Site
from recorded_docs.scan import FIGURE_PREFIX
from recorded_docs.snippet import FIGURE_RE, OUTPUT_SUFFIX, Snippet, all_snippets, owner


def structure_problems(site: Site) -> list[str]:
    """Every break of the site's structure rules, one sentence each."""
    layout = site.layout
    problems = list(site.block_problems())
    problems += translation_problems(site)
    shown = {ex.name for ex in site.examples()}
    for snippet in all_snippets(layout.root, layout.snippets_dir):
        if snippet.name not in shown:
            problems.append(f"{snippet} is not included by any page")
    problems += recording_problems(site)
    for ex in site.examples():
        if ex.expected is not None and not (layout.root / ex.snippet.output_file()).exists():
            problems.append(f"{ex.snippet.output_file()} is missing (shown on {ex.pages()})")
        problems += figure_problems(ex)
    return problems


def translation_problems(site: Site) -> list[str]:
    """Pages without their translation; pairs that differ in what they show."""
    problems = []
    docs = site.layout.docs_dir
    first, *others = site.layout.languages
    for other in others:
        a_pages = set(site.layout.page_files(first))
        b_pages = set(site.layout.page_files(other))
        for missing_lang, present_lang, present, missing in (
            (other, first, a_pages, b_pages),
            (first, other, b_pages, a_pages),
        ):
            for page in sorted(present - missing):
                problems.append(
                    f"{docs}/{present_lang}/{page.as_posix()} has no translation: "
                    f"{docs}/{missing_lang}/{page.as_posix()} is missing"
                )
        for rel in sorted(a_pages & b_pages):
            a, b = site.page(first, rel), site.page(other, rel)
            for what, read in (
                ("snippets", lambda p: p.includes()),
                ("heading anchors", lambda p: p.anchors()),
                ("admonitions", lambda p: p.admonitions()),
                ("figures", lambda p: p.figures()),
            ):
                x, y = read(a), read(b)
                if x != y:
                    problems.append(
                        f"{a.where} and {b.where} have different {what} (or in another "
                        f"order):\n  {first}: {x}\n  {other}: {y}"
                    )
    return problems


def recording_problems(site: Site) -> list[str]:
    """Recorded files and manifest entries that belong to no snippet, CUDA recordings."""
    layout = site.layout
    root = layout.root
    problems = []
    recordings = manifest.load(root)
    base = root / layout.snippets_dir
    for output in sorted(base.rglob(f"*{OUTPUT_SUFFIX}")):
        rel = layout.rel(output)
        snippet = owner(root, rel, layout.snippets_dir)
        if snippet is None or not snippet.file.exists():
            script = output.name.split(".")[0] + ".py"
            problems.append(f"{rel} has no snippet {script}")
        elif rel == snippet.output_file("cuda"):
            if not snippet.uses_device:
                problems.append(
                    f"{rel}: {snippet.file.name} does not use a device, so it "
                    "needs no CUDA recording"
                )
            elif "cuda" not in recordings.get(snippet.name, {}):
                problems.append(
                    f"{rel} has no 'cuda' entry for {snippet.name} in "
                    f"{manifest.MANIFEST.as_posix()} (record it with: nox -s record -- --device cuda)"
                )
    for name, devices in sorted(recordings.items()):
        snippet = Snippet.at(root, f"{layout.snippets_dir}/{name}", layout.snippets_dir)
        if not snippet.file.exists():
            problems.append(
                f"{manifest.MANIFEST.as_posix()} has an entry for {name}, which no longer "
                "exists: remove the entry"
            )
            continue
        cuda_file = snippet.output_file("cuda")
        if "cuda" in devices and not (root / cuda_file).exists():
            problems.append(
                f"{manifest.MANIFEST.as_posix()} lists a CUDA recording of {name}, "
                f"but {cuda_file} is missing"
            )
    for path in sorted(base.rglob("*.fig*.*")):
        m = FIGURE_RE.search(path.name)
        if m and not path.with_name(path.name[: m.start()] + ".py").exists():
            problems.append(f"{layout.rel(path)} has no snippet {path.name[: m.start()]}.py")
    return problems


def figure_problems(ex: Example) -> list[str]:
    """Every recorded figure is shown (both files there); no page shows one that is not."""
    problems = []
    snippet = ex.snippet
    recorded = snippet.recorded_figures()
    shown = len(ex.figures)
    for number in recorded:
        svg, data = snippet.figure_files(number)
        for path in (svg, data):
            if not (snippet.root / path).exists():
                problems.append(
                    f"{path} is missing (figure {number} of {snippet}): record it with "
                    f"nox -s record -- -k {snippet.stem}"
                )
        if number > shown:
            problems.append(
                f"{svg} is recorded but not shown: after the code (and output) block of "
                f"{snippet} on {ex.pages()}, add a line "
                f"![alt text]({FIGURE_PREFIX}{svg.as_posix()})"
            )
    for number in range(1, shown + 1):
        if number not in recorded:
            problems.append(
                f"{ex.pages()}: shows {ex.figures[number - 1]}, which is not recorded "
                f"(nox -s record -- -k {snippet.stem} records what the snippet draws)"
            )
    return problems
