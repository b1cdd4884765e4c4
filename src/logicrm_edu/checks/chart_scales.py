"""How the cumulative line of a chart reads as a percentage.

A line is read on the y axis it is drawn on, or through a secondary y axis of
that Axes (``ax.secondary_yaxis("right", functions=(to_pct, from_pct))``).  An
axis of plain numbers reads them as percentage points (a 0–100 line on an axis
named "累计比重(%)").  An axis whose tick labels end in "%" reads what those
labels say: the labels are fitted to the tick positions to find the value shown
as 100 % — 1 for ``PercentFormatter(1)`` or ``"{x:.0%}"``, 2000 for
``PercentFormatter(2000)`` on a line of cumulative revenue.  A secondary axis
adds its conversion (sampled by the describer) in front of its own labels.
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass

import numpy as np

from ..grading.chart_description import AxesDescription, ChartDescription

SNAP = 0.02
"""a fitted 100 % within 2 % of a value the line may be drawn in (100, 1, the total)
is that value: tick labels are rounded"""


@dataclass(frozen=True)
class Reading:
    """One way of reading a line's values as percentages."""

    full: float
    """the line value shown as 100 %"""
    axis: AxesDescription
    """the axis the percentages are read on (the line's own, or a secondary axis)"""
    explicit: bool
    """read from "%" tick labels or through a secondary axis, not from plain numbers"""


def readings(chart: ChartDescription, ax: AxesDescription, usual=()) -> list[Reading]:
    """The ways a line on ``ax`` reads as percentages: on ``ax`` itself, then through
    each secondary y axis of ``ax``.  ``usual``: values a fitted 100 % snaps to."""
    out = []
    own = _hundred_percent(ax)
    if own is not None:
        out.append(Reading(_snap(own[0], usual), ax, own[1]))
    index = next((i for i, a in enumerate(chart.axes) if a is ax), None)
    for child in chart.axes:
        if child.role != "secondary_y" or child.parent != index:
            continue
        full = _through(child)
        if full is not None:
            out.append(Reading(_snap(full, usual), child, True))
    return out


def _percent_number(text: str | None) -> float | None:
    """"37%" / "37.0 %" / "３７％" → 37.0; None for a text that is not a percentage."""
    if text is None:
        return None
    text = unicodedata.normalize("NFKC", text).strip().replace("\u2212", "-")
    if not text.endswith("%"):
        return None
    try:
        return float(text[:-1].strip())
    except ValueError:
        return None


def _hundred_percent(ax: AxesDescription) -> tuple[float, bool] | None:
    """(the y value ``ax`` shows as 100 %, whether read from "%" labels); None when its
    "%" labels do not follow the positions in a straight line through 0."""
    points = [(t.position, _percent_number(t.text)) for t in ax.yticks]
    points = [(p, q) for p, q in points if q is not None]
    if len(points) < 2:  # labels hidden or few: what the formatter writes instead
        samples = [(v, _percent_number(text)) for v, text in ax.yformat]
        points = [(p, q) for p, q in samples if q is not None]
    if not points:
        return 100.0, False
    texts = [t.text for t in ax.yticks] + [text or "" for _, text in ax.yformat]
    unit = 10.0 ** -max((_decimals(text) for text in texts if _percent_number(text) is not None),
                        default=0)
    position = np.array([p for p, _ in points])
    shown = np.array([q for _, q in points])
    if np.ptp(position) == 0:
        return None
    slope, intercept = np.polyfit(position, shown, 1)
    fitted = slope * position + intercept
    if slope == 0 or abs(intercept) > unit or np.max(np.abs(fitted - shown)) > unit:
        return None
    return 100.0 / slope, True


def _through(child: AxesDescription) -> float | None:
    """The parent value a secondary axis shows as 100 %: its conversion must be a
    straight line through 0 (percent of a total, not a shifted scale)."""
    if len(child.conversion) < 2:
        return None
    own = _hundred_percent(child)
    if own is None:
        return None
    parent = np.array([v for v, _ in child.conversion])
    shown = np.array([w for _, w in child.conversion])
    if not (np.isfinite(parent).all() and np.isfinite(shown).all()) or np.ptp(parent) == 0:
        return None
    slope, intercept = np.polyfit(parent, shown, 1)
    scale = max(1.0, float(np.max(np.abs(shown))))
    if slope == 0 or np.max(np.abs(slope * parent + intercept - shown)) > 1e-6 * scale \
            or abs(intercept) > 1e-6 * scale:
        return None
    return own[0] / slope


def _snap(full: float, usual) -> float:
    for value in (100.0, 1.0, *usual):
        if value and abs(full / value - 1) <= SNAP:
            return float(value)
    return float(full)


def _decimals(text: str) -> int:
    number = unicodedata.normalize("NFKC", text).strip().rstrip("%").strip()
    return len(number.split(".", 1)[1]) if "." in number else 0
