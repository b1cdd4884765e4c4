"""Regional analysis table (客户区域分析表), also usable for shipping routes."""
from __future__ import annotations

import numpy as np
import pandas as pd

from . import columns
from .errors import DataError
from .exact import percent_of, scaled_integers
from .i18n import resolve


def regional_table(df: pd.DataFrame, *, by="区域", value: str | None = None,
                   lang: str | None = None) -> pd.DataFrame:
    """Per region (or route, or ``by=["年份", "区域"]``): customers, share of customers,
    and with ``value``: the region's total and its share of the total, in %.

    Shares are of the whole table (within each year when ``by`` includes a
    year column first).  Regions are listed largest first.
    """
    lang = resolve(lang)
    keys = [by] if isinstance(by, str) else list(by)
    for col in keys + ([value] if value else []):
        if col not in df.columns:
            raise DataError("data.missing_column", column=col, columns=", ".join(map(str, df.columns)))
    period = keys[:-1]  # shares are within each period (e.g. year) when several keys are given
    grouped = df.groupby(keys, sort=False, observed=True)
    out = grouped.size().rename(columns.name("customers", lang)).reset_index()
    n_col = columns.name("customers", lang)
    denominators = out.groupby(period)[n_col].transform("sum") if period else out[n_col].sum()
    out[columns.name("customer_share", lang)] = out[n_col] * 100 / denominators
    if value:
        units, decimals = scaled_integers(pd.to_numeric(df[value]).to_numpy(dtype=np.float64))
        sums = pd.Series(units, index=df.index).groupby([df[k] for k in keys], sort=False).sum()
        sums = sums.reindex(pd.MultiIndex.from_frame(out[keys]) if len(keys) > 1 else out[keys[0]])
        unit_sums = sums.to_numpy()
        out[value] = unit_sums.astype(np.float64) / 10**decimals
        share_col = columns.name("value_share", lang, value=value)
        if period:
            period_totals = out.assign(_u=unit_sums).groupby(period)["_u"].transform("sum").to_numpy()
            out[share_col] = [float(u * 100 / tot) for u, tot in zip(unit_sums, period_totals)]
        else:
            out[share_col] = percent_of(unit_sums, unit_sums.sum())
    sort_col = value if value else n_col
    out = out.sort_values(period + [sort_col], ascending=[True] * len(period) + [False],
                          kind="stable").reset_index(drop=True)
    out.attrs["logicrm"] = {"lang": lang, "value": value}
    return out
