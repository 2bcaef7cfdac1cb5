"""American spelling, like PyTorch's own docs, in everything an English reader sees:
every English page, every snippet (its comments, its strings, the figures' texts it
draws), every recorded output the snippets' own strings produce, and the project's
English documents. No torch needed.

A word list, not a dictionary: each British form below (stems, so that inflections are
caught too) fails with the file, the line and the American form.
"""

from __future__ import annotations

import re

import pytest

from recorded_docs.pages import Site
from recorded_docs.snippet import all_snippets
from tests.helpers import ROOT

# British stem -> American stem. A stem matches at the start of a word and takes any
# ending: "initialis" catches initialise, initialised, initialising, initialisation.
BRITISH = {
    "initialis": "initializ",
    "normalis": "normaliz",
    "optimis": "optimiz",
    "serialis": "serializ",
    "deserialis": "deserializ",
    "visualis": "visualiz",
    "minimis": "minimiz",
    "maximis": "maximiz",
    "summaris": "summariz",
    "regularis": "regulariz",
    "standardis": "standardiz",
    "parallelis": "paralleliz",
    "vectoris": "vectoriz",
    "tokenis": "tokeniz",
    "customis": "customiz",
    "organis": "organiz",
    "recognis": "recogniz",
    "realis": "realiz",
    "specialis": "specializ",
    "generalis": "generaliz",
    "categoris": "categoriz",
    "synchronis": "synchroniz",
    "utilis": "utiliz",
    "finalis": "finaliz",
    "randomis": "randomiz",
    "discretis": "discretiz",
    "quantis": "quantiz",
    "characteris": "characteriz",
    "emphasise": "emphasize",
    "prioritis": "prioritiz",
    "materialis": "materializ",
    "memoris": "memoriz",
    "authoris": "authoriz",
    "analyse": "analyze",
    "analysed": "analyzed",
    "analysing": "analyzing",
    "colour": "color",
    "behaviour": "behavior",
    "favour": "favor",
    "neighbour": "neighbor",
    "honour": "honor",
    "flavour": "flavor",
    "labelled": "labeled",
    "labelling": "labeling",
    "modelled": "modeled",
    "modelling": "modeling",
    "travelled": "traveled",
    "cancelled": "canceled",
    "signalled": "signaled",
    "centre": "center",
    "metre": "meter",
    "fibre": "fiber",
    "grey": "gray",
    "catalogue": "catalog",
    "analogue": "analog",
    "programme": "program",
    "defence": "defense",
    "licence": "license",
    "artefact": "artifact",
    "whilst": "while",
    "learnt": "learned",
    "spelt": "spelled",
    "fulfil": "fulfill",
    "judgement": "judgment",
    "enquir": "inquir",
    "aluminium": "aluminum",
}
WORD_RE = re.compile(r"[A-Za-z]+")
# What may follow a stem: "-is" stems take the -ise family only (so "optimistic" and
# "realistic" pass), the others the usual inflections (so "fulfill" passes).
IS_ENDINGS = {"e", "es", "ed", "ing", "ation", "ations", "er", "ers", "able"}
ENDINGS = {"", "s", "es", "ed", "ing", "ings", "ful", "less", "ment", "ments", "ly", "ist", "ists"}


def british_words(text: str) -> list[tuple[int, str, str]]:
    """(line, word, American form) for each British spelling in ``text``."""
    found = []
    for number, line in enumerate(text.splitlines(), start=1):
        for word in WORD_RE.findall(line):
            lower = word.lower()
            for stem, american in BRITISH.items():
                rest = lower[len(stem) :]
                endings = IS_ENDINGS if stem.endswith("is") else ENDINGS
                if lower.startswith(stem) and rest in endings:
                    found.append((number, word, american + rest))
                    break
    return found


def english_texts() -> dict[str, str]:
    """Every text an English reader sees: path -> text."""
    site = Site(ROOT)
    texts = {str(page.where): page.text for page in site.pages("en")}
    for snippet in all_snippets(ROOT):
        texts[str(snippet)] = snippet.source
        output = snippet.recorded_output()
        if output is not None:
            texts[str(snippet.output_file())] = output
    for name in ("README.md", "CONTRIBUTING.md", "mkdocs.yml"):
        if (ROOT / name).exists():
            texts[name] = (ROOT / name).read_text("utf-8")
    return texts


def test_english_is_spelled_the_american_way():
    problems = [
        f"{path}:{line}: {word} -> {american}"
        for path, text in english_texts().items()
        for line, word, american in british_words(text)
    ]
    assert not problems, "British spellings (use American, like PyTorch's docs):\n" + "\n".join(
        problems
    )


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Initialise the weights.", [(1, "Initialise", "initialize")]),
        ("ok\nthe colour map, labelled", [(2, "colour", "color"), (2, "labelled", "labeled")]),
        (
            "normalisation and behaviours",
            [(1, "normalisation", "normalization"), (1, "behaviours", "behaviors")],
        ),
        ("initialize the color, labeled; raise, precise, otherwise, wise", []),
        ("optimistic, realistic, fulfill, colorful, analyst", []),
    ],
)
def test_the_word_list_catches_inflections_and_spares_american_words(text, found):
    assert british_words(text) == found
