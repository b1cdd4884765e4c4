"""Step 5: the tiering chart (textbook figure 3-5 / a Pareto chart), marked by parts.

The parts, each judged on its own (:mod:`.chart_parts`), so a mistake in one
costs only that part:

- ``bars``: one bar per customer, the values (or shares in %) from high to low
  (:mod:`.chart_bars`); judged when the chart has bars, or ``require_bars``;
- ``line``: the cumulative-share line through every customer, ending at 100 %,
  readable on a percent axis (:mod:`.chart_line`, :mod:`.chart_scales`);
- ``classes``: every customer's class visible and right, when a ``scheme`` is
  given (:mod:`.chart_classes`);
- ``labels``: a title, an x label and a label on each y axis in use.

Every faithful rendering counts: a twin axis, a secondary axis, a percent
formatter; class codes in tick labels, texts, annotations or bar colours with a
legend; pandas, pyplot or the object API (all read from the chart's
description).  A part drawn faithfully from the student's own table
(``student_table``, or ``share_table`` when that cannot be read), where that
table is wrong, is right here: the table's mistake is charged in its own step
(follow-through), which the verdict names once (:mod:`.earlier`).
"""
from __future__ import annotations

import dataclasses

import pandas as pd

from ..grading.chart_description import AxesDescription, ChartDescription
from .chart_bars import judge_bars
from .chart_classes import customers_on_line, judge_classes
from .chart_line import LineFinding, judge_line
from .chart_parts import PARTS, Finding, part_shares, parts_verdict
from .chart_reading import (Bars, Curve, any_lines, chart_of, find_bars, find_curves, title_of,
                            xlabel_of)
from .earlier import charged_earlier, step2_total
from .own_table import OwnTable, read_own_table
from .reference import build_reference
from .tiers import as_scheme, check_tiers
from .verdict import Mistake, Phrase, Verdict, judged


@judged("step5")
def check_chart(answer, data: pd.DataFrame, scheme=None, *, value: str = "营业收入",
                key: str = "客户", require_bars: bool = False,
                percent_axis_from_zero: bool = True, weights: dict[str, float] | None = None,
                student_table=None, share_table=None, student_total=None) -> Verdict:
    """Judge the student's chart: a :class:`ChartDescription` from the student's kernel,
    or a live Axes, Figure or array of Axes (described first, the same way).

    ``scheme`` (a :class:`Scheme`): also judge the class codes shown.
    ``require_bars``: a chart without bars loses the bars part (else that part is
    not judged).  ``percent_axis_from_zero``: the percentage axis must show 0 to
    100 %.  ``weights``: the parts' points (parts left out keep
    :data:`~.chart_parts.WEIGHTS`; 0: not judged).  ``student_table``: the
    student's own tiered table, for follow-through; ``share_table``: their step-3
    table, followed when ``student_table`` is missing or cannot be read;
    ``student_total``: their step-2 total (a table dividing by it, when it is wrong,
    has step 2's mistake).

    The verdict's ``parts`` and ``score`` say what each part earned; it passes
    when every judged part passes, else it carries the first failed part's
    mistake and hint, with a note of which parts are right.
    """
    part_shares(weights, dict.fromkeys(PARTS, True))  # the teacher's weights, checked first
    chart = chart_of(answer)
    ref = build_reference(data, value=value, key=key)
    bars = find_bars(chart)
    if bars is None and not any_lines(chart):
        raise Mistake("checks.chart_empty")
    scheme = None if scheme is None else as_scheme(scheme)
    labels = () if scheme is None else scheme.tier_labels
    own = read_own_table(student_table, ref, labels)
    if own is None:
        own = read_own_table(share_table, ref, labels)
    shares = part_shares(weights, {"bars": bars is not None or require_bars, "line": True,
                                   "classes": scheme is not None, "labels": True})
    curves = find_curves(chart, ref.n)
    bars_found = judge_bars(chart, bars, ref, own) if bars is not None else None
    line = judge_line(chart, curves, ref, bars, bars_found, own, percent_axis_from_zero)

    found = {
        "bars": bars_found if bars is not None else Finding(
            mistake=Mistake("checks.chart_no_bars", column=ref.value)),
        "line": line,
        "labels": Finding(mistake=_missing_labels(chart, bars, _line_axis(chart, line, curves))),
    }
    if "classes" in shares:
        found["classes"] = _classes(chart, bars, bars_found, line, curves, ref, scheme, own)
    judged_parts = {name: f for name, f in found.items() if name in shares}
    total = step2_total(student_total)
    if own is not None and _right_as_it_stands(own, total, student_table, data, scheme,
                                                value=value, key=key):
        # a table right within tolerance (rounded across a cut-off, say): a chart that
        # follows it is simply right, with no earlier mistake to speak of
        judged_parts = {name: dataclasses.replace(f, followed=False)
                        for name, f in judged_parts.items()}
    return parts_verdict(judged_parts, shares, ref.n, _earlier(own, judged_parts, total))


def _right_as_it_stands(own: OwnTable, total, student_table, data, scheme, *, value: str,
                        key: str) -> bool:
    """The student's own table has no mistake of its own: no earlier one
    (:func:`~.earlier.charged_earlier`) and, when it is the tiered table, classes that
    step 4 accepts as they are (not by follow-through)."""
    if charged_earlier(own.rows, total) is not None:
        return False
    if scheme is None or own.classes is None:
        return True
    tiers = check_tiers(student_table, data, scheme, value=value, key=key)
    return tiers.passed and not tiers.follow_through


def _earlier(own: OwnTable | None, found: dict[str, Finding], total) -> Phrase | None:
    """Where the mistake of the student's own table was charged, for a chart that is
    right by following that table (None otherwise)."""
    if own is None or any(f.mistake is not None for f in found.values()) \
            or not any(f.followed for f in found.values()):
        return None
    return charged_earlier(own.rows, total) or Phrase("checks.earlier.step4")


def _classes(chart, bars, bars_found, line: LineFinding, curves: list[Curve], ref, scheme,
             own) -> Finding:
    """The classes part, at the customers the bars (or, without bars, the line) stand for."""
    if bars is not None:
        drawn = ref.order if bars_found.drawn is None else bars_found.drawn
        return judge_classes(chart, bars.x, bars.colors, drawn, ref, scheme, own)
    curve = line.curve or (curves[0] if curves else None)
    positions = None if curve is None else curve.x
    drawn = customers_on_line(chart, positions, ref, own, line.followed)
    return judge_classes(chart, positions, None, drawn, ref, scheme, own)


def _line_axis(chart: ChartDescription, line: LineFinding,
               curves: list[Curve]) -> AxesDescription | None:
    """The axis a reader reads the cumulative line on (that axis needs a label)."""
    if line.reading is not None:
        return line.reading.axis
    if not curves:
        return None
    index = next(i for i, ax in enumerate(chart.axes) if ax is curves[0].axes)
    return next((ax for ax in chart.axes if ax.role == "secondary_y" and ax.parent == index),
                curves[0].axes)


def _missing_labels(chart: ChartDescription, bars: Bars | None,
                    line_axis: AxesDescription | None) -> Mistake | None:
    missing = []
    if not title_of(chart):
        missing.append(Phrase("checks.chart_part.title"))
    if not xlabel_of(chart):
        missing.append(Phrase("checks.chart_part.xlabel"))
    if bars is not None and not bars.axes.ylabel.strip():
        missing.append(Phrase("checks.chart_part.ylabel_bars"))
    if line_axis is not None and (bars is None or line_axis is not bars.axes) \
            and not line_axis.ylabel.strip():
        missing.append(Phrase("checks.chart_part.ylabel_line"))
    return Mistake("checks.chart_missing_labels", missing=missing) if missing else None
