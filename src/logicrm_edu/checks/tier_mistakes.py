"""Recognising wrong classes by re-tiering under the rules and tables students mix up.

The student's classes are judged on their own table when they hand one in
(its 累计比重 column, its row order, its values: :mod:`.own_tiers`), else on
the right table.  Candidates, in order — a candidate counts only if it gives
exactly the student's classes:

1. the labels upside down;
2. the other boundary rules (le / lt / cross) and tie rules (same / order) of
   the required scheme; a tie group classed like its first row where the
   table's cumulative share does not rise row by row (the ``groupby(...)
   .transform("first")`` fix on a cumulative share computed before sorting:
   a step-3 cause);
3. without a table of their own: the typical wrong share tables of step 3
   (accumulated before sorting or in ascending order, fractions, rounded,
   not accumulated), tiered by the scheme — the classes show a step-3 cause;
4. other common schemes (cut-offs 70/90, 80/90, ...; pyramids 5/20, 20/50, ...).
"""
from __future__ import annotations

import numpy as np

from ..errors import SchemeError
from ..exact import scaled_integers
from ..tiering import BOUNDARIES, ROUNDINGS, TIES
from .own_tiers import FIRST, Basis, classes, own_basis
from .rows import StudentRows, column_phrase
from .scheme import Scheme
from .table_mistakes import mistake_facts
from .verdict import Mistake, Phrase
from .wrong_tables import WrongTable, wrong_tables

CUMULATIVE_PRESETS = ((70, 90), (80, 90), (70, 95), (80, 95), (75, 95), (60, 90), (70, 80),
                      (80, 100), (50, 80), (80,), (70,), (90,))
RANK_PRESETS = ((5, 20), (20, 50), (10, 30), (20, 40), (10, 20), (20, 80), (20, 30), (20,),
                (1, 5, 20), (5, 20, 50))


def right_basis(rows: StudentRows) -> Basis:
    """The right table under the student's rows: sorted high → low, tied customers in
    the student's own order, cumulative shares in exact integers."""
    values = rows.trusted_values()
    units, _ = scaled_integers(rows.ref.values_data)
    order = np.argsort(-values, kind="stable")
    place = np.empty(len(values), dtype=np.int64)
    place[order] = np.arange(len(values))
    running = np.cumsum(units[rows.positions][order])[place]
    return Basis(values, place, running, running - units[rows.positions], units.sum())


def right_tiers(rows: StudentRows, scheme: Scheme) -> np.ndarray:
    """The right classes (codes per row), tied customers in the student's order."""
    return classes(right_basis(rows), scheme)


def diagnose_tiers(got: np.ndarray, rows: StudentRows, scheme: Scheme) -> None:
    """Raise the Mistake that explains the student's classes ``got`` (codes per row)."""
    own = own_basis(rows, scheme)
    basis = own if own is not None else right_basis(rows)
    expected = classes(basis, scheme)
    labels = scheme.tier_labels
    down = np.argsort(basis.place, kind="stable")  # from the top customer down

    def matches(codes) -> bool:
        return codes is not None and np.array_equal(got, codes) \
            and not np.array_equal(codes, expected)

    top = len(labels) - 1
    if top and matches(top - expected):
        raise Mistake("checks.labels_reversed", top=labels[0], bottom=labels[-1])

    for other, ties in _rule_variants(scheme):
        if not matches(classes(basis, other, ties)):
            continue
        if ties == FIRST:
            raise Mistake("checks.tiers_unsorted", column=rows.ref.value)
        if other.boundary != scheme.boundary:
            row = _first_difference(got, expected, down)
            raise Mistake("checks.boundary_rule", customer=rows.customer(row),
                          got=labels[got[row]], expected=labels[expected[row]],
                          used=Phrase(f"checks.rule.boundary.{other.boundary}"),
                          required=Phrase(f"checks.rule.boundary.{scheme.boundary}"),
                          cuts=list(scheme.cuts))
        group = _tie_group(got, expected, rows, down)
        raise Mistake("checks.tie_rule", customers=[rows.customer(r) for r in group],
                      value=float(rows.trusted_values()[group[0]]), column=rows.ref.value,
                      classes=[labels[got[r]] for r in group],
                      used=Phrase(f"checks.rule.ties.{ties}"),
                      required=Phrase(f"checks.rule.ties.{scheme.ties}"))

    if own is None:
        for way, wrong, table in _wrong_table_bases(rows, scheme):
            if any(matches(classes(table, scheme, ties)) for ties in (scheme.ties, "order", FIRST)):
                raise _step3_cause(rows, way, wrong)

    for other in _presets(scheme):
        if matches(classes(basis, other)):
            if other.by == scheme.by:
                raise Mistake("checks.wrong_cuts", used=list(other.cuts),
                              required=list(scheme.cuts), scheme=scheme.describe())
            raise Mistake("checks.wrong_scheme", used=other.describe(), required=scheme.describe())

    row = _first_difference(got, expected, down)
    raise Mistake("checks.wrong_tiers", customer=rows.customer(row), got=labels[got[row]],
                  expected=labels[expected[row]], scheme=scheme.describe())


def _rule_variants(scheme: Scheme):
    """(scheme, tie treatment) pairs for the rules of ``scheme`` a student may have
    swapped: its own boundary first; "first" only where "same" is required."""
    boundaries = [scheme.boundary] + [b for b in BOUNDARIES if b != scheme.boundary] \
        if scheme.by == "cumulative" else [scheme.boundary]
    ties = [scheme.ties] + [t for t in TIES if t != scheme.ties]
    for boundary in boundaries:
        for tie in ties:
            if (boundary, tie) != (scheme.boundary, scheme.ties):
                yield scheme.replace(boundary=boundary, ties=tie), tie
    if scheme.ties == "same":
        yield scheme, FIRST


def _wrong_table_bases(rows: StudentRows, scheme: Scheme):
    """(way, its WrongTable or None, basis) for each typical wrong share table of step 3
    under the student's rows (rank schemes read only its order)."""
    ref = rows.ref
    values = rows.trusted_values()
    right = right_basis(rows)
    down = np.argsort(right.place, kind="stable")
    if scheme.by in ("rank", "count"):
        for way, order in (("unsorted.data", np.arange(ref.n)),
                           ("unsorted.ascending", np.argsort(ref.values_data, kind="stable"))):
            place_of = np.empty(ref.n, dtype=np.int64)
            place_of[order] = np.arange(ref.n)
            yield way, None, Basis(values, place_of[rows.positions])
        return
    if scheme.by != "cumulative":
        return
    for wrong in wrong_tables(ref, rows.positions[down]):
        if "cumulative_share" not in wrong.made:
            continue
        running = wrong.made["cumulative_share"]
        share = wrong.made.get("share", ref.share_data[rows.positions[down]])
        # back from the sorted arrangement to the student's rows
        yield wrong.way, wrong, Basis.from_percentages(values, right.place,
                                                       running[right.place],
                                                       (running - share)[right.place])


def _step3_cause(rows: StudentRows, way: str, wrong: WrongTable | None) -> Mistake:
    """The step-4 mistake naming the step-3 cause (``way``) that the classes show."""
    if way == "unsorted.data":
        return Mistake("checks.tiers_unsorted", column=rows.ref.value)
    if way == "unsorted.ascending":  # a table sorted low → high, accumulated that way
        key, facts = "checks.sorted_ascending", {"column": rows.ref.value}
    else:
        shown = [r for r in ("share", "cumulative_share") if r in wrong.made]
        key, facts = wrong.mistake, mistake_facts(_sorted_rows(rows), wrong, shown, wrong.made)
    return Mistake("checks.tiers_from_wrong_table",
                   column=column_phrase("cumulative_share", rows.ref),
                   cause=Phrase(key, facts), fix=Phrase(f"{key}.hint", facts))


def _sorted_rows(rows: StudentRows) -> StudentRows:
    """The student's rows rearranged high → low (tied customers in their order)."""
    down = np.argsort(-rows.trusted_values(), kind="stable")
    return StudentRows(frame=rows.frame.iloc[down], columns=rows.columns,
                       positions=rows.positions[down], ref=rows.ref)


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


def _first_difference(got, expected, down) -> int:
    """The student's row of the first wrong class, going from the top customer down."""
    for row in down:
        if got[row] != expected[row]:
            return int(row)
    return int(down[0])


def _tie_group(got, expected, rows: StudentRows, down) -> list[int]:
    """Rows of the tied customers whose classes differ from the required ones."""
    row = _first_difference(got, expected, down)
    values = rows.trusted_values()
    same = set(np.flatnonzero(values == values[row]).tolist())
    return [int(r) for r in down if r in same]
