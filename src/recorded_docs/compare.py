"""Compare a snippet's recorded output with a fresh run.

Text must match exactly, indentation and line structure included, except the
padding right next to a number: torch pads numbers to align columns, so a sign flip
near zero or a wider number moves spaces (``[ 0.1,  2.0]`` / ``[-0.1, 12.0]``).
Whitespace that touches no number (``  (fc): Linear``) is text. Numbers must match
within a tolerance, so a reader's different CPU passes while a real change fails:

* integers (``64``, ``100``) must be equal;
* other numbers (``0.8839``, ``1e-06``, ``2.``) may differ by ``RTOL`` relative or
  ``ATOL`` absolute, whichever is larger.

Digits inside names (``conv1``, ``resnet18``) are text, not numbers.
"""

from __future__ import annotations

import difflib
import math
import re
from dataclasses import dataclass

RTOL = 1e-4
ATOL = 1e-6
TOLERANCE = f"rtol={RTOL:g}, atol={ATOL:g}"

NUMBER_RE = re.compile(
    r"(?<![\w.])[-+]?(?:\d+\.\d*|\.\d+|\d+)(?:[eE][-+]?\d+)?(?![\w])|(?<![\w.])[-+]?(?:nan|inf)\b"
)


@dataclass
class Mismatch:
    line: int  # 0-based output line where the first difference is
    reason: str


def _split(line: str) -> tuple[list[str], list[str]]:
    texts, numbers, pos = [], [], 0
    for m in NUMBER_RE.finditer(line):
        texts.append(line[pos : m.start()])
        numbers.append(m.group())
        pos = m.end()
    texts.append(line[pos:])
    return texts, numbers


def _same_text(a: str, b: str, after_number: bool, before_number: bool) -> bool:
    """Two pieces of text between numbers: equal but for the padding next to a number."""
    if after_number:
        a, b = a.lstrip(" "), b.lstrip(" ")
    if before_number:
        a, b = a.rstrip(" "), b.rstrip(" ")
    return a == b


def _is_int(token: str) -> bool:
    return re.fullmatch(r"[-+]?\d+", token) is not None


def _same_number(a: str, b: str) -> bool:
    if _is_int(a) and _is_int(b):
        return int(a) == int(b)
    x, y = float(a), float(b)
    if math.isnan(x) or math.isnan(y):
        return math.isnan(x) and math.isnan(y)
    return math.isclose(x, y, rel_tol=RTOL, abs_tol=ATOL)


def normalize(text: str) -> list[str]:
    """Lines without trailing whitespace; trailing blank lines dropped."""
    return [line.rstrip() for line in text.rstrip().splitlines()] if text.strip() else []


def compare(expected: str, actual: str) -> Mismatch | None:
    """The first difference between two outputs, or None when they agree."""
    want, got = normalize(expected), normalize(actual)
    for i, (a, b) in enumerate(zip(want, got, strict=False)):
        (ta, na), (tb, nb) = _split(a), _split(b)
        if len(na) != len(nb) or not all(
            _same_text(x, y, after_number=k > 0, before_number=k < len(na))
            for k, (x, y) in enumerate(zip(ta, tb, strict=True))
        ):
            return Mismatch(i, "text differs")
        for x, y in zip(na, nb, strict=True):
            if not _same_number(x, y):
                return Mismatch(i, f"number {x} became {y}, beyond {TOLERANCE}")
    if len(want) != len(got):
        i = min(len(want), len(got))
        return Mismatch(i, f"{len(want)} lines recorded, {len(got)} lines now")
    return None


def diff(expected: str, actual: str, label: str) -> str:
    """A unified diff, recorded → now."""
    return "".join(
        difflib.unified_diff(
            [line + "\n" for line in normalize(expected)],
            [line + "\n" for line in normalize(actual)],
            fromfile=f"{label} (recorded)",
            tofile=f"{label} (this run)",
        )
    )
