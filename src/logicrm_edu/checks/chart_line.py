"""The cumulative line of the chart: through every customer, ending at 100 %, readable
on a percent axis.

Right: the cumulative shares of the sorted customers as the reader sees them
(:mod:`.chart_scales`: a 0–100 line, a 0–1 line on a percent-formatted axis,
cumulative revenue on an axis or secondary axis that shows it as % of the
total) — or, when the bars are the customers in another order, the cumulative
share of the bars as drawn (the order is charged once: in the bars, or in the
student's table that the bars follow).  A line equal to the student's own
cumulative-share column follows their table.  A line accumulated before sorting,
when the student's own table does not show the right cumulative share, is a
step-3 mistake and its hint sends the student there.  The line must
also stand over the bars, not share the bars' value axis (100 % would read as
100 万元), and its axis must show 0 to 100 %.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..grading.chart_description import ChartDescription
from .chart_bars import BarsFinding
from .chart_reading import Bars, Curve
from .chart_scales import SNAP, Reading, readings
from .own_table import OwnTable
from .reference import Reference
from .table_mistakes import FRACTION
from .tolerance import AMOUNT, PERCENT, all_close, first_wrong
from .verdict import Mistake, Phrase


@dataclass(frozen=True)
class LineFinding:
    """The line judged, how it reads, and whether that is right."""

    curve: Curve | None
    """the line matched (None when none matched)"""
    reading: Reading | None
    followed: bool = False
    """right as the student's own cumulative-share column, not as the right answer"""
    mistake: Mistake | None = None


def judge_line(chart: ChartDescription, curves: list[Curve], ref: Reference, bars: Bars | None,
               bars_found: BarsFinding | None, own: OwnTable | None,
               from_zero: bool) -> LineFinding:
    if not curves:
        return LineFinding(None, None, mistake=Mistake("checks.chart_no_line", n=ref.n))
    usual = (ref.total,) if bars is None else (ref.total, float(bars.heights.sum()))
    targets = [(ref.sorted_cumulative_share, False)]  # (line, right only as their own table)
    if bars_found is not None and bars_found.running is not None:
        targets.append((bars_found.running, bars_found.followed))
    for curve in curves:
        for reading in readings(chart, curve.axes, usual):
            for target, followed in targets:
                if all_close(curve.y * 100 / reading.full, target):
                    return _placed(curve, reading, bars, from_zero, followed=followed)
    followed = _following(chart, curves, ref, own, usual)
    if followed is not None:
        return _placed(*followed, bars, from_zero, followed=True)
    return LineFinding(None, None, mistake=_diagnose(chart, curves, ref, own, usual))


def _following(chart, curves, ref, own, usual) -> tuple[Curve, Reading] | None:
    """The line drawn from the student's own cumulative-share column, when that column is
    not the right one, as it reads (or as its numbers are: a column of fractions)."""
    if own is None or own.cumulative_share is None \
            or all_close(own.cumulative_share, ref.sorted_cumulative_share):
        return None
    column = own.cumulative_share
    top = float(np.max(np.abs(column)))
    tol = PERCENT * top / 100
    for curve in curves:
        if all_close(curve.y, column, tol):
            return curve, Reading(top, curve.axes, False)
        for reading in readings(chart, curve.axes, usual):
            if all_close(curve.y * 100 / reading.full, column, tol):
                return curve, reading
    return None


def _placed(curve: Curve, reading: Reading, bars: Bars | None, from_zero: bool, *,
            followed: bool) -> LineFinding:
    """The line's values are right: it must also stand over the bars on its own axis."""
    def wrong(key: str, **fields) -> LineFinding:
        return LineFinding(curve, reading, mistake=Mistake(key, **fields))

    bars_total = 0.0 if bars is None else float(bars.heights.sum())
    if bars is not None and curve.axes is bars.axes and reading.axis is bars.axes \
            and not (bars_total and abs(reading.full / bars_total - 1) <= SNAP):
        return wrong("checks.chart_line_same_axis")  # 100 % must be the bars' total
    if bars is not None and len(curve.x) == len(bars.x):
        spacing = np.median(np.diff(bars.x)) if len(bars.x) > 1 else 1.0
        if not np.all(np.abs(curve.x - bars.x) <= spacing / 2):
            return wrong("checks.chart_line_shifted")
    low, high = sorted(curve.axes.ylim)
    full = reading.full
    if high < 0.99 * full or (from_zero and low > 0.01 * full):
        return wrong("checks.chart_line_axis_range", low=float(low), high=float(high),
                     top=full * 105 / 100)
    return LineFinding(curve, reading, followed=followed)


def _diagnose(chart, curves, ref, own, usual) -> Mistake:
    """The mistake that best explains the lines drawn (the likeliest first)."""
    expected = ref.sorted_cumulative_share
    drawn_unsorted, accumulated_unsorted = _unsorted_lines(ref)
    table_right = own is not None and own.cumulative_share is not None \
        and all_close(own.cumulative_share, expected)
    order_key = "checks.chart_not_from_table" if own is not None and own.sorted \
        else "checks.chart_unsorted"
    found = []  # (rank of the finding, mistake key, fields)
    for curve in curves:
        y = curve.y
        shown = readings(chart, curve.axes, usual)
        explicit = [r for r in shown if r.explicit]
        direct = next((r for r in shown if r.axis is curve.axes), None)
        read = y * 100 / direct.full if direct is not None else y
        fraction = all_close(y, expected / 100, FRACTION)
        running = all_close(y, ref.sorted_cumulative, AMOUNT)
        if explicit and (fraction or running or all_close(y, expected)):
            found.append((0, "checks.chart_line_percent_scale",
                          {"got": float(y[-1] * 100 / explicit[0].full), "total": ref.total,
                           "value": ref.value}))
        elif fraction:
            found.append((0, "checks.chart_line_fraction", {"got": float(y[-1])}))
        elif running:
            found.append((0, "checks.chart_line_running_total",
                          {"got": float(y[-1]), "column": ref.value}))
        elif not table_right and any(_same_but_ties(read, u, ref)
                                     for u in accumulated_unsorted):
            found.append((1, "checks.chart_cumulative_unsorted", {"column": ref.value}))
        elif any(all_close(read, u) for u in drawn_unsorted + accumulated_unsorted) \
                or all_close(np.sort(read), expected):
            found.append((1, order_key, {"part": Phrase("checks.chart_part.line"),
                                         "column": ref.value}))
        elif np.all(np.diff(read) >= -1e-9) and not np.isclose(read[-1], 100, atol=PERCENT):
            found.append((2, "checks.chart_line_not_100", {"got": float(read[-1])}))
        else:
            bad = first_wrong(read, expected)
            found.append((3, "checks.chart_line_wrong",
                          {"position": bad + 1, "got": float(read[bad]),
                           "expected": float(expected[bad])}))
    _, key, fields = min(found, key=lambda item: item[0])
    return Mistake(key, **fields)


def _same_but_ties(line: np.ndarray, target: np.ndarray, ref: Reference) -> bool:
    """``line`` is ``target`` but for the order of tied customers among themselves (a
    table sorted after accumulating may put tied customers either way)."""
    if line.shape != target.shape:
        return False
    _, group = np.unique(ref.sorted_values, return_inverse=True)
    by_group = np.lexsort((line, group.ravel())), np.lexsort((target, group.ravel()))
    return all_close(line[by_group[0]], target[by_group[1]])


def _unsorted_lines(ref: Reference) -> tuple[list[np.ndarray], list[np.ndarray]]:
    """Cumulative shares computed in the data's order or ascending, read left to right:
    drawn unsorted (a chart problem), and drawn from a table sorted after accumulating
    (a step-3 problem)."""
    drawn, accumulated = [], []
    for order in (np.arange(ref.n), np.argsort(ref.values_data, kind="stable")):
        _, share = ref.cumulative_in(order)
        by_customer = np.empty(ref.n)
        by_customer[order] = share
        drawn.append(share)
        accumulated.append(by_customer[ref.order])
    return drawn, accumulated
