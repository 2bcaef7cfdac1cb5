"""Recorded figures: what a snippet drew with matplotlib, kept as an image and as data.

A snippet draws as a reader would and ends with ``plt.show()``. In the snippet's
process the runner selects this project's backend (:mod:`recorded_docs.mpl_backend`, Agg
underneath): ``plt.show()`` hands it the open figures instead of opening a window,
and figures still open when the snippet ends are collected too. Each figure N
(1-based, in the order they were shown) becomes two files beside the snippet:

* ``<name>.fig<N>.svg``: the image the pages show (transparent background, text as
  paths, no date, a fixed id salt: recording twice gives the same bytes);
* ``<name>.fig<N>.json``: the data behind it, which is what verification compares:
  per axes its title, axis labels and scales, legend texts, lines (label, x, y),
  collections (scatter points' offsets), bars and patches, images shown with imshow
  (their arrays; a large one, such as a photo, as the means of 24 x 24 blocks) and
  text artists; the figure's suptitle.

Verification never decodes or compares pixels: a changed curve fails, naming the
figure, the axes, the artist and the first differing point; a new matplotlib that
draws the same data differently (antialiasing, fonts) passes. Numbers are compared
with the text outputs' tolerance (:mod:`recorded_docs.compare`); text exactly.

:func:`figure_record` needs matplotlib (it runs in the snippet's process); the rest
(comparison) needs neither matplotlib nor torch. Which files a figure has:
:meth:`recorded_docs.snippet.Snippet.figure_files`.
"""

from __future__ import annotations

import io
import json
import math

from recorded_docs.compare import ATOL, RTOL, TOLERANCE

# Digits kept per number in the .json (far finer than the comparison's tolerance).
DIGITS = 7
# Images with more values than this are kept as block means (BLOCKS x BLOCKS at most).
MAX_IMAGE_VALUES = 4096
BLOCKS = 24
SVG_RC = {
    "svg.hashsalt": "snippet-figure",  # stable ids (clip paths, ...) between recordings
    "svg.fonttype": "path",  # text as outlines: no font needed where the page is read
}


# ---- in the snippet's process (matplotlib imported) ---------------------------------


def _num(value) -> float | int | None:
    value = float(value)
    if math.isnan(value):
        return None  # JSON has no NaN; matplotlib draws a gap there
    if math.isinf(value):
        return value  # json writes Infinity, which json reads back
    rounded = float(f"{value:.{DIGITS}g}")
    return int(rounded) if rounded.is_integer() and abs(rounded) < 2**53 else rounded


def _nums(values) -> list:
    import numpy as np

    array = np.ma.filled(np.ma.asarray(values, dtype=float), np.nan)
    if array.ndim == 0:
        return [_num(array)]
    if array.ndim == 1:
        return [_num(v) for v in array]
    return [_nums(row) for row in array]


def _label(artist) -> str:
    label = artist.get_label() or ""
    return "" if label.startswith("_") else str(label)  # _child0, _nolegend_: unnamed


def _cmap(cmap) -> str | list[str]:
    """A registered colormap by its name; one made in the snippet by its colors (its
    default name, 'unnamed' or 'from_list', changes with Matplotlib's release)."""
    import matplotlib
    from matplotlib.colors import ListedColormap, to_hex

    if cmap.name in matplotlib.colormaps:
        return cmap.name
    if isinstance(cmap, ListedColormap):
        return [to_hex(color, keep_alpha=True) for color in cmap.colors]
    return [to_hex(cmap(i / 7), keep_alpha=True) for i in range(8)]


def _image_data(image) -> dict:
    """An imshow image: its array, or for a large one (a photo) the means of at most
    BLOCKS x BLOCKS blocks (per channel): a changed image still fails, the file stays small."""
    import numpy as np

    array = np.ma.filled(np.ma.asarray(image.get_array(), dtype=float), np.nan)
    item = {
        "shape": list(array.shape),
        "cmap": _cmap(image.get_cmap()) if array.ndim == 2 else "",
        "clim": _nums(image.get_clim()),
    }
    if array.size <= MAX_IMAGE_VALUES:
        item["array"] = _nums(array)
        return item
    height, width = array.shape[:2]
    bh, bw = -(-height // BLOCKS), -(-width // BLOCKS)
    means = [
        [array[i : i + bh, j : j + bw].mean(axis=(0, 1)) for j in range(0, width, bw)]
        for i in range(0, height, bh)
    ]
    item["block"] = [bh, bw]
    item["block_means"] = _nums(np.array(means))
    return item


def axes_data(ax) -> dict:
    from matplotlib.collections import Collection
    from matplotlib.patches import Rectangle

    data: dict = {
        "title": ax.get_title(),
        "xlabel": ax.get_xlabel(),
        "ylabel": ax.get_ylabel(),
        "xscale": ax.get_xscale(),
        "yscale": ax.get_yscale(),
    }
    for side in ("left", "right"):
        if ax.get_title(side):
            data[f"title_{side}"] = ax.get_title(side)
    legend = ax.get_legend()
    data["legend"] = [t.get_text() for t in legend.get_texts()] if legend else []
    data["lines"] = [
        {"label": _label(line), "x": _nums(line.get_xdata()), "y": _nums(line.get_ydata())}
        for line in ax.get_lines()
    ]
    collections = []
    for coll in ax.collections:
        if not isinstance(coll, Collection):
            continue
        item = {"kind": type(coll).__name__, "label": _label(coll)}
        offsets = coll.get_offsets()
        if len(offsets):
            item["offsets"] = _nums(offsets)
        if type(coll).__name__ in ("PolyCollection", "FillBetweenPolyCollection"):
            item["paths"] = [_nums(path.vertices) for path in coll.get_paths()]
        collections.append(item)
    data["collections"] = collections
    data["patches"] = [
        {
            "label": _label(p),
            "xywh": _nums([p.get_x(), p.get_y(), p.get_width(), p.get_height()]),
        }
        for p in ax.patches
        if isinstance(p, Rectangle)
    ]
    data["images"] = [_image_data(image) for image in ax.get_images()]
    data["texts"] = [
        {"text": t.get_text(), "xy": _nums(t.get_position())} for t in ax.texts if t.get_text()
    ]
    return data


def figure_data(fig) -> dict:
    suptitle = fig._suptitle.get_text() if getattr(fig, "_suptitle", None) else ""
    axes = [ax for ax in fig.get_axes() if ax.get_label() != "<colorbar>"]
    return {"suptitle": suptitle, "axes": [axes_data(ax) for ax in axes]}


def figure_svg(fig) -> bytes:
    import matplotlib as mpl

    buffer = io.BytesIO()
    with mpl.rc_context(SVG_RC):
        fig.savefig(buffer, format="svg", metadata={"Date": None}, transparent=True)
    return buffer.getvalue()


def figure_record(fig) -> dict:
    """{'data': ..., 'svg': bytes} of one figure: what the run sends to the test."""
    return {"data": figure_data(fig), "svg": figure_svg(fig)}


# ---- comparing (no matplotlib) ---------------------------------------------------------


def dumps(data: dict) -> str:
    """The .json text: one key per line, a row of numbers per line (reviewable diffs)."""
    return _dump(data, "") + "\n"


def _numeric(value) -> bool:
    if isinstance(value, list):
        return all(_numeric(v) for v in value)
    return value is None or (isinstance(value, int | float) and not isinstance(value, bool))


def _dump(value, indent: str) -> str:
    inner = indent + " "
    if isinstance(value, dict) and value:
        items = [f"{inner}{json.dumps(k)}: {_dump(v, inner)}" for k, v in value.items()]
        return "{\n" + ",\n".join(items) + "\n" + indent + "}"
    if isinstance(value, list) and value and all(_numeric(v) for v in value):
        rows = [json.dumps(v, separators=(",", ":")) for v in value]
        if any(isinstance(v, list) for v in value):  # an array: one row per line
            return "[\n" + ",\n".join(inner + row for row in rows) + "\n" + indent + "]"
        return "[" + ",".join(rows) + "]"
    if isinstance(value, list) and any(isinstance(v, dict | list) for v in value):
        return "[\n" + ",\n".join(inner + _dump(v, inner) for v in value) + "\n" + indent + "]"
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _close(a, b) -> bool:
    if a is None or b is None:
        return a is None and b is None
    if isinstance(a, bool | str) or isinstance(b, bool | str):  # a colormap's colors: text
        return a == b
    return math.isclose(float(a), float(b), rel_tol=RTOL, abs_tol=ATOL)


def _first(a: list, b: list) -> int | None:
    """The first index where two (nested) lists of numbers differ, or None."""
    for i, (x, y) in enumerate(zip(a, b, strict=False)):
        if isinstance(x, list) or isinstance(y, list):
            if not (isinstance(x, list) and isinstance(y, list)) or _differs(x, y):
                return i
        elif not _close(x, y):
            return i
    return None if len(a) == len(b) else min(len(a), len(b))


def _differs(a, b) -> bool:
    if isinstance(a, list) and isinstance(b, list):
        return _first(a, b) is not None
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() != b.keys() or any(_differs(a[k], b[k]) for k in a)
    if isinstance(a, str) or isinstance(b, str):
        return a != b
    return not _close(a, b)


def _name(kind: str, index: int, item: dict) -> str:
    label = item.get("label") or item.get("text") or ""
    what = f"{kind} {index + 1}" + (f" ({item['kind']})" if "kind" in item else "")
    return f"{what} {label!r}" if label else what


def _point(values: list, i: int) -> str:
    return repr(values[i]) if i < len(values) else "(none)"


def _artist_difference(kind: str, want: dict, got: dict) -> str | None:
    """How one artist changed, first differing point included; None if it did not."""
    for key in [*want, *(k for k in got if k not in want)]:
        a, b = want.get(key), got.get(key)
        if not _differs(a, b):
            continue
        if isinstance(a, list) and isinstance(b, list):
            if kind == "line" and key in ("x", "y"):
                xa, ya, xb, yb = want["x"], want["y"], got["x"], got["y"]
                i = min(v for v in (_first(xa, xb), _first(ya, yb)) if v is not None)
                if len(xa) != len(xb) and i == min(len(xa), len(xb)):
                    return f"{len(xa)} points recorded, {len(xb)} now"
                return (
                    f"first differing point: index {i}, recorded (x, y) = "
                    f"({_point(xa, i)}, {_point(ya, i)}), now ({_point(xb, i)}, {_point(yb, i)})"
                )
            i = _first(a, b)
            where = [i]
            inner_a, inner_b = a, b
            while (
                i is not None
                and i < min(len(inner_a), len(inner_b))
                and isinstance(inner_a[i], list)
                and isinstance(inner_b[i], list)
                and (j := _first(inner_a[i], inner_b[i])) is not None
            ):
                inner_a, inner_b, i = inner_a[i], inner_b[i], j
                where.append(j)
            if i is not None and (i >= len(inner_a) or i >= len(inner_b)):
                return f"{key}: {len(inner_a)} values recorded, {len(inner_b)} now (at {where})"
            return (
                f"{key}: first differing point {where}: recorded {_point(inner_a, i)}, "
                f"now {_point(inner_b, i)}"
            )
        return f"{key}: recorded {a!r}, now {b!r}"
    return None


ARTISTS = (("lines", "line"), ("collections", "collection"), ("patches", "patch"))
ARTISTS += (("images", "image"), ("texts", "text"))


def compare_figure(want: dict, got: dict) -> str | None:
    """The first difference between a recorded figure's data and this run's, or None.

    Says which axes (by number and title) and which artist (line 2 'train', image 1,
    ...) changed, and the first differing point of it.
    """
    if want.get("suptitle") != got.get("suptitle"):
        return f"suptitle: recorded {want.get('suptitle')!r}, now {got.get('suptitle')!r}"
    axes_a, axes_b = want.get("axes", []), got.get("axes", [])
    if len(axes_a) != len(axes_b):
        return f"{len(axes_a)} axes recorded, {len(axes_b)} now"
    for n, (a, b) in enumerate(zip(axes_a, axes_b, strict=True), start=1):
        where = f"axes {n}" + (f" ({a['title']!r})" if a.get("title") else "")
        for key in ("title", "title_left", "title_right", "xlabel", "ylabel", "xscale", "yscale"):
            if a.get(key) != b.get(key):
                return f"{where}: {key}: recorded {a.get(key)!r}, now {b.get(key)!r}"
        if a.get("legend") != b.get("legend"):
            return f"{where}: legend: recorded {a.get('legend')}, now {b.get('legend')}"
        for key, kind in ARTISTS:
            items_a, items_b = a.get(key, []), b.get(key, [])
            for i, (x, y) in enumerate(zip(items_a, items_b, strict=False)):
                change = _artist_difference(kind, x, y)
                if change:
                    return f"{where}, {_name(kind, i, x)}: {change}"
            if len(items_a) != len(items_b):
                return f"{where}: {len(items_a)} {key} recorded, {len(items_b)} now"
    return None


def describe_tolerance() -> str:
    return f"numbers within {TOLERANCE}, text exactly; pixels are not compared"
