"""Structure ratios (比重) and cumulative shares: textbook table 3-8."""
from __future__ import annotations

import numpy as np
import pandas as pd

from . import columns
from .errors import DataError
from .exact import descending_order, percent_of, scaled_integers
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
      exactly, so a customer at exactly 80 % shows 80.0, not 79.99999999999999,
      and values carrying float noise (12.299999999999999 from a sum) are
      read as the decimal they stand for (12.3).

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
    column = df[value]
    if not pd.api.types.is_numeric_dtype(column.dtype):
        column = pd.to_numeric(column, errors="coerce")
    numbers = column.to_numpy(dtype=np.float64, na_value=np.nan)
    bad = np.isnan(numbers) | (numbers < 0)
    if bad.any():
        pos = int(np.flatnonzero(bad)[0])
        raise DataError("data.bad_value_in_table", column=value, position=pos + 1,
                        customer=df[key].iloc[pos], value=df[value].iloc[pos])

    units, decimals = scaled_integers(numbers)
    order = descending_order(units)
    units = units[order]
    cumulative = np.cumsum(units)
    total = cumulative[-1]
    if total == 0:
        raise DataError("data.zero_total", column=value)

    # take() keeps each column's dtype; the value column is rebuilt from the exact units
    data = {col: df[col].array.take(order) if col != value else
            units.astype(np.float64) / 10**decimals  # summed floats 12.299999… → 12.3
            for col in df.columns}
    data[columns.name("share", lang)] = percent_of(units, total)
    data[columns.name("cumulative", lang, value=value)] = cumulative.astype(np.float64) / 10**decimals
    data[columns.name("cumulative_share", lang)] = percent_of(cumulative, total)
    table = pd.DataFrame(data, index=pd.RangeIndex(1, len(df) + 1))
    table.attrs["logicrm"] = {"value": value, "key": key, "lang": lang}
    return table


def _default(df: pd.DataFrame, role: str) -> str:
    found = columns.find(df, role)
    if found is None:
        raise DataError("data.missing_column", column=columns.name(role, "zh"),
                        columns=", ".join(map(str, df.columns)))
    return found
