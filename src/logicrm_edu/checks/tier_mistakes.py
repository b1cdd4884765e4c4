"""Recognising wrong tiers by re-tiering the trusted data under the rules students mix up.

Candidates, in order: the labels upside down; the other boundary rules
(le / lt / cross) and tie rules (same / order) of the required scheme; tiers
computed on the unsorted or ascending data; other common schemes (cut-offs
70/90, 80/90, ...; count-rank pyramids 5/20, 20/50, ...).  The student's
classes are compared with each; the first match names the mistake.
"""
from __future__ import annotations

import numpy as np

from ..errors import SchemeError
from ..tiering import BOUNDARIES, ROUNDINGS, TIES
from .rows import StudentRows
from .scheme import Scheme
from .verdict import Mistake, Phrase

CUMULATIVE_PRESETS = ((70, 90), (80, 90), (70, 95), (80, 95), (75, 95), (60, 90), (70, 80),
                      (80, 100), (50, 80), (80,), (70,), (90,))
RANK_PRESETS = ((5, 20), (20, 50), (10, 30), (20, 40), (10, 20), (20, 80), (20, 30), (20,),
                (1, 5, 20), (5, 20, 50))


class TierCandidates:
    """Classes per student row under other schemes, in the student's own order among ties."""

    def __init__(self, rows: StudentRows, scheme: Scheme):
        self.rows = rows
        self.scheme = scheme
        values = rows.trusted_values()
        self.order = np.argsort(-values, kind="stable")
        self.sorted_values = values[self.order]

    def along_student_order(self, scheme: Scheme) -> np.ndarray:
        return self._per_row(scheme.codes(self.sorted_values))

    def expected(self) -> np.ndarray:
        return self.along_student_order(self.scheme)

    def _per_row(self, sorted_codes: np.ndarray) -> np.ndarray:
        out = np.empty(len(sorted_codes), dtype=np.int64)
        out[self.order] = sorted_codes
        return out

    def in_order(self, data_order: np.ndarray) -> np.ndarray:
        """Tiers if the customers were taken in ``data_order`` (data positions)."""
        ref = self.rows.ref
        codes = self.scheme.codes(ref.values_data[data_order])
        by_customer = np.empty(ref.n, dtype=np.int64)
        by_customer[data_order] = codes
        return by_customer[self.rows.positions]


def diagnose_tiers(got: np.ndarray, rows: StudentRows, scheme: Scheme) -> None:
    """Raise the Mistake that explains the student's classes ``got`` (codes per row)."""
    cand = TierCandidates(rows, scheme)
    expected = cand.expected()
    labels = scheme.tier_labels

    def matches(codes) -> bool:
        return np.array_equal(got, codes) and not np.array_equal(codes, expected)

    top = len(labels) - 1
    if top and matches(top - expected):
        raise Mistake("checks.labels_reversed", top=labels[0], bottom=labels[-1])

    boundaries = [scheme.boundary] + [b for b in BOUNDARIES if b != scheme.boundary] \
        if scheme.by == "cumulative" else [scheme.boundary]
    ties = [scheme.ties] + [t for t in TIES if t != scheme.ties]
    for boundary in boundaries:
        for tie in ties:
            if (boundary, tie) == (scheme.boundary, scheme.ties):
                continue
            codes = cand.along_student_order(scheme.replace(boundary=boundary, ties=tie))
            if not matches(codes):
                continue
            if boundary != scheme.boundary:
                row = _first_difference(got, expected, cand.order)
                raise Mistake("checks.boundary_rule", customer=rows.customer(row),
                              got=labels[got[row]], expected=labels[expected[row]],
                              used=Phrase(f"checks.rule.boundary.{boundary}"),
                              required=Phrase(f"checks.rule.boundary.{scheme.boundary}"),
                              cuts=list(scheme.cuts))
            group = _tie_group(got, expected, cand)
            raise Mistake("checks.tie_rule", customers=[rows.customer(r) for r in group],
                          value=float(rows.trusted_values()[group[0]]), column=rows.ref.value,
                          classes=[labels[got[r]] for r in group],
                          used=Phrase(f"checks.rule.ties.{tie}"),
                          required=Phrase(f"checks.rule.ties.{scheme.ties}"))

    n = rows.ref.n
    if matches(cand.in_order(np.arange(n))):
        raise Mistake("checks.tiers_unsorted", column=rows.ref.value)
    if matches(cand.in_order(np.argsort(rows.ref.values_data, kind="stable"))):
        raise Mistake("checks.sorted_ascending", column=rows.ref.value)

    for other in _presets(scheme):
        if matches(cand.along_student_order(other)):
            if other.by == scheme.by:
                raise Mistake("checks.wrong_cuts", used=list(other.cuts),
                              required=list(scheme.cuts), scheme=scheme.describe())
            raise Mistake("checks.wrong_scheme", used=other.describe(), required=scheme.describe())

    row = _first_difference(got, expected, cand.order)
    raise Mistake("checks.wrong_tiers", customer=rows.customer(row), got=labels[got[row]],
                  expected=labels[expected[row]], scheme=scheme.describe())


def _presets(scheme: Scheme):
    """Other schemes with the same number of classes that students might have used."""
    n_cuts = len(scheme.cuts)
    options = [dict(by="cumulative", cuts=c) for c in CUMULATIVE_PRESETS]
    options += [dict(by="rank", cuts=c, rounding=r) for c in RANK_PRESETS + (scheme.cuts,)
                for r in ROUNDINGS]
    options += [dict(by="count", cuts=scheme.cuts)]
    seen = set()
    for option in options:
        if len(option["cuts"]) != n_cuts:
            continue
        try:
            other = scheme.replace(**option)
        except SchemeError:
            continue
        if other == scheme or other in seen:
            continue
        seen.add(other)
        yield other


def _first_difference(got, expected, order) -> int:
    """The student's row of the first wrong class, going from the top customer down."""
    for row in order:
        if got[row] != expected[row]:
            return int(row)
    return int(order[0])


def _tie_group(got, expected, cand: TierCandidates) -> list[int]:
    """Rows of the tied customers whose classes differ from the required ones."""
    row = _first_difference(got, expected, cand.order)
    values = cand.rows.trusted_values()
    same = np.flatnonzero(values == values[row])
    return [int(r) for r in cand.order if r in set(same.tolist())]
