"""Reading a student's chart from its description (no live matplotlib objects).

The grader gets a :class:`~logicrm_edu.grading.chart_description.ChartDescription`
from the student's kernel; a live Axes / Figure / array of Axes (tests, the
self-check) is described the same way first, through
:func:`~logicrm_edu.grading.answers.roundtrip`, so there is one way of reading
a chart.  The description covers the whole figure — twin axes included — never
``plt.gca()`` (the inline backend has closed the figure by the time tests run).
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

import numpy as np

from ..grading.answers import roundtrip
from ..grading.chart_description import AxesDescription, ChartDescription, TextDescription
from .answer_kind import refuse_unread, type_name
from .verdict import Mistake

_TOKEN_SPLIT = re.compile(r"[\s,，、;；:：/|()\[\]（）【】\-–—]+")


@dataclass
class Bars:
    """The bars of one Axes, in left-to-right order."""

    axes: AxesDescription
    x: np.ndarray
    heights: np.ndarray
    colors: tuple[str | None, ...]
    """face colour of each bar ("#rrggbb")"""


@dataclass
class Curve:
    """A data line of one Axes, in left-to-right order."""

    axes: AxesDescription
    x: np.ndarray
    y: np.ndarray


def chart_of(answer) -> ChartDescription:
    """The description of the student's chart, or the mistake of handing in something else."""
    if answer is None:
        raise Mistake("checks.chart_not_returned")
    answer = roundtrip(answer)
    if isinstance(answer, ChartDescription):
        return answer
    refuse_unread(answer)
    raise Mistake("checks.not_a_chart", got=type_name(answer))


def data_axes(chart: ChartDescription) -> list[AxesDescription]:
    """The figure's own visible Axes (twins included; secondary axes and insets not)."""
    return [ax for ax in chart.axes if ax.role == "axes"]


def find_bars(chart: ChartDescription) -> Bars | None:
    """The Axes with the most bars, and its bars sorted by x (vertical bars)."""
    best = None
    for ax in data_axes(chart):
        rects = [b for b in ax.bars if b.container is not None] or list(ax.bars)
        rects = [r for r in rects if r.visible]
        if not rects or (best is not None and len(rects) <= len(best.x)):
            continue
        x = np.array([r.center for r in rects], dtype=np.float64)
        heights = np.array([r.height for r in rects], dtype=np.float64)
        order = np.argsort(x, kind="stable")
        best = Bars(ax, x[order], heights[order], tuple(rects[i].color for i in order))
    return best


def find_curves(chart: ChartDescription, n: int) -> list[Curve]:
    """Data lines with one point per customer (or n + 1 starting from 0), left to right."""
    curves = []
    for ax in data_axes(chart):
        for line in ax.lines:
            if not line.visible or not line.in_data_coordinates:
                continue
            x = np.array(line.x, dtype=np.float64)
            y = np.array(line.y, dtype=np.float64)
            if len(x) not in (n, n + 1) or not (np.isfinite(x).all() and np.isfinite(y).all()):
                continue
            order = np.argsort(x, kind="stable")
            x, y = x[order], y[order]
            if len(x) == n + 1:
                if abs(y[0]) > 1e-9:
                    continue
                x, y = x[1:], y[1:]
            curves.append(Curve(ax, x, y))
    return curves


def any_lines(chart: ChartDescription) -> bool:
    """A line in data coordinates (axhline / axvline and the like do not count)."""
    return any(line.in_data_coordinates for ax in data_axes(chart) for line in ax.lines)


def title_of(chart: ChartDescription) -> str:
    titles = [t for ax in data_axes(chart) for t in (ax.title, ax.title_left, ax.title_right)]
    return " ".join(t for t in titles + [chart.suptitle] if t and t.strip())


def xlabel_of(chart: ChartDescription) -> str:
    labels = [ax.xlabel for ax in data_axes(chart)]
    return " ".join(t for t in labels + [chart.supxlabel] if t and t.strip())


def tick_labels(ax: AxesDescription) -> list[tuple[float, str]]:
    """(position, text) of the non-empty x tick labels, left to right."""
    return sorted((tick.position, tick.text) for tick in ax.xticks
                  if tick.text and tick.text.strip())


def data_x(text: TextDescription) -> float | None:
    """Where along the x axis a text stands, in data units (an annotation: the point it
    marks); None for a text placed in axes or figure coordinates."""
    if text.coords[0] == "data":
        x = text.position[0]
    elif text.point is not None and text.point_coords[0] == "data":
        x = text.point[0]
    else:
        return None
    return x if np.isfinite(x) else None


def tokens(text: str) -> list[str]:
    """Words of a label: "4\\nA" → ["4", "A"]; "A类" stays one token (see label_text)."""
    text = unicodedata.normalize("NFKC", text)
    return [tok for tok in _TOKEN_SPLIT.split(text) if tok]
