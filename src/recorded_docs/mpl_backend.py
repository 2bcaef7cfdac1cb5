"""The matplotlib backend snippets run with (``MPLBACKEND=module://recorded_docs.mpl_backend``).

Agg draws; ``plt.show()`` opens no window and blocks nothing: it records the open
figures (:func:`recorded_docs.figures.figure_record`) in the order a reader would see them,
then closes them, as a reader closing the windows would. The snippet runner sends
:data:`SHOWN`, plus any figure still open at the end, back with the run.
"""

from __future__ import annotations

from matplotlib.backends.backend_agg import FigureCanvasAgg

from recorded_docs.figures import figure_record

FigureCanvas = FigureCanvasAgg
SHOWN: list[dict] = []


def collect() -> None:
    """Record every open figure, in number order, and close it."""
    import matplotlib.pyplot as plt

    for number in plt.get_fignums():
        SHOWN.append(figure_record(plt.figure(number)))
        plt.close(number)


def show(*args, **kwargs) -> None:
    collect()
