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
    """按数值从高到低排列客户，加上比重和累计比重（教材表 3-8）。
    Sort customers by value, high to low, and add share and cumulative share columns.

    比重 = 这个客户的数值占全部客户合计的百分比；累计比重 = 从第 1 名一直
    加到这个客户的合计，占全部合计的百分比。ABC 分类就是看累计比重。

    Parameters
    ----------
    df : pandas.DataFrame
        客户表，每行一个客户，至少有客户编号列和一个数值列（如营业收入）。
    value : str, 可选
        用来排序、算比重的数值列的列名。不写时用 ``营业收入``
        （英文表用 ``revenue``）。
    key : str, 可选
        客户编号列的列名。不写时用 ``客户``（英文表用 ``customer``）。
    lang : {"zh", "en"}, 可选
        新加的列用中文还是英文列名。不写时用 :func:`set_language`
        选的语言，默认中文。

    Returns
    -------
    pandas.DataFrame
        一张新表（原来的表不变），按 ``value`` 从高到低排好，行号 1..n
        就是名次。比原表多三列：``比重(%)``、``累计<value>``（如
        ``累计营业收入``）和 ``累计比重(%)``（最后一行是 100）。
        英文列名是 ``share (%)``、``cumulative <value>``、
        ``cumulative share (%)``。

    Raises
    ------
    DataError
        缺少 ``value`` 或 ``key`` 列、表是空的、某个数值不是数字或小于 0、
        或者合计为 0。提示用中文和英文说明是哪一列、哪个客户。

    Notes
    -----
    - 数值相同（并列）的客户保持原来的先后顺序（稳定排序）；教材数据里
      就是按客户编号。Ties keep their original row order (a stable sort).
    - 百分比不四舍五入（显示时再用 ``t.round(1)``），所以比重加起来正好是
      100。合计按精确的小数计算：正好 80 % 的客户显示 80.0，而不是
      79.99999999999999；像 12.299999999999999 这样带浮点误差的数值按它
      表示的小数 12.3 计算。Percentages are exact, not rounded.

    Examples
    --------
    四个客户，营业收入合计 50 + 100 + 30 + 20 = 200 万元。客户 1 的比重是
    50 / 200 = 25 %；排在前两名的客户 2 和客户 1 合计 150 万元，累计比重
    150 / 200 = 75 %。

    >>> import pandas as pd
    >>> from logicrm_edu import share_table
    >>> df = pd.DataFrame({"客户": [1, 2, 3, 4], "营业收入": [50, 100, 30, 20]})
    >>> t = share_table(df)
    >>> print(t.to_string())
       客户   营业收入  比重(%)  累计营业收入  累计比重(%)
    1   2  100.0   50.0   100.0     50.0
    2   1   50.0   25.0   150.0     75.0
    3   3   30.0   15.0   180.0     90.0
    4   4   20.0   10.0   200.0    100.0
    >>> float(t["比重(%)"].sum())  # 比重加起来是 100
    100.0
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
