"""Recognising the typical wrong share tables by recomputing them from the trusted data.

Each ``diagnose_*`` function is called only when a column is not right.  It
recomputes the wrong answers students typically produce (the share as a
fraction, a cumulative sum over the unsorted column, a cumulative sum of
rounded shares, a wrong denominator, ...) and raises the :class:`Mistake`
whose recomputation the student's column matches; otherwise a plain "this
value is wrong" naming the first wrong customer.
"""
from __future__ import annotations

import numpy as np

from ..exact import scaled_integers
from .rows import StudentRows, column_phrase
from .tolerance import AMOUNT, PERCENT, all_close, first_wrong, round_half_up
from .verdict import Mistake, Phrase

FRACTION = PERCENT / 100
"""allowed error of a share written as a fraction (0.37)"""
_SHARE_DECIMALS = (0, 1, 2)


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


# -- share (比重) ----------------------------------------------------------------

def diagnose_share(got: np.ndarray, rows: StudentRows) -> None:
    ref = rows.ref
    exact = ref.share_data[rows.positions]
    column = column_phrase("share", ref)
    if all_close(got, exact / 100, FRACTION):
        raise _mistake(rows, "checks.share_as_fraction", column=column,
                       example=_example(got, exact))
    if _rounded_whole(got, exact):
        raise _mistake(rows, "checks.rounded_too_coarse", column=column,
                       example=_example(got, exact))
    values = rows.trusted_values()
    if all_close(got, _percent(values, np.cumsum(values))):
        raise _mistake(rows, "checks.wrong_denominator", column=column, total=ref.total,
                       used=Phrase("checks.denominator.running"))
    denominator = infer_denominator(got, values)
    if denominator is not None:
        raise _mistake(rows, "checks.wrong_denominator", column=column, total=ref.total,
                       used=name_denominator(denominator, rows))
    bad = first_wrong(got, exact)
    raise _mistake(rows, "checks.wrong_share", column=column, customer=rows.customer(bad),
                   got=float(got[bad]), expected=float(exact[bad]))


# -- cumulative value (累计营业收入) ------------------------------------------------

def diagnose_cumulative(got: np.ndarray, rows: StudentRows) -> None:
    ref = rows.ref
    column = column_phrase("cumulative", ref)
    for running, _ in _unsorted_candidates(rows):
        if all_close(got, running, AMOUNT):
            raise _mistake(rows, "checks.cumulative_unsorted", column=column)
    if all_close(got, rows.trusted_values(), AMOUNT):
        raise _mistake(rows, "checks.not_accumulated", column=column)
    expected = ref.sorted_cumulative
    bad = first_wrong(got, expected, AMOUNT)
    raise _mistake(rows, "checks.wrong_cumulative", column=column, customer=rows.customer(bad),
                   position=bad + 1, got=float(got[bad]), expected=float(expected[bad]))


# -- cumulative share (累计比重) -----------------------------------------------------

def diagnose_cumulative_share(got: np.ndarray, rows: StudentRows,
                              student_share: np.ndarray | None) -> None:
    ref = rows.ref
    expected = ref.sorted_cumulative_share
    column = column_phrase("cumulative_share", ref)
    if all_close(got, expected / 100, FRACTION):
        raise _mistake(rows, "checks.share_as_fraction", column=column,
                       example=_example(got, expected))
    for _, running_share in _unsorted_candidates(rows):
        if all_close(got, running_share):
            raise _mistake(rows, "checks.cumulative_unsorted", column=column)
    for candidate in _rounded_cumsums(rows, student_share):
        if all_close(got, candidate):
            raise _mistake(rows, "checks.rounding_before_cumsum", column=column,
                           position=len(got), got=float(got[-1]))
    if _rounded_whole(got, expected):
        raise _mistake(rows, "checks.rounded_too_coarse", column=column,
                       example=_example(got, expected))
    if all_close(got, ref.share_data[rows.positions]):
        raise _mistake(rows, "checks.not_accumulated", column=column)
    denominator = infer_denominator(got, ref.sorted_cumulative)
    if denominator is not None:
        raise _mistake(rows, "checks.wrong_denominator", column=column, total=ref.total,
                       used=name_denominator(denominator, rows))
    bad = first_wrong(got, expected)
    if bad == len(got) - 1:
        raise _mistake(rows, "checks.cumulative_not_100", column=column, got=float(got[-1]))
    raise _mistake(rows, "checks.wrong_cumulative_share", column=column,
                   customer=rows.customer(bad), position=bad + 1, got=float(got[bad]),
                   expected=float(expected[bad]))


def _mistake(rows: StudentRows, key: str, **fields) -> Mistake:
    """A Mistake that also names the indicator (营业收入) for the hint."""
    return Mistake(key, value=rows.ref.value, **fields)


# -- recomputed wrong answers ---------------------------------------------------------

def _unsorted_candidates(rows: StudentRows):
    """Running totals and shares computed in the data's order or in ascending order,
    each put back on its customer and read in the student's row order."""
    ref = rows.ref
    n = ref.n
    for order in (np.arange(n), np.argsort(ref.values_data, kind="stable")):
        running, share = ref.cumulative_in(order)
        by_customer_running = np.empty(n)
        by_customer_share = np.empty(n)
        by_customer_running[order] = running
        by_customer_share[order] = share
        yield by_customer_running[rows.positions], by_customer_share[rows.positions]


def _rounded_cumsums(rows: StudentRows, student_share: np.ndarray | None):
    exact = rows.ref.share_data[rows.positions]
    for decimals in _SHARE_DECIMALS:
        yield np.cumsum(round_half_up(exact, decimals))
        yield np.cumsum(np.round(exact, decimals))
    if student_share is not None and not np.array_equal(student_share, exact):
        yield np.cumsum(student_share)


def _rounded_whole(got: np.ndarray, exact: np.ndarray) -> bool:
    whole = np.isclose(got, np.round(got), atol=1e-9).all()
    return bool(whole and (all_close(got, round_half_up(exact, 0), 1e-6)
                           or all_close(got, np.round(exact), 1e-6)))


def _percent(parts: np.ndarray, denominators) -> np.ndarray:
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(np.asarray(denominators) != 0, parts * 100 / denominators, np.nan)


def _example(got: np.ndarray, expected: np.ndarray) -> Phrase:
    """The row where the student's number is furthest from the right one."""
    i = int(np.argmax(np.abs(got - expected)))
    return Phrase("checks.example", {"got": float(got[i]), "expected": float(expected[i])})


def infer_denominator(got_percent: np.ndarray, parts: np.ndarray) -> float | None:
    """The single number D with ``got ≈ parts / D × 100`` for every row, if there is one."""
    usable = (np.abs(got_percent) > 1e-12) & (parts != 0) & np.isfinite(got_percent)
    if not usable.any():
        return None
    i = int(np.argmax(np.where(usable, np.abs(got_percent), -1)))
    denominator = parts[i] * 100 / got_percent[i]
    if not np.isfinite(denominator) or denominator == 0:
        return None
    predicted = parts * 100 / denominator
    tol = PERCENT if np.abs(got_percent).max() > 1.5 else FRACTION
    return float(denominator) if all_close(got_percent, predicted, tol) else None


def name_denominator(denominator: float, rows: StudentRows) -> Phrase:
    """Say what the student divided by: the largest value, the count, the mean, a part."""
    ref = rows.ref
    values = ref.values_data

    def near(x) -> bool:
        return abs(denominator - x) <= 0.005 * abs(x) + 1e-9

    if near(ref.total * 100):
        return Phrase("checks.denominator.fraction", {"value": ref.total})
    if near(values.max()):
        return Phrase("checks.denominator.max", {"value": float(values.max())})
    if near(ref.n):
        return Phrase("checks.denominator.count", {"value": ref.n})
    if near(ref.total / ref.n):
        return Phrase("checks.denominator.mean", {"value": ref.total / ref.n})
    units, decimals = scaled_integers(values)
    partial = np.concatenate([np.cumsum(units[ref.order])[:-1], np.cumsum(units)[:-1],
                              units.sum() - units]).astype(np.float64) / 10**decimals
    if len(partial):
        nearest = float(partial[np.argmin(np.abs(partial - denominator))])
        if near(nearest):
            return Phrase("checks.denominator.partial", {"value": nearest, "n": ref.n})
    return Phrase("checks.denominator.other", {"value": denominator})
