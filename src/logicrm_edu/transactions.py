"""From transaction records (one row per shipment or invoice) to one row per customer."""
from __future__ import annotations

import numpy as np
import pandas as pd

from .errors import DataError


def customers_from_transactions(transactions: pd.DataFrame, *, key: str = "客户",
                                value: str = "营业收入", count: str | None = "年交易次数"
                                ) -> pd.DataFrame:
    """Total ``value`` per customer (and the number of transactions, as ``count``).

    Customers come out in ascending ``key`` order, so customers with equal
    totals later sort in key order.  The result feeds
    :func:`~logicrm_edu.share_table` directly.
    """
    for col in (key, value):
        if col not in transactions.columns:
            raise DataError("data.missing_column", column=col,
                            columns=", ".join(map(str, transactions.columns)))
    keys = transactions[key]
    amounts = transactions[value].to_numpy(dtype=np.float64)
    if pd.api.types.is_integer_dtype(keys.dtype) and len(keys):
        lo, hi = int(keys.min()), int(keys.max())
        if hi - lo <= 2 * len(keys):
            # customer numbers in a compact range: counting beats hashing ~10×
            offsets = keys.to_numpy() - lo
            counts = np.bincount(offsets)
            present = np.flatnonzero(counts)
            out = pd.DataFrame({key: present + lo,
                                value: np.bincount(offsets, weights=amounts)[present]})
            if count:
                out[count] = counts[present]
            return out
    grouped = pd.Series(amounts, index=keys.to_numpy()).groupby(level=0, sort=True)
    out = pd.DataFrame({key: grouped.sum().index, value: grouped.sum().to_numpy()})
    if count:
        out[count] = grouped.size().to_numpy()
    return out
