"""Step 5: the tiering chart (textbook figure 3-5 / a Pareto chart).

Right: bars (optional unless ``require_bars``) are the customers' values — or
their shares in % — from the largest to the smallest; the cumulative-share line
goes through every customer in the same order and ends at 100 %, readable on a
0–100 % axis: a twin axis (``ax.twinx()``), or the same axis when the bars are
shares in %, or a 0–1 line on an axis formatted with ``PercentFormatter(1)``;
a title, an x label and a label on each y axis in use; and, when a ``scheme``
is given, the class code of the customers visible in the x tick labels or in
texts on the axes.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from ..grading.chart_description import ChartDescription
from .cells import label_text
from .chart_reading import (Bars, Curve, any_lines, chart_of, data_axes, find_bars, find_curves,
                            reads_as_percent_of_one, texts_on, tick_labels, title_of, tokens,
                            xlabel_of)
from .reference import Reference, build_reference
from .table_mistakes import FRACTION
from .tiers import as_scheme
from .tolerance import AMOUNT, PERCENT, all_close, first_wrong
from .verdict import Mistake, Phrase, Verdict, judged, passed


@judged("step5")
def check_chart(answer, data: pd.DataFrame, scheme=None, *, value: str = "营业收入",
                key: str = "客户", require_bars: bool = False,
                percent_axis_from_zero: bool = True) -> Verdict:
    """Judge the student's chart: a :class:`ChartDescription` from the student's kernel,
    or a live Axes, Figure or array of Axes (described first, the same way).

    ``scheme`` (a :class:`Scheme`): also require the class codes to be shown.
    ``percent_axis_from_zero``: the percentage axis must show 0 to 100 %.
    """
    chart = chart_of(answer)
    ref = build_reference(data, value=value, key=key)
    bars = find_bars(chart)
    if bars is None and not any_lines(chart):
        raise Mistake("checks.chart_empty")
    bar_kind = None
    if bars is not None:
        bar_kind = _check_bars(bars, ref)
    elif require_bars:
        raise Mistake("checks.chart_no_bars", column=ref.value)
    curve, scale = _check_curve(find_curves(chart, ref.n), ref)
    _check_reading(curve, scale, bars, bar_kind, percent_axis_from_zero)
    _check_labels(chart, bars, curve)
    if scheme is not None:
        _check_classes(chart, ref, as_scheme(scheme), bars.x if bars is not None else curve.x)
    return passed("step5", n=ref.n)


def _check_bars(bars: Bars, ref: Reference) -> str:
    heights = bars.heights
    if len(heights) != ref.n:
        raise Mistake("checks.chart_bar_count", got=len(heights), n=ref.n)
    sorted_share = ref.share_data[ref.order]
    for kind, expected, tol in (("value", ref.sorted_values, AMOUNT),
                                ("share", sorted_share, PERCENT)):
        if all_close(heights, expected, tol):
            return kind
    for expected, tol in ((ref.sorted_values, AMOUNT), (sorted_share, PERCENT)):
        if all_close(np.sort(heights), np.sort(expected), tol):
            raise Mistake("checks.chart_unsorted", part=Phrase("checks.chart_part.bars"),
                          column=ref.value)
    bad = first_wrong(heights, ref.sorted_values, AMOUNT)
    raise Mistake("checks.chart_bar_heights", position=bad + 1, got=float(heights[bad]),
                  expected=float(ref.sorted_values[bad]), column=ref.value)


def _check_curve(curves: list[Curve], ref: Reference) -> tuple[Curve, float]:
    """The cumulative-share line and its scale (100 for %, 1 for a fraction)."""
    if not curves:
        raise Mistake("checks.chart_no_line", n=ref.n)
    expected = ref.sorted_cumulative_share
    unsorted = _unsorted_lines(ref)
    found = []  # (rank of the finding, curve, mistake key, fields)
    for curve in curves:
        y = curve.y
        if all_close(y, expected):
            return curve, 100.0
        if all_close(y, expected / 100, FRACTION):
            if reads_as_percent_of_one(curve.axes):
                return curve, 1.0
            found.append((0, "checks.chart_line_fraction", {"got": float(y[-1])}))
        elif all_close(y, ref.sorted_cumulative, AMOUNT):
            found.append((0, "checks.chart_line_running_total",
                          {"got": float(y[-1]), "column": ref.value}))
        elif any(all_close(y, u) for u in unsorted) or all_close(np.sort(y), expected):
            found.append((1, "checks.chart_unsorted",
                          {"part": Phrase("checks.chart_part.line"), "column": ref.value}))
        elif np.all(np.diff(y) >= -1e-9) and not np.isclose(y[-1], 100, atol=PERCENT):
            found.append((2, "checks.chart_line_not_100", {"got": float(y[-1])}))
        else:
            bad = first_wrong(y, expected)
            found.append((3, "checks.chart_line_wrong",
                          {"position": bad + 1, "got": float(y[bad]),
                           "expected": float(expected[bad])}))
    _, key, fields = min(found, key=lambda item: item[0])
    raise Mistake(key, **fields)


def _unsorted_lines(ref: Reference) -> list[np.ndarray]:
    """Cumulative shares computed in the data's order or ascending, read left to right
    as drawn from a table sorted afterwards, or drawn unsorted."""
    lines = []
    for order in (np.arange(ref.n), np.argsort(ref.values_data, kind="stable")):
        _, share = ref.cumulative_in(order)
        by_customer = np.empty(ref.n)
        by_customer[order] = share
        lines += [share, by_customer[ref.order]]
    return lines


def _check_reading(curve: Curve, scale: float, bars: Bars | None, bar_kind: str | None,
                   from_zero: bool) -> None:
    if bars is not None and curve.axes is bars.axes and bar_kind == "value":
        raise Mistake("checks.chart_line_same_axis")
    if bars is not None and len(curve.x) == len(bars.x):
        spacing = np.median(np.diff(bars.x)) if len(bars.x) > 1 else 1.0
        if not np.all(np.abs(curve.x - bars.x) <= spacing / 2):
            raise Mistake("checks.chart_line_shifted")
    low, high = sorted(curve.axes.ylim)
    reaches = high >= 0.99 * scale
    starts = low <= 0.01 * scale or not from_zero
    if not (reaches and starts):
        raise Mistake("checks.chart_line_axis_range", low=float(low), high=float(high),
                      top=scale * 105 / 100)


def _check_labels(chart: ChartDescription, bars: Bars | None, curve: Curve) -> None:
    missing = []
    if not title_of(chart):
        missing.append(Phrase("checks.chart_part.title"))
    if not xlabel_of(chart):
        missing.append(Phrase("checks.chart_part.xlabel"))
    if bars is not None and not bars.axes.ylabel.strip():
        missing.append(Phrase("checks.chart_part.ylabel_bars"))
    if (bars is None or curve.axes is not bars.axes) and not curve.axes.ylabel.strip():
        missing.append(Phrase("checks.chart_part.ylabel_line"))
    if missing:
        raise Mistake("checks.chart_missing_labels", missing=missing)


def _check_classes(chart: ChartDescription, ref: Reference, scheme,
                   positions: np.ndarray) -> None:
    labels = scheme.tier_labels
    known = {label_text(lab): i for i, lab in enumerate(labels)}
    expected = scheme.codes(ref.sorted_values)
    spacing = np.median(np.diff(positions)) if len(positions) > 1 else 1.0
    for ax in data_axes(chart):
        ticks = tick_labels(ax)
        shown = []
        for x in positions:
            near = [text for pos, text in ticks if abs(pos - x) < spacing / 2]
            codes = [known[label_text(tok)] for text in near for tok in tokens(text)
                     if label_text(tok) in known]
            shown.append(codes[-1] if codes else None)
        if all(code is not None for code in shown):
            for i, code in enumerate(shown):
                if code != expected[i]:
                    raise Mistake("checks.chart_wrong_classes", position=i + 1,
                                  got=labels[code], expected=labels[expected[i]])
            return
    seen = {label_text(tok) for text in texts_on(chart) for tok in tokens(text)}
    needed = [labels[c] for c in sorted(set(expected.tolist()))]
    if not all(label_text(lab) in seen for lab in needed):
        raise Mistake("checks.chart_no_classes", labels=needed)
