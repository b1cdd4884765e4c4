"""Naming the mistake of a wrong share table: the one cause that explains all its columns.

The candidate causes are the wrong tables of :mod:`.wrong_tables`, recomputed
from the trusted data.  The rule for choosing:

1. a cause counts only if it reproduces every computed column the student
   has (比重, 累计营业收入, 累计比重 — each as the slip makes it, or right
   where the slip may have left it alone);
2. of several, the one that the student's earliest column already shows wins
   (shares divided by 740 show the denominator in 比重, before the 累计比重
   that adds them up), then the earlier in :func:`~.wrong_tables.wrong_tables`;
3. when no single cause explains the table (two mistakes), the earliest
   wrong column is explained alone, or named as plainly wrong at its first
   wrong customer.
"""
from __future__ import annotations

import numpy as np

from .rows import StudentRows, column_phrase
from .tolerance import AMOUNT, all_close, first_wrong
from .verdict import Mistake, Phrase
from .wrong_tables import FRACTION  # noqa: F401 - the chart check reads it from here
from .wrong_tables import ROLES, WrongTable, right_columns, tolerance, wrong_tables


def check_sorted(rows: StudentRows) -> None:
    """The student's rows must go from the highest value to the lowest (ties in any order)."""
    values = rows.trusted_values()
    steps = np.diff(values)
    if np.all(steps <= 0):
        return
    if np.all(steps >= 0):
        raise Mistake("checks.sorted_ascending", column=rows.ref.value)
    kept = bool(np.all(np.diff(rows.positions) > 0))
    raise Mistake("checks.not_sorted", column=rows.ref.value,
                  how=Phrase("checks.order.data" if kept else "checks.order.other"))


def check_values(rows: StudentRows) -> None:
    """The indicator column must still hold the trusted values."""
    got = rows.numbers("value")
    expected = rows.trusted_values()
    bad = first_wrong(got, expected, AMOUNT)
    if bad >= 0:
        raise Mistake("checks.values_changed", column=rows.ref.value, customer=rows.customer(bad),
                      got=float(got[bad]), expected=float(expected[bad]))


def diagnose_columns(rows: StudentRows, roles) -> None:
    """Raise the mistake of the computed columns ``roles`` (rows already sorted), if any."""
    got = {role: rows.numbers(role) for role in ROLES if role in roles}
    right = right_columns(rows.ref, rows.positions)
    wrong = [r for r in got if not all_close(got[r], right[r], tolerance(r))]
    if not wrong:
        return
    ways = wrong_tables(rows.ref, rows.positions, got)
    whole = [w for w in ways if all(w.fits(r, got[r], right[r]) for r in got)]
    shown = [(_first_shown(w, got, right), i) for i, w in enumerate(whole)]
    shown = [(place, i) for place, i in shown if place is not None]
    if shown:
        way = whole[min(shown)[1]]
        raise _mistake(rows, way, [r for r in got if way.shows(r, got[r], right[r])], got)
    first = wrong[0]
    for way in ways:
        if way.fits(first, got[first], right[first]) and way.shows(first, got[first],
                                                                    right[first]):
            raise _mistake(rows, way, [first], got)
    raise _plainly_wrong(rows, first, got[first], right[first])


def table_mistake(rows: StudentRows) -> Mistake | None:
    """The step-3 mistake the student's table shows in the columns it has (None if right)."""
    try:
        if "value" in rows.columns:
            check_values(rows)
        check_sorted(rows)
        diagnose_columns(rows, [r for r in ROLES if r in rows.columns])
    except Mistake as found:
        return found
    return None


def _first_shown(way: WrongTable, got: dict, right: dict) -> int | None:
    """Place (in table order) of the student's first column that shows ``way``."""
    for place, role in enumerate(got):
        if way.shows(role, got[role], right[role]):
            return place
    return None


def _mistake(rows: StudentRows, way: WrongTable, roles: list[str], got: dict) -> Mistake:
    return Mistake(way.mistake, **mistake_facts(rows, way, roles, got))


def mistake_facts(rows: StudentRows, way: WrongTable, roles: list[str], got: dict) -> dict:
    """What the message of ``way`` quotes, for the columns ``roles`` that show it
    (``got``: the student's columns, or the way's own when the student has none)."""
    ref = rows.ref
    right = right_columns(ref, rows.positions)
    facts = dict(way.fields, value=ref.value)
    if way.mistake == "checks.rounding_before_cumsum":  # the pile-up shows in 累计比重
        running = got.get("cumulative_share", way.made["cumulative_share"])
        return dict(facts, column=column_phrase("cumulative_share", ref), position=len(running),
                    got=float(running[-1]))
    facts["column"] = [column_phrase(role, ref) for role in roles]
    if way.mistake in ("checks.share_as_fraction", "checks.rounded_too_coarse"):
        facts["example"] = _example(got[roles[0]], right[roles[0]])
    if way.mistake == "checks.wrong_denominator":
        facts["total"] = ref.total
    return facts


def _plainly_wrong(rows: StudentRows, role: str, got: np.ndarray, right: np.ndarray) -> Mistake:
    """A column no typical mistake explains, named at its first wrong customer."""
    column = column_phrase(role, rows.ref)
    bad = first_wrong(got, right, tolerance(role))
    facts = dict(value=rows.ref.value, column=column, customer=rows.customer(bad),
                 got=float(got[bad]), expected=float(right[bad]))
    if role == "share":
        return Mistake("checks.wrong_share", **facts)
    if role == "cumulative_share" and bad == len(got) - 1:
        return Mistake("checks.cumulative_not_100", value=rows.ref.value, column=column,
                       got=float(got[-1]))
    key = "checks.wrong_cumulative" if role == "cumulative" else "checks.wrong_cumulative_share"
    return Mistake(key, position=bad + 1, **facts)


def _example(got: np.ndarray, expected: np.ndarray) -> Phrase:
    """The row where the student's number is furthest from the right one."""
    i = int(np.argmax(np.abs(got - expected)))
    return Phrase("checks.example", {"got": float(got[i]), "expected": float(expected[i])})
