"""Structure ratios (比重) and cumulative shares: textbook table 3-8."""
from __future__ import annotations

import numpy as np
import pandas as pd

from . import columns
from .errors import DataError
from .exact import percent_of, scaled_integers
from .i18n import resolve


def share_table(df: pd.DataFrame, *, value: str | None = None, key: str | None = None,
                lang: str | None = None) -> pd.DataFrame:
    """Sort customers by ``value`` high → low and add share and cumulative columns.

    Adds ``比重(%)`` (each customer's value / total × 100), ``累计<value>``
    (running total) and ``累计比重(%)`` (running total / total × 100); with
    ``lang="en"``: ``share (%)``, ``cumulative <value>``, ``cumulative share (%)``.

    - Ties keep their original row order (a stable sort), which for the
      textbook data is customer-number order.
    - Percentages are not rounded (round only for display), so 比重 sums to 100
      and the last cumulative share is exactly 100.  Running totals are summed
      exactly, so a customer at exactly 80 % shows 80.0, not 79.99999999999999.

    ``value`` defaults to 营业收入 / revenue and ``key`` to 客户 / customer.
    The index of the result is 1..n, the rank.
    """
    lang = resolve(lang)
    value = value or _default(df, "revenue")
    key = key or _default(df, "customer")
    for col in (value, key):
        if col not in df.columns:
            raise DataError("data.missing_column", column=col,
                            columns=", ".join(map(str, df.columns)))
    if len(df) == 0:
        raise DataError("data.empty")
    numbers = pd.to_numeric(df[value], errors="coerce")
    bad = numbers.isna() | (numbers < 0)
    if bad.any():
        pos = int(np.flatnonzero(bad.to_numpy())[0])
        raise DataError("data.bad_value_in_table", column=value, position=pos + 1,
                        customer=df[key].iloc[pos], value=df[value].iloc[pos])

    raw = numbers.to_numpy(dtype=np.float64)
    order = np.argsort(-raw, kind="stable")
    table = df.iloc[order].reset_index(drop=True)
    table[value] = raw[order]
    units, decimals = scaled_integers(raw[order])
    cumulative_units = np.cumsum(units)
    total = cumulative_units[-1]
    if total == 0:
        raise DataError("data.zero_total", column=value)

    table[columns.name("share", lang)] = percent_of(units, total)
    table[columns.name("cumulative", lang, value=value)] = (
        cumulative_units.astype(np.float64) / 10**decimals)
    table[columns.name("cumulative_share", lang)] = percent_of(cumulative_units, total)
    table.index = pd.RangeIndex(1, len(table) + 1)
    table.attrs["logicrm"] = {"value": value, "key": key, "lang": lang}
    return table


def exact_units(table: pd.DataFrame):
    """The sorted values of a share table as exact integers, and their running totals."""
    meta = table.attrs.get("logicrm", {})
    value = meta.get("value") or _default(table, "revenue")
    units, _ = scaled_integers(table[value].to_numpy(dtype=np.float64))
    cumulative = np.cumsum(units)
    return units, cumulative


def _default(df: pd.DataFrame, role: str) -> str:
    found = columns.find(df, role)
    if found is None:
        raise DataError("data.missing_column", column=columns.name(role, "zh"),
                        columns=", ".join(map(str, df.columns)))
    return found
