"""What a chart writes about each customer: its class code and its id.

A class code is shown in an x tick label ("4\\nA"), in a text or annotation at
a customer's x (above or below the bar, ``ax.bar_label``), or by the colour of
the customer's bar when a legend says which colour is which class.  A customer
id is read from the x tick labels (``set_xticks(x, t["客户"])``, pandas'
``plot(kind="bar", x="客户")``).
"""
from __future__ import annotations

import numpy as np

from ..grading.chart_description import ChartDescription
from .cells import key_text, label_text
from .chart_reading import data_axes, data_x, tick_labels, tokens
from .reference import Reference


def class_marks(chart: ChartDescription, labels) -> list[tuple[float, int]]:
    """(x, class code) of every class code written at an x of the data: tick labels,
    texts and annotations (a text naming two classes says nothing about one customer)."""
    known = {label_text(lab): i for i, lab in enumerate(labels)}
    marks = []
    for ax in data_axes(chart):
        placed = tick_labels(ax) + [(data_x(t), t.text) for t in ax.texts]
        for x, text in placed:
            codes = {known[label_text(tok)] for tok in tokens(text) if label_text(tok) in known}
            if x is not None and len(codes) == 1:
                marks.append((x, codes.pop()))
    return marks


def classes_at(marks: list[tuple[float, int]], positions: np.ndarray) -> np.ndarray | None:
    """The class code written at each position, when every position has one (and only one)."""
    near = _near(marks, positions)
    if any(len(codes) != 1 for codes in near):
        return None
    return np.array([codes.pop() for codes in near], dtype=np.int64)


def nearest_position(x: float, positions: np.ndarray) -> int:
    return int(np.argmin(np.abs(positions - x)))


def colour_classes(chart: ChartDescription, colors, labels) -> np.ndarray | None:
    """The class of each bar by its colour, when a legend names a class for every colour."""
    known = {label_text(lab): i for i, lab in enumerate(labels)}
    legend: dict[str, set[int]] = {}
    entries = [e for ax in data_axes(chart) for e in (ax.legend or ())]
    entries += [e for lg in chart.legends for e in lg]
    for entry in entries:
        codes = {known[label_text(tok)] for tok in tokens(entry.text) if label_text(tok) in known}
        if entry.color is not None and len(codes) == 1:
            legend.setdefault(entry.color, set()).update(codes)
    if any(color not in legend or len(legend[color]) != 1 for color in colors):
        return None
    return np.array([next(iter(legend[color])) for color in colors], dtype=np.int64)


def grouped_like(colors, codes: np.ndarray) -> bool:
    """The bars' colours split the customers exactly as ``codes`` do (in two groups or more)."""
    pairs = set(zip(colors, codes.tolist()))
    return (len(pairs) > 1 and None not in colors
            and len(pairs) == len(set(colors)) == len(set(codes.tolist())))


def named_customers(chart: ChartDescription, positions: np.ndarray,
                    ref: Reference) -> np.ndarray | None:
    """Data positions of the customers the x tick labels name at ``positions``, when each
    position names exactly one customer and every customer is named once."""
    where = ref.position()
    marks = []
    for ax in data_axes(chart):
        for x, text in tick_labels(ax):
            ids = {where[key_text(tok)] for tok in tokens(text) if key_text(tok) in where}
            if len(ids) == 1:
                marks.append((x, ids.pop()))
    near = _near(marks, positions)
    if any(len(ids) != 1 for ids in near):
        return None
    named = np.array([ids.pop() for ids in near], dtype=np.int64)
    return named if len(set(named.tolist())) == ref.n == len(named) else None


def _near(marks, positions: np.ndarray) -> list[set]:
    """The marks within half a bar's spacing of each position."""
    spacing = np.median(np.diff(positions)) if len(positions) > 1 else 1.0
    marks = sorted(marks)
    xs = np.array([x for x, _ in marks], dtype=np.float64)
    first = np.searchsorted(xs, positions - spacing / 2, side="right")
    past = np.searchsorted(xs, positions + spacing / 2, side="left")
    return [{m for _, m in marks[a:b]} for a, b in zip(first, past)]
