"""The bars of the chart: one bar per customer, the indicator from high to low.

Right: the customers' values, or their shares in %, sorted high → low.  Bars in
the student's own row order with their own numbers follow their table
(follow-through).  Bars of the right customers in another order are "unsorted";
when the student's own table is sorted, the hint says the chart was not drawn
from it.  Reading the bars also says which customer each bar stands for (the x
tick labels when they name the bars' customers, else the heights), for judging
the classes and the line drawn over them.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..grading.chart_description import ChartDescription
from .chart_marks import named_customers
from .chart_reading import Bars
from .own_table import OwnTable
from .reference import Reference
from .tolerance import AMOUNT, PERCENT, all_close, first_wrong
from .verdict import Mistake, Phrase


@dataclass(frozen=True)
class BarsFinding:
    """What the bars show, and whether that is right."""

    drawn: np.ndarray | None
    """data positions of the customers the bars stand for, left to right (None: unknown)"""
    running: np.ndarray | None
    """cumulative share (%) in the bars' own order, when they are the customers in another
    order than the right one: a line drawn that way is right for these bars (the order
    is charged here, or in the student's table they follow)"""
    followed: bool = False
    """right as the student's own table, not as the right answer"""
    mistake: Mistake | None = None


def judge_bars(chart: ChartDescription, bars: Bars, ref: Reference,
               own: OwnTable | None) -> BarsFinding:
    heights = bars.heights
    if len(heights) != ref.n:
        return BarsFinding(None, None, mistake=Mistake("checks.chart_bar_count",
                                                       got=len(heights), n=ref.n))
    named = named_customers(chart, bars.x, ref)
    if named is not None and not _drawn_as(heights, ref.values_data[named], ref.share_data[named]):
        named = None  # tick labels that are ranks or positions, not these bars' customers
    if _drawn_as(heights, ref.sorted_values, ref.share_data[ref.order]):
        return BarsFinding(ref.order if named is None else named, None)
    if own is not None and _drawn_as(heights, own.values, own.shares):
        return BarsFinding(own.positions, _running(heights), followed=True)
    drawn = named if named is not None else _matched(heights, ref)
    if drawn is not None:
        key = "checks.chart_not_from_table" if own is not None and own.sorted \
            else "checks.chart_unsorted"
        return BarsFinding(drawn, _running(heights), mistake=Mistake(
            key, part=Phrase("checks.chart_part.bars"), column=ref.value))
    bad = first_wrong(heights, ref.sorted_values, AMOUNT)
    return BarsFinding(None, None, mistake=Mistake(
        "checks.chart_bar_heights", position=bad + 1, got=float(heights[bad]),
        expected=float(ref.sorted_values[bad]), column=ref.value))


def _drawn_as(heights: np.ndarray, values, shares) -> bool:
    """The heights are these values, or these shares in %."""
    return ((values is not None and all_close(heights, values, AMOUNT))
            or (shares is not None and all_close(heights, shares, PERCENT)))


def _running(heights: np.ndarray) -> np.ndarray:
    """Cumulative share (%) of bars that are all the customers' values or shares."""
    return np.cumsum(heights) / heights.sum() * 100


def _matched(heights: np.ndarray, ref: Reference) -> np.ndarray | None:
    """The customer of each bar when the heights are all the customers' values (or shares)
    in some order; tied customers are taken in the data's order."""
    by_height = np.argsort(heights, kind="stable")
    for numbers, tol in ((ref.values_data, AMOUNT), (ref.share_data, PERCENT)):
        by_number = np.argsort(numbers, kind="stable")
        if all_close(heights[by_height], numbers[by_number], tol):
            drawn = np.empty(ref.n, dtype=np.int64)
            drawn[by_height] = by_number
            return drawn
    return None
