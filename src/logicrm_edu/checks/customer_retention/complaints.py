"""Step 5: the Pareto chart of complaint causes and the VIP complaints to handle first.

The chart reaches the grader as a :class:`~logicrm_edu.grading.chart_description.
ChartDescription`: the bars (vertical, one per cause, named by the tick labels under
them) and a cumulative line (percent, fraction or running count, drawn on any axes,
with or without a starting 0).  The line is judged against the student's own bars, so a
line that follows unsorted bars loses nothing twice.  Follow-through: the VIP
complaints are also right for the VIPs of the student's own pyramid.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from ...grading.answers import NotReadable
from ...grading.chart_description import ChartDescription
from ..cells import key_text
from ..verdict import Mistake, Verdict
from .parts import FOLLOWED, part, step_verdict
from .pyramid import student_tiers
from .reference import Pyramid, Reference, pyramid_codes, ranking_values
from .table import as_table, find

WEIGHTS = {"bars": 0.4, "line": 0.2, "vip": 0.4}


def check_complaints(chart, vip, reference: Reference, settings: Pyramid,
                     weights: dict | None = None, own_pyramid=None) -> Verdict:
    """Step 5's verdict: the chart's bars and line, and the VIP complaints, by parts."""
    weights = {**WEIGHTS, **(weights or {})}
    total = sum(weights.values())
    share = {k: v / total for k, v in weights.items()}
    return step_verdict("step5", [
        part("bars", share["bars"], lambda: _bars(chart, reference)),
        part("line", share["line"], lambda: _line(chart)),
        part("vip", share["vip"], lambda: _vip(vip, reference, settings, own_pyramid)),
    ], praise="retention.ok.step5")


def cause_counts(reference: Reference) -> dict[str, int]:
    causes = reference.complaint_orders()["cause"]
    return {str(k): int(v) for k, v in causes.value_counts().items()}


def _chart(chart) -> ChartDescription:
    if chart is None:
        raise Mistake("retention.no_answer", name="ax")
    if not isinstance(chart, ChartDescription):
        got = chart.type_name if isinstance(chart, NotReadable) else type(chart).__name__
        raise Mistake("retention.not_a_chart", got=got)
    return chart


def chart_bars(chart) -> list[tuple[str, float]]:
    """(label, height) of each bar of the axes with the most bars, left to right."""
    axes = max(_chart(chart).axes, key=lambda a: len(_visible_bars(a)), default=None)
    bars = _visible_bars(axes) if axes is not None else []
    if not bars:
        raise Mistake("retention.pareto_no_bars")
    out = []
    for bar in sorted(bars, key=lambda b: b.x):
        centre = bar.x + bar.width / 2
        near = [t for t in axes.xticks if abs(t.position - centre) <= abs(bar.width) / 2]
        label = min(near, key=lambda t: abs(t.position - centre)).text.strip() if near else ""
        out.append((label, bar.height))
    return out


def _visible_bars(axes):
    return [b for b in axes.bars if b.visible and b.orientation != "horizontal" and b.height != 0]


def _bars(chart, reference: Reference) -> None:
    counts = cause_counts(reference)
    bars = chart_bars(chart)
    labels = [label for label, _ in bars]
    if len(bars) != len(counts):
        raise Mistake("retention.pareto_bars_count", n=len(bars), causes=len(counts))
    if set(labels) != set(counts):
        raise Mistake("retention.pareto_labels", causes=sorted(counts, key=counts.get,
                                                               reverse=True))
    heights = np.array([h for _, h in bars], dtype=float)
    want = np.array([counts[label] for label in labels], dtype=float)
    scale = heights.sum() / want.sum()  # counts, shares in % or as fractions
    if not any(np.allclose(heights, want * s, rtol=1e-3, atol=1e-9) for s in (1, scale)):
        raise Mistake("retention.pareto_counts_wrong")
    if (np.diff(want) > 0).any():
        raise Mistake("retention.pareto_unsorted")


def _line(chart) -> None:
    heights = np.array([h for _, h in chart_bars(chart)], dtype=float)
    running = np.cumsum(heights)
    targets = (running * 100 / running[-1], running / running[-1], running)
    lines = [line for axes in _chart(chart).axes for line in axes.lines if line.visible]
    if not lines:
        raise Mistake("retention.pareto_no_line")
    for line in lines:
        y = np.array(line.y, dtype=float)
        if len(y) == len(heights) + 1 and y[0] == 0:
            y = y[1:]
        if len(y) != len(heights):
            continue
        for target, tolerance in zip(targets, (0.5, 0.005, 1e-6 * running[-1])):
            if np.allclose(y, target, rtol=0, atol=tolerance):
                return
    raise Mistake("retention.pareto_line_wrong")


def _vip(answer, reference: Reference, settings: Pyramid, own_pyramid) -> str | None:
    # no VIP complained: an empty table is the right answer
    empty = isinstance(answer, pd.DataFrame) and answer.empty
    table = answer if empty else as_table(answer, "vip_complaints")
    column = find(table, "order")
    ids = {key_text(x) for x in (table[column] if column is not None else table.index).tolist()}
    complaints = reference.complaint_orders()
    if ids and not ids & set(complaints["order"]) and column is None:
        raise Mistake("retention.missing_column", name="vip_complaints", column="订单号")
    right = pyramid_codes(ranking_values(reference, settings.rank_by), settings)
    own = student_tiers(own_pyramid, reference, settings)
    position = {k: i for i, k in enumerate(reference.keys)}
    tiers_of = [t for t in (right, own) if t is not None]
    for n, tiers in enumerate(tiers_of):
        wanted = {o for o, c in zip(complaints["order"], complaints["customer"])
                  if tiers[position[c]] == 0}
        if ids == wanted:
            return FOLLOWED if n and (own != right).any() else None
    wanted = {o for o, c in zip(complaints["order"], complaints["customer"])
              if right[position[c]] == 0}
    if ids - set(complaints["order"]):
        raise Mistake("retention.vip_includes_no_complaint")
    if ids > wanted:
        raise Mistake("retention.vip_not_filtered")
    raise Mistake("retention.vip_missing", n=len(wanted - ids))
