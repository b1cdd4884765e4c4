"""Reading a student's matplotlib chart with plain Axes introspection (no plotchecker).

Everything is taken from the objects the student's code returned — an Axes, a
Figure, or an array of Axes — and from ``figure.axes`` for twin axes, never from
``plt.gca()`` (the inline backend has closed the figure by the time tests run).
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

import numpy as np
from matplotlib.axes import Axes
from matplotlib.container import BarContainer
from matplotlib.figure import Figure, SubFigure
from matplotlib.lines import Line2D
from matplotlib.patches import Rectangle
from matplotlib.ticker import PercentFormatter

from .verdict import Mistake

_TOKEN_SPLIT = re.compile(r"[\s,，、;；:：/|()\[\]（）【】\-–—]+")


@dataclass
class Bars:
    """The bars of one Axes, in left-to-right order."""

    axes: Axes
    x: np.ndarray
    heights: np.ndarray


@dataclass
class Curve:
    """A data line of one Axes, in left-to-right order."""

    axes: Axes
    x: np.ndarray
    y: np.ndarray


def figure_of(answer) -> tuple[Figure, Axes | None]:
    """The figure of the student's Axes / Figure / array of Axes, and the Axes if one was given."""
    if answer is None:
        raise Mistake("checks.chart_not_returned")
    if isinstance(answer, Axes):
        return _root(answer.figure), answer
    if isinstance(answer, (Figure, SubFigure)):
        return _root(answer), None
    if isinstance(answer, (list, tuple, np.ndarray)):
        flat = [a for a in np.asarray(answer, dtype=object).ravel() if isinstance(a, Axes)]
        if flat:
            return _root(flat[0].figure), flat[0]
    if isinstance(answer, BarContainer) and answer.patches and answer.patches[0].axes:
        ax = answer.patches[0].axes
        return _root(ax.figure), ax
    raise Mistake("checks.not_a_chart", got=type(answer).__name__)


def _root(fig) -> Figure:
    while isinstance(fig, SubFigure):
        fig = fig.figure if fig.figure is not fig else fig._parent
    return fig


def data_axes(fig: Figure) -> list[Axes]:
    return [ax for ax in fig.axes if ax.get_visible()]


def find_bars(fig: Figure) -> Bars | None:
    """The Axes with the most bars, and its bars sorted by x (vertical bars)."""
    best = None
    for ax in data_axes(fig):
        rects = [p for c in ax.containers if isinstance(c, BarContainer) for p in c.patches]
        if not rects:
            rects = [p for p in ax.patches if isinstance(p, Rectangle)]
        rects = [r for r in rects if r.get_visible()]
        if not rects or (best is not None and len(rects) <= len(best.x)):
            continue
        x = np.array([r.get_x() + r.get_width() / 2 for r in rects], dtype=np.float64)
        heights = np.array([r.get_height() for r in rects], dtype=np.float64)
        order = np.argsort(x, kind="stable")
        best = Bars(ax, x[order], heights[order])
    return best


def find_curves(fig: Figure, n: int) -> list[Curve]:
    """Data lines with one point per customer (or n + 1 starting from 0), left to right."""
    curves = []
    for ax in data_axes(fig):
        for line in ax.get_lines():
            if not isinstance(line, Line2D) or not line.get_visible() or _is_reference(line, ax):
                continue
            xy = np.asarray(line.get_xydata(), dtype=np.float64)
            if xy.ndim != 2 or len(xy) not in (n, n + 1) or not np.isfinite(xy).all():
                continue
            order = np.argsort(xy[:, 0], kind="stable")
            x, y = xy[order, 0], xy[order, 1]
            if len(x) == n + 1:
                if abs(y[0]) > 1e-9:
                    continue
                x, y = x[1:], y[1:]
            curves.append(Curve(ax, x, y))
    return curves


def any_lines(fig: Figure) -> bool:
    return any(not _is_reference(line, ax) for ax in data_axes(fig) for line in ax.get_lines())


def _is_reference(line: Line2D, ax: Axes) -> bool:
    """axhline / axvline and the like: drawn in axes coordinates, not data."""
    return line.get_transform() != ax.transData


def reads_as_percent_of_one(ax: Axes) -> bool:
    """The y axis shows fractions as percentages (PercentFormatter(xmax=1))."""
    formatter = ax.yaxis.get_major_formatter()
    return isinstance(formatter, PercentFormatter) and abs(formatter.xmax - 1) < 1e-9


def title_of(fig: Figure) -> str:
    titles = [ax.get_title(loc) for ax in data_axes(fig) for loc in ("center", "left", "right")]
    suptitle = fig.get_suptitle() if hasattr(fig, "get_suptitle") else ""
    return " ".join(t for t in titles + [suptitle] if t and t.strip())


def xlabel_of(fig: Figure) -> str:
    labels = [ax.get_xlabel() for ax in data_axes(fig)]
    sup = fig.get_supxlabel() if hasattr(fig, "get_supxlabel") else ""
    return " ".join(t for t in labels + [sup] if t and t.strip())


def tick_labels(ax: Axes) -> list[tuple[float, str]]:
    """(position, text) of the non-empty x tick labels, left to right."""
    out = []
    for pos, label in zip(ax.get_xticks(), ax.get_xticklabels()):
        text = label.get_text()
        if text and text.strip():
            out.append((float(pos), text))
    return sorted(out)


def texts_on(fig: Figure) -> list[str]:
    """Every text a reader sees on the axes: x tick labels, ax.text / annotate."""
    out = []
    for ax in data_axes(fig):
        out += [text for _, text in tick_labels(ax)]
        out += [t.get_text() for t in ax.texts if t.get_visible() and t.get_text().strip()]
    return out


def tokens(text: str) -> list[str]:
    """Words of a label: "4\\nA" → ["4", "A"]; "A类" stays one token (see label_text)."""
    text = unicodedata.normalize("NFKC", text)
    return [tok for tok in _TOKEN_SPLIT.split(text) if tok]
