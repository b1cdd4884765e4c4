"""Customer tiering (客户分层): ABC by cumulative share, pyramids by rank, or by value.

The schemes in the course sources disagree on details, so every rule is an
explicit, documented parameter (COURSE_BRIEF §2):

``by="cumulative"``  cut-offs on the cumulative share in %, e.g. ``(80, 95)``.
    ``boundary`` decides the customer whose cumulative share crosses a cut-off:
    ``"le"`` (default) upper tier only if its own cumulative share ≤ cut;
    ``"lt"`` only if strictly < cut; ``"cross"`` the crossing customer is still
    in the upper tier ("until 80 % is reached": upper tier while the share
    *before* it is < cut).
``by="rank"``  cut-offs on the share of customers in %, e.g. ``(5, 20)`` for
    top 5 % / next to 20 % / rest, or ``(1, 5, 20)`` for VIP / 主要 / 普通 / 小客户.
    ``n × cut / 100`` customers are in the top, rounded by ``rounding``:
    ``"ceil"`` (default; at least that share, so a class of 14 has one "top 5 %"
    customer), ``"floor"`` or ``"round"`` (half up).
``by="count"``  cut-offs are customer counts: ``(10, 40)`` = top 10 / top 40 / rest.
``by="value"``  cut-offs are values of the indicator, high to low, e.g.
    ``(500, 100)``: A if value ≥ 500, B if ≥ 100, C otherwise.

Ties (equal values): ``ties="same"`` (default) gives every customer of a tie
group the tier of its best-placed member, i.e. the upper tier when a group
straddles a cut-off; ``ties="order"`` keeps the strict sorted order.  Either way
:func:`straddling_ties` lists the tie groups that straddle a cut-off.

All comparisons are exact (see :mod:`logicrm_edu.exact`).
"""
from __future__ import annotations

import math
from fractions import Fraction

import numpy as np
import pandas as pd

from . import columns
from .errors import SchemeError
from .exact import as_fraction, at_most, percent_of, scaled_integers, share_at_most
from .i18n import resolve
from .shares import share_table

BY = ("cumulative", "rank", "count", "value")
BOUNDARIES = ("le", "lt", "cross")
TIES = ("same", "order")
ROUNDINGS = ("ceil", "floor", "round")


def default_labels(n_tiers: int) -> tuple[str, ...]:
    """A, B, C, ... one label per tier."""
    return tuple(chr(ord("A") + i) for i in range(n_tiers))


def tier_codes(values, cuts, *, by="cumulative", boundary="le", ties="same",
               rounding="ceil") -> np.ndarray:
    """Tier index (0 = top) of each customer, for values already sorted high → low.

    The pure core of :func:`tier_customers`, also used by the grader to
    recompute expected tiers.
    """
    _check_scheme(cuts, by, boundary, ties, rounding)
    values = np.asarray(values, dtype=np.float64)
    units, _ = scaled_integers(values)
    return _apply_ties(_codes_in_order(values, units, cuts, by, boundary, rounding), units, ties)


def tier_customers(table: pd.DataFrame, cuts=(80, 95), *, by: str = "cumulative",
                   boundary: str = "le", ties: str = "same", labels=None,
                   rounding: str = "ceil", value: str | None = None, key: str | None = None,
                   lang: str | None = None) -> pd.DataFrame:
    """Add the class column ``类别`` (``class`` in English) to a share table.

    ``table`` is the result of :func:`share_table` (a raw customer table is
    passed through :func:`share_table` first).  ``labels`` default to A, B, C,
    ... (one more than ``cuts``); any labels work, e.g.
    ``("VIP", "主要客户", "普通客户", "小客户")``.  The class column is an ordered
    categorical, top tier first.  See the module docstring for the rules.
    """
    if columns.find(table, "cumulative_share") is None:
        table = share_table(table, value=value, key=key, lang=lang)
    lang = resolve(lang) if lang else columns.lang_of(table)
    labels = tuple(labels) if labels is not None else default_labels(len(cuts) + 1)
    if len(labels) != len(cuts) + 1 or len(set(labels)) != len(labels):
        raise SchemeError("scheme.labels", n_labels=len(labels), n_tiers=len(cuts) + 1)
    meta = dict(table.attrs.get("logicrm", {}))
    value_col = meta.get("value") or value or _value_column(table)
    values = table[value_col].to_numpy(dtype=np.float64)
    _check_scheme(cuts, by, boundary, ties, rounding)
    units, _ = scaled_integers(values)
    if np.any(np.diff(units) > 0):
        raise SchemeError("scheme.not_sorted", column=value_col)
    in_order = _codes_in_order(values, units, cuts, by, boundary, rounding)
    codes = _apply_ties(in_order, units, ties)

    result = table.copy(deep=False)  # copy-on-write: the caller's table is never changed
    tier_col = columns.name("tier", lang)
    result[tier_col] = pd.Categorical.from_codes(codes, categories=list(labels), ordered=True)
    meta.update(value=value_col, lang=lang, tier=tier_col, cuts=tuple(cuts), by=by,
                boundary=boundary, ties=ties, rounding=rounding, labels=labels,
                straddling=_straddling(units, in_order, labels))
    result.attrs["logicrm"] = meta
    return result


def straddling_ties(tiered: pd.DataFrame) -> pd.DataFrame:
    """Customers with equal values that strict sorted order would split across tiers.

    One row per customer in such a tie group: its rank (the table index), its
    class under strict order, and the class it was given.  Empty when no tie
    straddles a cut-off.  (Textbook data, cuts 80/95: customers 10 and 12.)
    """
    meta = tiered.attrs.get("logicrm", {})
    if "straddling" not in meta:
        raise SchemeError("scheme.not_tiered")
    rows = [r for r, _ in meta["straddling"]]
    out = tiered.loc[[tiered.index[r] for r in rows]].copy()
    out[columns.name("tier_in_order", meta["lang"])] = [lab for _, lab in meta["straddling"]]
    return out


def tier_summary(tiered: pd.DataFrame) -> pd.DataFrame:
    """Per tier, in tier order: customers, share of customers, value, share of value.

    The 20/80 check: e.g. class A = 4 of 14 customers (28.6 %) with 79.5 % of
    revenue.  Empty tiers are listed with zeros.
    """
    meta = tiered.attrs.get("logicrm", {})
    lang = meta.get("lang") or columns.lang_of(tiered)
    tier_col = meta.get("tier") or columns.name("tier", lang)
    if tier_col not in tiered.columns:
        raise SchemeError("scheme.not_tiered")
    value_col = meta.get("value") or _value_column(tiered)
    tiers = tiered[tier_col]
    labels = list(tiers.cat.categories) if isinstance(tiers.dtype, pd.CategoricalDtype) \
        else list(dict.fromkeys(tiers))
    units, _ = scaled_integers(tiered[value_col].to_numpy(dtype=np.float64))
    total = units.sum()
    counts, sums, unit_sums = [], [], []
    for label in labels:
        mask = (tiers == label).to_numpy()
        counts.append(int(mask.sum()))
        sums.append(float(tiered[value_col].to_numpy()[mask].sum()))
        unit_sums.append(units[mask].sum() if mask.any() else 0)
    counts_arr = np.array(counts, dtype=np.int64)
    summary = pd.DataFrame({
        tier_col: labels,
        columns.name("customers", lang): counts_arr,
        columns.name("customer_share", lang): percent_of(counts_arr, len(tiered)),
        value_col: sums,
        columns.name("value_share", lang, value=value_col):
            percent_of(np.array(unit_sums, dtype=units.dtype), total),
    })
    summary.attrs["logicrm"] = {"lang": lang, "value": value_col, "tier": tier_col}
    return summary


# -- internals --------------------------------------------------------------

def _codes_in_order(values, units, cuts, by, boundary, rounding) -> np.ndarray:
    n = len(values)
    outside = np.zeros(n, dtype=np.int64)
    if by == "cumulative":
        cumulative = np.cumsum(units)
        total = cumulative[-1] if n else 0
        for cut in cuts:
            if boundary == "cross":
                within = share_at_most(cumulative - units, total, cut, strict=True)
            else:
                within = share_at_most(cumulative, total, cut, strict=boundary == "lt")
            outside += ~np.asarray(within, dtype=bool)
    elif by in ("rank", "count"):
        ranks = np.arange(1, n + 1)
        for cut in cuts:
            top = _top_count(n, cut, rounding) if by == "rank" else int(as_fraction(cut))
            outside += ranks > top
    else:  # value: below the cut, both read as the decimals meant
        for cut in cuts:
            outside += at_most(values, cut, strict=True)
    return outside


def _top_count(n: int, cut, rounding: str) -> int:
    exact = Fraction(n) * as_fraction(cut) / 100
    if rounding == "ceil":
        return math.ceil(exact)
    if rounding == "floor":
        return math.floor(exact)
    return math.floor(exact + Fraction(1, 2))


def _apply_ties(order_codes, units, ties) -> np.ndarray:
    if ties == "order":
        return order_codes
    starts = _tie_group_starts(units)
    group = np.cumsum(starts) - 1
    return order_codes[np.flatnonzero(starts)][group]


def _tie_group_starts(units) -> np.ndarray:
    starts = np.ones(len(units), dtype=bool)
    if len(units) > 1:
        starts[1:] = units[1:] != units[:-1]
    return starts


def _straddling(units, in_order, labels) -> list[tuple[int, str]]:
    """(row position, class under strict order) for members of straddling tie groups."""
    starts = _tie_group_starts(units)
    group = np.cumsum(starts) - 1
    first = in_order[np.flatnonzero(starts)]
    last = np.maximum.reduceat(in_order, np.flatnonzero(starts)) if len(units) else first
    split = np.flatnonzero(first != last)
    rows = np.flatnonzero(np.isin(group, split))
    return [(int(r), labels[in_order[r]]) for r in rows]


def _check_scheme(cuts, by, boundary, ties, rounding) -> None:
    for name_, given, allowed in (("by", by, BY), ("boundary", boundary, BOUNDARIES),
                                  ("ties", ties, TIES), ("rounding", rounding, ROUNDINGS)):
        if given not in allowed:
            raise SchemeError("scheme.unknown_option", option=name_, given=given,
                              allowed=", ".join(allowed))
    cuts = list(cuts)
    if not cuts:
        raise SchemeError("scheme.no_cuts")
    try:
        numbers = [as_fraction(c) for c in cuts]
    except (ValueError, TypeError):
        raise SchemeError("scheme.cuts_not_numbers", cuts=cuts) from None
    decreasing = by == "value"
    ordered = all((a > b) if decreasing else (a < b) for a, b in zip(numbers, numbers[1:]))
    if not ordered:
        raise SchemeError("scheme.cuts_order_value" if decreasing else "scheme.cuts_order", cuts=cuts)
    if by in ("cumulative", "rank") and not all(0 < c <= 100 for c in numbers):
        raise SchemeError("scheme.cuts_range", cuts=cuts)
    if by == "count" and not all(c.denominator == 1 and c > 0 for c in numbers):
        raise SchemeError("scheme.cuts_count", cuts=cuts)


def _value_column(table: pd.DataFrame) -> str:
    found = columns.find(table, "revenue")
    if found is None:
        raise SchemeError("scheme.no_value_column", columns=", ".join(map(str, table.columns)))
    return found
