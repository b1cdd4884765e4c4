"""Step 5: the chart of sorted weighted scores, with the selection line and the classes.

Marked by parts (``weights``, default bars 1, line 1, classes 0.5, labels 0.5):

- ``bars``: one bar per prospect, the weighted scores from high to low (0–1 or 0–100,
  the right scores or the student's own step-3 scores);
- ``line``: the selection line between the last prospect of the pyramid's top (关键
  and 主要 places, the vetoed ones included) and the next one: a vertical line
  (``axvline``) between their bars, or a horizontal one (``axhline``) at a score
  above the next one's and not above the last selected one's;
- ``classes``: each bar's class shown, by tick label, by a text over the bar, or by
  one colour per class with a legend naming the classes (the right classes or the
  student's own step-4 ones);
- ``labels``: a title and both axis labels.

The chart reaches the grader as a :class:`~logicrm_edu.grading.chart_description.
ChartDescription`; its bars are matched to prospects by their order.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from ...grading.chart_description import ChartDescription
from ..answer_kind import refuse_unread, type_name
from ..verdict import Mistake, Part, Verdict, judged
from .answer_table import read_table
from .classes import label_codes, own_bases
from .reference import right_scores
from .rule import EXCLUDED, KEY, MAJOR, SelectionRule, class_codes
from .scores import TOLERANCE

WEIGHTS = {"bars": 1.0, "line": 1.0, "classes": 0.5, "labels": 0.5}


@judged("step5")
def check_chart(chart, data: pd.DataFrame, rule: SelectionRule, weights: dict | None = None,
                own_scored=None, own_selected=None) -> Verdict:
    refuse_unread(chart)
    if not isinstance(chart, ChartDescription):
        raise Mistake("selection.not_a_chart", got=type_name(chart))
    weights = {k: float(v) for k, v in (weights or WEIGHTS).items() if float(v) > 0}
    total = sum(weights.values())
    axes = max(chart.axes, key=lambda a: sum(b.visible for b in a.bars), default=None)
    bars = sorted((b for b in (axes.bars if axes else ()) if b.visible), key=lambda b: b.center)
    excluded = rule.excluded(data)
    bases = [right_scores(data, rule)] + own_bases(own_scored, data)[:1]
    heights = np.array([b.height for b in bars])
    basis, bars_mistake = _bars(heights, bases)
    order = _shown(heights, basis)  # bar i (left to right) shows prospect order[i]
    centers = (np.array([b.center for b in bars]) if len(bars) == len(basis)
               else np.arange(len(basis), dtype=float))
    expected = [class_codes(basis, excluded, rule)[order]]
    own = _own_classes(own_selected, data, rule)
    if own is not None:
        expected.append(own[order])
    tops = {int(np.isin(class_codes(basis, excluded, rule, veto=False), (KEY, MAJOR)).sum())}
    tops |= _own_tops(own[np.argsort(-basis, kind="stable")]) if own is not None else set()
    judged_parts = {
        "bars": bars_mistake,
        "line": _line(axes, centers, np.sort(basis)[::-1], heights, tops),
        "classes": _classes(chart, axes, bars, centers, expected, rule),
        "labels": _labels(chart, axes),
    }
    parts = tuple(Part(name, weights[name] / total, judged_parts[name] is None, judged_parts[name])
                  for name in ("bars", "line", "classes", "labels") if name in weights)
    failed = [p for p in parts if not p.passed]
    if failed:
        return Verdict("step5", False, failed[0].mistake, {"n": len(basis)}, parts=parts)
    return Verdict("step5", True, None, {"n": len(basis)}, parts=parts,
                   praise="selection.ok.step5")


def _bars(heights: np.ndarray, bases: list[np.ndarray]) -> tuple[np.ndarray, str | None]:
    """(the scores the bars show, or the right ones; the bars' mistake or None)."""
    if not len(heights):
        return bases[0], "selection.chart.no_bars"
    for basis in bases:
        if len(basis) == len(heights):
            for scale in (1, 100):
                wanted = np.sort(basis)[::-1] * scale
                if np.all(np.abs(heights - wanted) <= TOLERANCE * scale + 1e-9):
                    return basis, None
                if np.all(np.abs(np.sort(heights)[::-1] - wanted) <= TOLERANCE * scale + 1e-9):
                    return basis, "selection.chart.bars_unsorted"
    return bases[0], "selection.chart.bars_wrong"


def _shown(heights: np.ndarray, basis: np.ndarray) -> np.ndarray:
    """The prospect each bar shows: the bars' own order of height when there is a bar per
    prospect (so unsorted bars are still matched), else the score order."""
    ranked = np.argsort(-basis, kind="stable")
    if len(heights) != len(basis):
        return ranked
    place = np.empty(len(heights), dtype=np.int64)
    place[np.argsort(-heights, kind="stable")] = np.arange(len(heights))
    return ranked[place]


def _own_tops(own_sorted: np.ndarray) -> set[int]:
    """Where the student's own classes put the selection line (prospects in score order):
    after their last 关键/主要 prospect, or after the 不开发 ones right behind it."""
    chosen = np.flatnonzero(np.isin(own_sorted, (KEY, MAJOR)))
    if not len(chosen):
        return set()
    top = int(chosen[-1]) + 1
    tops = {top}
    while top < len(own_sorted) and own_sorted[top] == EXCLUDED:
        top += 1
        tops.add(top)
    return tops


def _line(axes, centers, scores_high_first, heights, tops) -> str | None:
    """A vertical line between the bars of places top−1 and top, or a horizontal one
    between those places' scores (on the bars' scale), for one of the ``tops``."""
    if axes is None:
        return "selection.chart.no_line"
    scale = 100 if len(heights) and np.max(np.abs(heights)) > 1.5 * np.max(scores_high_first) else 1
    levels = np.sort(heights)[::-1] if len(heights) == len(centers) else scores_high_first * scale
    for top in (t for t in tops if 0 < t < len(centers)):
        for line in axes.lines:
            xs, ys = np.array(line.x), np.array(line.y)
            if not line.visible or not len(xs):
                continue
            if line.x_coords == "data" and np.ptp(xs) == 0 and centers[top - 1] < xs[0] < centers[top]:
                return None
            if line.y_coords == "data" and np.ptp(ys) == 0 and levels[top] < ys[0] <= levels[top - 1]:
                return None
    return "selection.chart.no_line"


def _classes(chart, axes, bars, centers, expected, rule) -> str | None:
    if axes is None:
        return "selection.chart.no_classes"
    names = [[_short(label)] for label in rule.labels]
    for codes in expected:
        if all(_bar_marked(axes, centers, i, names[c]) for i, c in enumerate(codes)):
            return None
        if len(bars) == len(codes) and _coloured(chart, axes, bars, codes, names):
            return None
    return "selection.chart.no_classes"


def _bar_marked(axes, centers, i, names) -> bool:
    half = (centers[1] - centers[0]) / 2 if len(centers) > 1 else 0.5
    near = [t.text for t in axes.xticks if abs(t.position - centers[i]) < half]
    near += [t.text for t in axes.texts
             if t.coords[0] == "data" and abs(t.position[0] - centers[i]) < half]
    return any(n in text for text in near for n in names)


def _coloured(chart, axes, bars, codes, names) -> bool:
    colour_of = {}
    for bar, code in zip(bars, codes):
        if colour_of.setdefault(code, bar.color) != bar.color:
            return False
    if len(set(colour_of.values())) != len(colour_of):
        return False
    entries = list(axes.legend or ()) + [e for lg in chart.legends for e in lg]
    return all(any(n in e.text for e in entries for n in names[code]) for code in colour_of)


def _labels(chart, axes) -> str | None:
    titled = bool(chart.suptitle.strip()) or any(a.title.strip() for a in chart.axes)
    if axes is None or not titled or not axes.xlabel.strip() or not (
            axes.ylabel.strip() or chart.supylabel.strip()):
        return "selection.chart.no_labels"
    return None


def _own_classes(own_selected, data, rule) -> np.ndarray | None:
    if own_selected is None:
        return None
    try:
        return label_codes(read_table(own_selected, data, ("class",)), rule)
    except Mistake:
        return None


def _short(label: str) -> str:
    """The class name as it may be shortened on a chart: 关键客户 → 关键."""
    return str(label).removesuffix("客户") or str(label)

