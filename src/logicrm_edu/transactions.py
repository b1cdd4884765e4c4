"""From transaction records (one row per shipment or invoice) to one row per customer."""
from __future__ import annotations

import numpy as np
import pandas as pd

from .errors import DataError
from .spreadsheets import blank_cells, cell_text


def customers_from_transactions(transactions: pd.DataFrame, *, key: str = "客户",
                                value: str = "营业收入", count: str | None = "年交易次数"
                                ) -> pd.DataFrame:
    """把交易记录（每行一笔运单或发票）汇总成每个客户一行。
    Total value per customer (and the number of transactions) from transaction records.

    每个客户的数值加起来（如全年营业收入），并数一数有几笔交易。结果可以
    直接交给 :func:`share_table`。每笔交易都要有客户编号和数字金额：客户编号
    为空的交易不会被悄悄略过，而是报错，否则它的金额会从合计里消失。

    Parameters
    ----------
    transactions : pandas.DataFrame
        交易记录表，每行一笔交易。
    key : str, 默认 ``"客户"``
        客户编号列的列名。
    value : str, 默认 ``"营业收入"``
        要按客户加总的金额列的列名。
    count : str 或 None, 默认 ``"年交易次数"``
        交易笔数这一列的列名；写 ``None`` 就不数笔数。

    Returns
    -------
    pandas.DataFrame
        每个客户一行：``key``、``value``（这个客户的合计），以及 ``count``
        （交易笔数）。客户按编号从小到大排列，所以合计相同的客户之后在
        :func:`share_table` 里也按编号排。

    Raises
    ------
    DataError
        表里没有 ``key`` 或 ``value`` 这一列；或者某笔交易的客户编号是空的、
        金额是空的或不是数字（如“12万”）。提示用中文和英文说明是第几笔交易
        （第 1 笔是表头下的第一行）和哪一列。

    Examples
    --------
    客户 1 有两笔交易 50 + 10 = 60 万元，客户 2 有两笔 30 + 70 = 100 万元，
    客户 3 只有一笔 20 万元。

    >>> import pandas as pd
    >>> from logicrm_edu import customers_from_transactions
    >>> records = pd.DataFrame({"客户": [2, 1, 2, 3, 1],
    ...                         "营业收入": [30, 50, 70, 20, 10]})
    >>> print(customers_from_transactions(records).to_string())
       客户   营业收入  年交易次数
    0   1   60.0      2
    1   2  100.0      2
    2   3   20.0      1
    """
    for col in (key, value):
        if col not in transactions.columns:
            raise DataError("data.missing_column", column=col,
                            columns=", ".join(map(str, transactions.columns)))
    keys = transactions[key]
    blank_keys = blank_cells(keys)
    amounts = transactions[value]
    if not pd.api.types.is_numeric_dtype(amounts.dtype):
        amounts = pd.to_numeric(amounts, errors="coerce")  # numbers typed as text still count
    amounts = amounts.to_numpy(dtype=np.float64, na_value=np.nan)
    # a blank customer would drop out of the groups, a blank amount make a NaN total
    bad = blank_keys | ~np.isfinite(amounts)
    if bad.any():
        raise _bad_transaction(transactions, int(np.flatnonzero(bad)[0]), key, value, blank_keys)
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


def _bad_transaction(transactions: pd.DataFrame, pos: int, key: str, value: str,
                     blank_keys: np.ndarray) -> DataError:
    """The error for the transaction at ``pos``: blank customer, blank or non-numeric amount."""
    position = pos + 1  # as a teacher counts rows below the header: the first is 1
    if blank_keys[pos]:
        return DataError("data.blank_transaction_customer", column=key, position=position)
    customer = cell_text(transactions[key].iloc[pos])
    amount = transactions[value].iloc[[pos]]
    if blank_cells(amount)[0]:
        return DataError("data.missing_transaction_value", column=value, position=position,
                         customer=customer)
    return DataError("data.transaction_not_number", column=value, position=position,
                     customer=customer, value=str(amount.iloc[0]).strip())
