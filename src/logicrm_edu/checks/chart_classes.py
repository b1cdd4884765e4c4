"""The class codes on the chart: every customer's class visible, and right.

Read per customer (:mod:`.chart_marks`): a code in the tick label, in a text or
annotation at the customer's x, or the bar's colour with a legend.  A chart
with many customers may instead write one code per class over its customers
(the library's chart above 40 customers): each such code must stand over
customers of its class.  Codes are compared with the classes of the customers
as drawn: by position when the chart is sorted (so tie rules apply as in the
table), by customer otherwise.  Codes equal to the student's own class column
follow their table.
"""
from __future__ import annotations

import numpy as np

from ..grading.chart_description import ChartDescription
from .chart_marks import (class_marks, classes_at, colour_classes, grouped_like,
                          named_customers, nearest_position)
from .chart_parts import Finding
from .own_table import OwnTable
from .reference import Reference
from .scheme import Scheme
from .verdict import Mistake


def judge_classes(chart: ChartDescription, positions: np.ndarray | None, colors,
                  drawn: np.ndarray, ref: Reference, scheme: Scheme,
                  own: OwnTable | None) -> Finding:
    """``positions``: the customers' x (None when unknown); ``colors``: their bars'
    colours (None without bars); ``drawn``: data positions of the customers drawn."""
    labels = scheme.tier_labels
    expected = _expected_classes(ref, scheme, drawn)
    own_expected = own.classes[drawn] if own is not None and own.classes is not None else None
    needed = sorted(set(expected.tolist()))
    marks = class_marks(chart, labels)
    if positions is None or len(positions) != ref.n:  # no customer to hold a code against
        if set(needed) <= {code for _, code in marks}:
            return Finding()
        return Finding(mistake=_not_shown(labels, needed))
    shown = classes_at(marks, positions)
    if shown is None and colors is not None:
        shown = colour_classes(chart, colors, labels)
    if shown is not None:
        return _compare(list(enumerate(shown.tolist())), expected, own_expected, labels)
    spans = [(nearest_position(x, positions), code) for x, code in marks]
    if set(needed) <= {code for _, code in spans}:
        return _compare(spans, expected, own_expected, labels)
    if colors is not None and (grouped_like(colors, expected) or (
            own_expected is not None and grouped_like(colors, own_expected))):
        return Finding(mistake=Mistake("checks.chart_classes_no_legend",
                                       labels=[labels[c] for c in needed]))
    return Finding(mistake=_not_shown(labels, needed))


def _expected_classes(ref: Reference, scheme: Scheme, drawn: np.ndarray) -> np.ndarray:
    """The right class at each position: by position when the customers drawn are sorted
    (tied customers then class as the scheme's tie rule says), else by customer."""
    values = ref.values_data[drawn]
    if np.all(np.diff(values) <= 0):
        return scheme.codes(values)
    by_customer = np.empty(ref.n, dtype=np.int64)
    by_customer[ref.order] = scheme.codes(ref.sorted_values)
    return by_customer[drawn]


def customers_on_line(chart: ChartDescription, positions: np.ndarray | None, ref: Reference,
                      own: OwnTable | None, followed: bool) -> np.ndarray:
    """The customers a chart without bars draws, left to right: the student's own rows for
    a line that follows their table, the customers the tick labels name when that order
    is sorted or the student's own, else the sorted customers."""
    if followed:
        return own.positions
    named = named_customers(chart, positions, ref) if positions is not None else None
    if named is not None and (np.all(np.diff(ref.values_data[named]) <= 0) or (
            own is not None and np.array_equal(named, own.positions))):
        return named
    return ref.order


def _compare(shown: list[tuple[int, int]], expected: np.ndarray, own_expected,
             labels) -> Finding:
    """``shown``: (position, code) of every code written."""
    if all(expected[p] == code for p, code in shown):
        return Finding()
    if own_expected is not None and all(own_expected[p] == code for p, code in shown):
        return Finding(followed=True)
    position, code = next((p, c) for p, c in shown if expected[p] != c)
    return Finding(mistake=Mistake("checks.chart_wrong_classes", position=position + 1,
                                   got=labels[code], expected=labels[expected[position]]))


def _not_shown(labels, needed) -> Mistake:
    return Mistake("checks.chart_no_classes", labels=[labels[c] for c in needed])
