"""Step 3: the importance–satisfaction (IPA) chart and the "fix first" dimensions.

Three parts.  Points: each dimension at (satisfaction, importance) — or the axes the
other way round — drawn as markers of a line (``ax.plot(x, y, "o")``) or named by a
text or annotation at that point (``ax.annotate(name, (x, y))``; a scatter's dots are
not read, its labels are).  Lines: a vertical and a horizontal line at the means of
the dimensions' satisfaction and importance.  Fix first: the dimensions of high
importance and low satisfaction.

Follow-through: points and lines drawn from the student's own step-2 means, and a
"fix first" list read off the student's own lines, are right here.
"""
from __future__ import annotations

from fractions import Fraction

import numpy as np
import pandas as pd

from ...churn_data import IMPORTANCE, SATISFACTION
from ...survey import QUADRANTS, exact_mean, quadrant_name
from ..chart_reading import chart_of, data_axes
from ..verdict import Mistake, Phrase, Verdict, judged
from .reading import group_table, names, parts_verdict, run_part
from .survey_step import MEAN_TOLERANCE, dimensions_of

WEIGHTS = {"points": 0.5, "lines": 0.25, "fix_first": 0.25}
MIDPOINT = 3


def ipa_figures(data: pd.DataFrame) -> tuple[list[str], dict, dict]:
    """(dimensions, importance means, satisfaction means), exact."""
    dims = dimensions_of(data)
    imp = {d: exact_mean(data[IMPORTANCE + d]) for d in dims}
    sat = {d: exact_mean(data[SATISFACTION + d]) for d in dims}
    return dims, imp, sat


def fix_first_of(imp: dict, sat: dict, imp_line, sat_line) -> set[str]:
    return {d for d in imp if quadrant_name(imp[d] >= imp_line, sat[d] >= sat_line)
            == QUADRANTS["fix"]}


@judged("step3")
def check_ipa(chart, fix_first, data: pd.DataFrame, own_survey=None) -> Verdict:
    """The verdict on the IPA chart ``chart`` and the list ``fix_first``; ``own_survey``:
    the student's step-2 table (follow-through)."""
    dims, imp, sat = ipa_figures(data)
    sat_options = [(sat, False)] + [(own, True) for own in _own_means(own_survey, dims)]
    state = {"chart": None, "sat": sat, "lines": None}

    def described():
        if state["chart"] is None:
            state["chart"] = chart_of(chart)
        return state["chart"]

    def points():
        spots = _points(described())
        for means, followed in sat_options:
            for swap in (False, True):
                wanted = [(float(means[d]), float(imp[d])) for d in dims]
                if swap:
                    wanted = [(y, x) for x, y in wanted]
                if all(_near_any(p, spots) for p in wanted):
                    state["sat"], state["swap"] = means, swap
                    return followed
        raise Mistake("churn.ipa_points_missing", dimensions=dims)

    def lines():
        swaps = [state["swap"]] if "swap" in state else [False, True]
        vertical, horizontal = _straight_lines(described())
        for (means, followed), swap in ((o, s) for o in sat_options for s in swaps):
            sat_line = sum(means.values()) / len(means)
            imp_line = sum(imp.values()) / len(imp)
            x_line, y_line = (imp_line, sat_line) if swap else (sat_line, imp_line)
            if _has(vertical, x_line) and _has(horizontal, y_line):
                state["lines"] = (imp_line, sat_line)
                return followed
        if _has(vertical, MIDPOINT) and _has(horizontal, MIDPOINT):
            state["lines"] = (Fraction(MIDPOINT), Fraction(MIDPOINT))
            raise Mistake("churn.quadrant_lines_at_3")
        raise Mistake("churn.quadrant_lines_wrong")

    def fixing():
        got = names(fix_first, "fix_first")
        sat_line = sum(sat.values()) / len(sat)
        imp_line = sum(imp.values()) / len(imp)
        right = fix_first_of(imp, sat, imp_line, sat_line)
        if got == right:
            return False
        if state["lines"] is not None:
            own_imp, own_sat = state["lines"]
            if got == fix_first_of(imp, state["sat"], own_imp, own_sat):
                return True  # read off the student's own lines
        if got == {d for d in dims if imp[d] < imp_line and sat[d] < sat_line}:
            raise Mistake("churn.fix_first_low_low")
        raise Mistake("churn.fix_first_wrong", expected_count=len(right),
                      got=sorted(got)[:8] or Phrase("churn.nothing"))

    return parts_verdict("step3", [run_part("points", WEIGHTS["points"], points),
                                   run_part("lines", WEIGHTS["lines"], lines),
                                   run_part("fix_first", WEIGHTS["fix_first"], fixing)])


def _own_means(own_survey, dims: list[str]) -> list[dict]:
    if own_survey is None:
        return []
    try:
        table = group_table(own_survey, dims, "survey")
    except Mistake:
        return []
    return [{d: Fraction(str(float(table.loc[d, c]))) for d in dims}
            for c in table.columns if table[c].between(0, 5).all()]


def _points(chart) -> list[tuple[float, float]]:
    """Every point the chart marks in data coordinates: line vertices and text anchors."""
    spots = []
    for ax in data_axes(chart):
        for line in ax.lines:
            if line.visible and line.in_data_coordinates:
                spots += list(zip(line.x, line.y))
        for text in ax.texts:
            if text.point is not None and text.point_coords == ("data", "data"):
                spots.append(text.point)
            elif text.coords == ("data", "data"):
                spots.append(text.position)
    return [(float(x), float(y)) for x, y in spots if np.isfinite(x) and np.isfinite(y)]


def _near_any(point, spots, tolerance: float = MEAN_TOLERANCE) -> bool:
    return any(abs(point[0] - x) <= tolerance and abs(point[1] - y) <= tolerance
               for x, y in spots)


def _straight_lines(chart) -> tuple[list[float], list[float]]:
    """x of the vertical lines and y of the horizontal ones (axvline / axhline, or a
    two-point line drawn in data coordinates)."""
    vertical, horizontal = [], []
    for ax in data_axes(chart):
        for line in ax.lines:
            x, y = np.asarray(line.x, float), np.asarray(line.y, float)
            if not line.visible or len(x) < 2:
                continue
            if line.x_coords == "data" and np.ptp(x) == 0 and np.isfinite(x[0]):
                vertical.append(float(x[0]))
            if line.y_coords == "data" and np.ptp(y) == 0 and np.isfinite(y[0]):
                horizontal.append(float(y[0]))
    return vertical, horizontal


def _has(positions: list[float], value) -> bool:
    return any(abs(p - float(value)) <= MEAN_TOLERANCE for p in positions)
