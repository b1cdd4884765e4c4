"""The classes a tiering scheme gives on a table as it stands (step-4 follow-through).

A :class:`Basis` is what a tiering reads, one entry per row of the student's
table: the cumulative share of each row's customer (and the share before it,
for the "cross" rule), the place the row is tiered at (rank and count
schemes) and its value (value schemes; equal values are tied).
:func:`tiers_from_own_table` builds it from the student's own columns, so a
student who tiered their own (wrong) table correctly is recognised;
:mod:`.tier_mistakes` builds others (the right table, the typical wrong ones).
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..exact import scaled_integers, share_at_most
from ..tiering import tier_codes
from .rows import StudentRows
from .scheme import Scheme
from .tolerance import AMOUNT, close
from .verdict import Mistake

FIRST = "first"
"""tie treatment beside the scheme's "same" / "order": a tie group takes the class of its
first row, as ``groupby(...).transform("first")`` does (the same as "same" on a table
whose cumulative share rises row by row)"""


@dataclass(frozen=True)
class Basis:
    """What a tiering reads, per row of the student's table; shares in exact integers."""

    values: np.ndarray
    """the indicator (value schemes read it; equal values are tied)"""
    place: np.ndarray
    """0-based place each row is tiered at (rank and count schemes)"""
    running: np.ndarray | None = None
    """cumulative share of each row's customer, as ``running / total × 100``"""
    before: np.ndarray | None = None
    """cumulative share before each row's customer, in the same units ("cross" rule)"""
    total: int = 1

    @classmethod
    def from_percentages(cls, values, place, cumulative_share, before) -> "Basis":
        """A basis from percentages written down, read as the decimals meant."""
        n = len(values)
        units, decimals = scaled_integers(np.concatenate([cumulative_share, before]))
        return cls(values, place, units[:n], units[n:], 100 * 10**decimals)


def classes(basis: Basis, scheme: Scheme, ties: str | None = None) -> np.ndarray | None:
    """Class code (0 = top) of each row under ``scheme`` (its tie rule, or ``ties``);
    None when the basis lacks what the scheme reads (a cumulative share)."""
    n = len(basis.values)
    if scheme.by == "cumulative":
        if basis.running is None:
            return None
        strict = np.zeros(n, dtype=np.int64)
        for cut in scheme.cuts:
            if scheme.boundary == "cross":
                within = share_at_most(basis.before, basis.total, cut, strict=True)
            else:
                within = share_at_most(basis.running, basis.total, cut,
                                       strict=scheme.boundary == "lt")
            strict += ~np.asarray(within, dtype=bool)
    elif scheme.by == "value":
        strict = tier_codes(basis.values, scheme.cuts, by="value", ties="order")
    else:
        by_place = tier_codes(np.zeros(n), scheme.cuts, by=scheme.by, ties="order",
                              rounding=scheme.rounding)
        strict = by_place[basis.place]
    return tied(strict, basis.values, ties or scheme.ties)


def tied(strict: np.ndarray, values: np.ndarray, ties: str) -> np.ndarray:
    """``strict`` codes with customers of equal value put together: in their best class
    ("same"), in the class of their first row ("first"), or left apart ("order")."""
    if ties == "order":
        return strict
    units, _ = scaled_integers(values)
    _, group = np.unique(units, return_inverse=True)
    group = group.ravel()
    if ties == "same":
        best = np.full(group.max() + 1, np.iinfo(np.int64).max)
        np.minimum.at(best, group, strict)
        return best[group]
    first = np.full(group.max() + 1, len(strict))
    np.minimum.at(first, group, np.arange(len(strict)))
    return strict[first[group]]


def own_basis(rows: StudentRows, scheme: Scheme) -> Basis | None:
    """The student's own table as a basis: their row order, and their 累计比重 (and
    比重, for the share before a customer) or their values (value schemes).  None
    when the table lacks that column or it cannot be read (text, blanks, a division
    by zero): a bare class list (a Series, a dict, customers and classes only) is
    not a table to follow, nor one whose indicator column is not the data's (e.g. a
    table typed in from other data)."""
    needed = "cumulative_share" if scheme.by == "cumulative" else "value"
    if needed not in rows.columns or not of_the_data(rows):
        return None
    try:
        numbers = rows.numbers(needed)
    except Mistake:
        return None
    if not np.isfinite(numbers).all():
        return None
    place = np.arange(len(numbers))
    if scheme.by == "value":
        return Basis(numbers, place)
    values = rows.trusted_values()
    if scheme.by != "cumulative":
        return Basis(values, place)
    return Basis.from_percentages(values, place, numbers, _share_before(rows, numbers))


def of_the_data(rows: StudentRows) -> bool:
    """The table is one of the data judged: its indicator column, where it has a readable
    one, holds the data's values for most customers, or all of them in another unit (a
    slip in a few cells, or 元 for 万元, is a step-3 mistake to follow through; a table
    typed in from other data is not)."""
    if "value" not in rows.columns:
        return True
    try:
        got = rows.numbers("value")
    except Mistake:
        return True
    trusted = rows.trusted_values()
    if 2 * int(close(got, trusted, AMOUNT).sum()) > len(got):
        return True
    with np.errstate(divide="ignore", invalid="ignore"):
        unit = got / trusted
    return bool(np.isfinite(unit).all() and unit[0] != 0 and np.allclose(unit, unit[0], rtol=1e-9))


def _share_before(rows: StudentRows, running_share: np.ndarray) -> np.ndarray:
    """The cumulative share before each row's customer ("cross" rule): 累计比重 − 比重,
    which holds in whatever order the student accumulated; the row above's 累计比重
    when the table has no readable 比重."""
    if "share" in rows.columns:
        try:
            before = running_share - rows.numbers("share")
        except Mistake:
            before = None
        if before is not None and np.isfinite(before).all():
            return before
    return np.concatenate([[0.0], running_share[:-1]])


def tiers_from_own_table(rows: StudentRows, scheme: Scheme,
                         ties: str | None = None) -> np.ndarray | None:
    """The classes (codes, 0 = top, per row) ``scheme`` gives on the student's own table
    as it stands: for by="cumulative" its boundary and tie rules (or ``ties``) applied
    to the student's 累计比重 column in their row order, for by="rank"/"count" their
    row order, for by="value" their values.  None when follow-through does not apply
    (see :func:`own_basis`)."""
    basis = own_basis(rows, scheme)
    return None if basis is None else classes(basis, scheme, ties)
