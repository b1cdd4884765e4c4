"""Step 5: the Pareto chart of churn causes, and the loyalty arithmetic.

Three parts.  Bars: one per cause, the number of customers lost to it (or its share),
from the most frequent down (equal counts in any order).  Line: the cumulative share
over the bars in their order, in % or as a fraction, from the first bar (or from 0).
Costs: replacing the churned customers (n × the cost of winning a new one) and keeping
them (n × the cost of keeping one), with the teacher's figures.

Follow-through: bars counted from the student's own churned list (step 4), and costs
for the number of customers in it, are right here.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from ...churn_data import CAUSE, KEY, LAST, THIS, YES
from ..cells import key_text
from ..chart_reading import chart_of, find_bars, find_curves
from ..verdict import Mistake, Verdict, judged
from .reading import ids, number, parts_verdict, run_part

WEIGHTS = {"bars": 0.5, "line": 0.25, "costs": 0.25}
COST_TOLERANCE = 0.006


def cause_counts(data: pd.DataFrame, lost: set[str] | None = None) -> np.ndarray:
    """The number of customers per cause, from the most frequent down."""
    if lost is None:
        chosen = data[data[LAST].eq(YES) & ~data[THIS].eq(YES)]
    else:
        chosen = data[data[KEY].map(key_text).isin(lost)]
    counts = chosen[CAUSE].dropna().value_counts()
    return np.sort(counts.to_numpy(dtype=float))[::-1]


@judged("step5")
def check_causes(chart, replace_cost, keep_cost, data: pd.DataFrame, costs: dict,
                 own_churned=None) -> Verdict:
    """The verdict on the Pareto ``chart``, ``replace_cost`` and ``keep_cost``
    (``costs``: ``acquire`` and ``keep``, per customer); ``own_churned``: the student's
    step-4 list (follow-through)."""
    right = cause_counts(data)
    options = [(right, False)]
    own = _own_lost(own_churned, data)
    if own is not None:
        options.append((cause_counts(data, own), True))
    state = {"heights": None}

    def bars():
        found = find_bars(chart_of(chart))
        if found is None or len(found.heights) == 0:
            raise Mistake("churn.no_cause_bars")
        heights = found.heights
        for counts, followed in options:
            for scale, tolerance in ((counts, 1e-6), (counts * 100 / counts.sum(), 0.051),
                                     (counts / counts.sum(), 0.00051)):
                if _same(heights, scale, tolerance):
                    state["heights"] = heights
                    return followed
                if _same(np.sort(heights)[::-1], scale, tolerance):
                    state["heights"] = heights
                    raise Mistake("churn.causes_unsorted")
        raise Mistake("churn.cause_bars_wrong", n=len(right))

    def line():
        heights = state["heights"] if state["heights"] is not None else right
        cumulative = np.cumsum(heights) / heights.sum()
        for curve in find_curves(chart_of(chart), len(heights)):
            for scale in (100, 1, heights.sum()):
                if _same(curve.y, cumulative * scale, tolerance=0.051 if scale == 100 else 0.006):
                    return False
        raise Mistake("churn.no_cumulative_line")

    def money():
        replace, keep = number(replace_cost, "replace_cost"), number(keep_cost, "keep_cost")
        for n, followed in [(len(_lost(data)), False)] + (
                [(len(own), True)] if own is not None else []):
            want = (n * costs["acquire"], n * costs["keep"])
            if _close(replace, want[0]) and _close(keep, want[1]):
                return followed
            if _close(replace, want[1]) and _close(keep, want[0]):
                raise Mistake("churn.costs_swapped")
        raise Mistake("churn.costs_wrong", n=len(_lost(data)))

    return parts_verdict("step5", [run_part("bars", WEIGHTS["bars"], bars),
                                   run_part("line", WEIGHTS["line"], line),
                                   run_part("costs", WEIGHTS["costs"], money)])


def _lost(data: pd.DataFrame) -> set[str]:
    return {key_text(k) for k in data.loc[data[LAST].eq(YES) & ~data[THIS].eq(YES), KEY]}


def _own_lost(answer, data: pd.DataFrame) -> set[str] | None:
    if answer is None:
        return None
    try:
        got = ids(answer, "churned", {key_text(k) for k in data[KEY]})
    except Mistake:
        return None
    return got if got and got != _lost(data) else None


def _same(values, expected, tolerance: float = 1e-6) -> bool:
    values, expected = np.asarray(values, float), np.asarray(expected, float)
    return values.shape == expected.shape and bool(np.all(np.abs(values - expected) <= tolerance))


def _close(a: float, b: float) -> bool:
    return abs(a - b) <= COST_TOLERANCE
