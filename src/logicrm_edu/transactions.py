"""From transaction records (one row per shipment or invoice) to one row per customer."""
from __future__ import annotations

import pandas as pd

from .errors import DataError


def customers_from_transactions(transactions: pd.DataFrame, *, key: str = "客户",
                                value: str = "营业收入", count: str | None = "年交易次数"
                                ) -> pd.DataFrame:
    """Total ``value`` per customer (and the number of transactions, as ``count``).

    Customers keep the order of their first transaction, so ties later sort in
    that order.  The result feeds :func:`~logicrm_edu.share_table` directly.
    """
    for col in (key, value):
        if col not in transactions.columns:
            raise DataError("data.missing_column", column=col,
                            columns=", ".join(map(str, transactions.columns)))
    grouped = transactions.groupby(key, sort=False)[value]
    out = grouped.sum().reset_index()
    if count:
        out[count] = grouped.size().to_numpy()
    return out
