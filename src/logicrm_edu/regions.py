"""Regional analysis table (客户区域分析表), also usable for shipping routes."""
from __future__ import annotations

import numpy as np
import pandas as pd

from . import columns
from .errors import DataError
from .exact import percent_of, scaled_integers
from .i18n import resolve
from .spreadsheets import blank_cells, cell_text


def regional_table(df: pd.DataFrame, *, by="区域", value: str | None = None,
                   lang: str | None = None) -> pd.DataFrame:
    """客户区域分析表：每个区域有几个客户、占多少比重（也可按航线分析）。
    Per region (or route): customers, share of customers, and the region's share of the value.

    客户数比重 = 这个区域的客户数占全部客户数的百分比。给了 ``value`` 时，
    再加上这个区域的合计（如营业收入合计）和它占总合计的百分比。
    区域按大小从大到小排列（有 ``value`` 时按合计，否则按客户数）。

    每位客户都要填区域：区域为空的客户会报错，而不是被悄悄略过——否则它的
    客户数和营业收入会从所有比重里消失，剩下的区域看起来就占了 100 %。
    确实不知道区域时，请填上“未知”这样的文字，它会单独成为一组。
    A blank region is an error, not a silently dropped customer; write e.g. 未知
    to count unknown regions as a group of their own.

    Parameters
    ----------
    df : pandas.DataFrame
        客户表，每行一个客户。
    by : str 或 list of str, 默认 ``"区域"``
        按哪一列分组，如 ``"区域"`` 或 ``"航线"``。写成
        ``["年份", "区域"]`` 时，比重在每一年之内计算。
    value : str, 可选
        要合计的数值列，如 ``"营业收入"``。不写时只数客户数。
    lang : {"zh", "en"}, 可选
        新加的列用中文还是英文列名。不写时用 :func:`set_language`
        选的语言，默认中文。

    Returns
    -------
    pandas.DataFrame
        每个区域一行：``区域``、``客户数``、``客户数比重(%)``，给了
        ``value`` 时还有 ``营业收入`` 和 ``营业收入比重(%)``。
        百分比不四舍五入（显示时再用 ``round(1)``）。

    Raises
    ------
    DataError
        表里没有 ``by`` 或 ``value`` 这一列；某位客户的 ``by`` 列（如区域）
        是空的；或者 ``value`` 是空的或不是数字。提示用中文和英文说明是
        哪一列、第几位客户（第 1 位是表头下的第一行）。

    Examples
    --------
    五个客户。华东有 3 个客户：3 / 5 = 60 % 的客户，营业收入
    50 + 30 + 0 = 80 万元，占合计 200 万元的 40 %；华南只有 1 个客户，
    却有 100 / 200 = 50 % 的营业收入，所以排在第一。

    >>> import pandas as pd
    >>> from logicrm_edu import regional_table
    >>> df = pd.DataFrame({"客户": [1, 2, 3, 4, 5],
    ...                    "区域": ["华东", "华南", "华东", "华北", "华东"],
    ...                    "营业收入": [50, 100, 30, 20, 0]})
    >>> print(regional_table(df, value="营业收入").to_string())
       区域  客户数  客户数比重(%)   营业收入  营业收入比重(%)
    0  华南    1      20.0  100.0       50.0
    1  华东    3      60.0   80.0       40.0
    2  华北    1      20.0   20.0       10.0

    区域没填的客户会报错，而不是被悄悄少算：

    >>> from logicrm_edu import DataError
    >>> df.loc[3, "区域"] = None
    >>> try:
    ...     regional_table(df, value="营业收入")
    ... except DataError as err:
    ...     print(err)
    “区域”列：第 4 位客户“4”的区域是空的，这位客户不会算进任何一组，各组的比重也就不对了。请填写区域。
    column '区域': customer '4' (position 4) has a blank 区域, so it would be left out of every group and the shares would be wrong. Fill in the 区域.
    """
    lang = resolve(lang)
    keys = [by] if isinstance(by, str) else list(by)
    for col in keys + ([value] if value else []):
        if col not in df.columns:
            raise DataError("data.missing_column", column=col, columns=", ".join(map(str, df.columns)))
    numbers = _checked_numbers(df, keys, value)
    period = keys[:-1]  # shares are within each period (e.g. year) when several keys are given
    grouped = df.groupby(keys, sort=False, observed=True)
    out = grouped.size().rename(columns.name("customers", lang)).reset_index()
    n_col = columns.name("customers", lang)
    denominators = out.groupby(period)[n_col].transform("sum") if period else out[n_col].sum()
    out[columns.name("customer_share", lang)] = out[n_col] * 100 / denominators
    if value:
        units, decimals = scaled_integers(numbers)
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


def _checked_numbers(df: pd.DataFrame, keys: list, value: str | None) -> np.ndarray | None:
    """The ``value`` column as floats, once every customer has its groups and a number.

    pandas' groupby leaves out blank keys, so a customer without a region would
    silently vanish from every share: stop at the first such row instead.
    """
    problems = [("data.blank_group_in_table", col, blank_cells(df[col])) for col in keys]
    numbers = None
    if value:
        column = df[value]
        if not pd.api.types.is_numeric_dtype(column.dtype):
            column = pd.to_numeric(column, errors="coerce")  # numbers typed as text still count
        numbers = column.to_numpy(dtype=np.float64, na_value=np.nan)
        blank_values = blank_cells(df[value])
        problems += [("data.missing_value_in_table", value, blank_values),
                     ("data.not_number_in_table", value, ~np.isfinite(numbers) & ~blank_values)]
    bad = np.logical_or.reduce([mask for _, _, mask in problems])
    if bad.any():
        pos = int(np.flatnonzero(bad)[0])
        key, col = next((key, col) for key, col, mask in problems if mask[pos])
        who = columns.find(df, "customer")
        raise DataError(key, column=col, position=pos + 1,
                        customer=cell_text(df[who].iloc[pos]) if who else pos + 1,
                        value=str(df[col].iloc[pos]).strip())
    return numbers
