"""The customer database of the retention unit: from order records to one row per customer,
and the ratios read from it (gross-margin rate, contribution ratio).

A logistics company keeps four kinds of data on each customer: profile, address,
financial and behaviour.  The order records hold all four; :func:`customer_database`
sums up the financial ones (first and last order date, orders, revenue, average order
value, gross profit) and carries the others over.  Amounts are whole yuan in the
course data, so every sum is exact.
"""
from __future__ import annotations

import datetime as dt
import math
import re

import numpy as np
import pandas as pd

from .errors import DataError
from .spreadsheets import blank, cell_text
from .transactions import customers_from_transactions

# The order records' columns (one row per order).
ORDER_ID, DATE, KEY, LINE = "订单号", "下单日期", "客户编号", "业务类型"
REVENUE, COST, COMPLAINT = "营业收入", "成本", "投诉原因"
ORDER_LEVEL = (ORDER_ID, DATE, LINE, REVENUE, COST, COMPLAINT)
"""columns that belong to one order, not to the customer"""
# The database's financial columns, and the ratios.
FIRST, LAST, ORDERS = "首次下单日期", "最近下单日期", "订单数"
AVERAGE, PROFIT = "平均订单金额", "毛利"
MARGIN, CONTRIBUTION = "毛利率(%)", "贡献率(%)"

_EXCEL_EPOCH = dt.date(1899, 12, 30)  # Excel's day 0 (its 1900 leap-year bug included)
_LAST_EXCEL_DAY = 2_958_465  # 9999-12-31
_DATE_TEXT = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?"
                        r"(?:[ T]+\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$")


def as_date(cell) -> pd.Timestamp | None:
    """One date cell as a day (time of day dropped), or None when it is not a date.

    Reads what spreadsheets hold: a date or datetime, an Excel day number (45658 is
    2025-01-01), or text such as ``2025-01-05``, ``2025/1/5``, ``2025.1.5``,
    ``2025年1月5日`` or ``20250105``.

    >>> as_date("2025年1月5日"), as_date(45658), as_date("下周")
    (Timestamp('2025-01-05 00:00:00'), Timestamp('2025-01-01 00:00:00'), None)
    """
    if cell is None or isinstance(cell, bool) or cell is pd.NaT:
        return None
    if isinstance(cell, (pd.Timestamp, dt.datetime, dt.date, np.datetime64)):
        stamp = pd.Timestamp(cell)
        return None if pd.isna(stamp) else stamp.normalize()
    if isinstance(cell, (int, float, np.integer, np.floating)):
        return _excel_day(float(cell))
    text = str(cell).strip()
    if text.isdigit() and len(text) == 8:  # 20250105
        text = f"{text[:4]}-{text[4:6]}-{text[6:]}"
    elif re.fullmatch(r"\d{5}(\.\d+)?", text):  # an Excel day number saved as text
        return _excel_day(float(text))
    found = _DATE_TEXT.match(text)
    if not found:
        return None
    try:
        return pd.Timestamp(dt.date(*map(int, found.groups())))
    except ValueError:  # 2025-02-30
        return None


def _excel_day(number: float) -> pd.Timestamp | None:
    if not math.isfinite(number) or not 1 <= number <= _LAST_EXCEL_DAY:
        return None
    return pd.Timestamp(_EXCEL_EPOCH + dt.timedelta(days=int(number)))


def order_dates(orders: pd.DataFrame, date: str = DATE) -> pd.Series:
    """The ``date`` column of order records as days (datetime64); DataError naming the first
    order whose date cannot be read (position 1 is the first order below the header)."""
    if date not in orders.columns:
        raise DataError("data.missing_column", column=date,
                        columns=", ".join(map(str, orders.columns)))
    column = orders[date]
    if pd.api.types.is_datetime64_any_dtype(column.dtype) and not column.isna().any():
        return column.dt.tz_localize(None).dt.normalize() if column.dt.tz else column.dt.normalize()
    days = [as_date(cell) for cell in column.tolist()]
    for position, day in enumerate(days, start=1):
        if day is None:
            cell = column.iloc[position - 1]
            key = "retention.blank_order_date" if blank(cell) else "retention.bad_order_date"
            raise DataError(key, column=date, position=position, value=cell_text(cell))
    return pd.Series(pd.to_datetime(days), index=column.index, name=date)


def customer_database(orders: pd.DataFrame, *, key: str = KEY, date: str = DATE,
                      revenue: str = REVENUE, cost: str = COST,
                      carry: list[str] | None = None) -> pd.DataFrame:
    """把订单记录整理成客户数据库：每个客户一行。
    The customer database: one row per customer, built from order records.

    财务数据由订单算出：首次和最近下单日期、订单数、营业收入合计、平均订单金额
    （营业收入 ÷ 订单数）、毛利（营业收入 − 成本）。客户的概况、地址和行为资料
    （如客户名称、行业、区域、下单渠道）原样带过来，取该客户最近一笔订单上的写法。

    Parameters
    ----------
    orders : pandas.DataFrame
        订单记录，每行一笔订单，要有客户编号、下单日期、营业收入和成本四列。
        下单日期可以是日期、Excel 的日期序号或 ``2025/3/4`` 这样的文字。
    key, date, revenue, cost : str
        这四列的列名，默认 ``客户编号``、``下单日期``、``营业收入``、``成本``。
    carry : list of str, 可选
        要带过来的客户资料列。不写时带上除订单本身的列（订单号、下单日期、
        业务类型、营业收入、成本、投诉原因）以外的所有列。

    Returns
    -------
    pandas.DataFrame
        每个客户一行，按客户编号排序：客户编号、带过来的资料列、首次下单日期、
        最近下单日期、订单数、营业收入、平均订单金额、毛利。

    Raises
    ------
    DataError
        缺少列；某笔订单的客户编号为空、日期读不出、金额为空或不是数字。
        提示说明是第几笔订单（第 1 笔是表头下的第一行）和哪一列。

    Examples
    --------
    客户 K01 有两笔订单（100 + 300 元，成本 80 + 240 元），K02 有一笔：

    >>> import pandas as pd
    >>> from logicrm_edu.customer_database import customer_database
    >>> orders = pd.DataFrame({
    ...     "客户编号": ["K01", "K02", "K01"], "区域": ["华东", "华南", "华东"],
    ...     "下单日期": ["2025-01-05", "2025/2/1", "2025年3月9日"],
    ...     "营业收入": [100, 50, 300], "成本": [80, 45, 240]})
    >>> db = customer_database(orders)
    >>> print(db.to_string())
      客户编号  区域     首次下单日期     最近下单日期  订单数   营业收入  平均订单金额    毛利
    0  K01  华东 2025-01-05 2025-03-09    2  400.0   200.0  80.0
    1  K02  华南 2025-02-01 2025-02-01    1   50.0    50.0   5.0
    """
    for column in (key, revenue, cost):
        if column not in orders.columns:
            raise DataError("data.missing_column", column=column,
                            columns=", ".join(map(str, orders.columns)))
    # reuse the ABC summing: it refuses blank customers and non-numeric amounts
    totals = customers_from_transactions(orders, key=key, value=revenue, count=ORDERS)
    costs = customers_from_transactions(orders, key=key, value=cost, count=None)
    days = order_dates(orders, date)
    spans = days.groupby(orders[key].to_numpy()).agg(["min", "max"])
    if carry is None:
        carry = [c for c in orders.columns if c not in ORDER_LEVEL and c != key]
    latest = (orders.assign(_day=days.to_numpy())
              .sort_values("_day", kind="stable")
              .drop_duplicates(key, keep="last")
              .set_index(key))
    customers = totals[key]
    out = pd.DataFrame({key: customers})
    for column in carry:
        out[column] = latest.loc[customers, column].to_numpy()
    out[FIRST] = spans.loc[customers, "min"].to_numpy()
    out[LAST] = spans.loc[customers, "max"].to_numpy()
    out[ORDERS] = totals[ORDERS].to_numpy()
    out[REVENUE] = totals[revenue].to_numpy()
    out[AVERAGE] = out[REVENUE] / out[ORDERS]
    out[PROFIT] = out[REVENUE] - costs[cost].to_numpy()
    return out


def customer_ratios(database: pd.DataFrame, *, revenue: str = REVENUE,
                    profit: str = PROFIT) -> pd.DataFrame:
    """给客户数据库加上毛利率和贡献率。
    The database with each customer's gross-margin rate and contribution ratio.

    - 毛利率(%) = 毛利 ÷ 营业收入 × 100：每赚 100 元收入留下多少毛利；
    - 贡献率(%) = 毛利 ÷ 全部客户的毛利合计 × 100：这个客户在公司毛利中占多少。

    贡献率看的是毛利而不是营业收入：收入大、毛利薄的客户，收入比重高，
    贡献率却可能不高。

    Parameters
    ----------
    database : pandas.DataFrame
        客户数据库，如 :func:`customer_database` 的结果。
    revenue, profit : str
        营业收入和毛利两列的列名。

    Returns
    -------
    pandas.DataFrame
        原表加上 ``毛利率(%)`` 和 ``贡献率(%)`` 两列（不四舍五入）。
        营业收入为 0 的客户毛利率为空（NaN）。

    Raises
    ------
    DataError
        缺少列，或全部客户的毛利合计为 0（贡献率无从算起）。

    Examples
    --------
    >>> import pandas as pd
    >>> from logicrm_edu.customer_database import customer_ratios
    >>> db = pd.DataFrame({"客户编号": ["K01", "K02"], "营业收入": [400, 100],
    ...                    "毛利": [60, 40]})
    >>> print(customer_ratios(db).to_string())
      客户编号  营业收入  毛利  毛利率(%)  贡献率(%)
    0  K01   400  60    15.0    60.0
    1  K02   100  40    40.0    40.0
    """
    for column in (revenue, profit):
        if column not in database.columns:
            raise DataError("data.missing_column", column=column,
                            columns=", ".join(map(str, database.columns)))
    income = pd.to_numeric(database[revenue]).astype(float)
    gross = pd.to_numeric(database[profit]).astype(float)
    total = gross.sum()
    if total == 0:
        raise DataError("retention.zero_total_profit", column=profit)
    out = database.copy()
    out[MARGIN] = (gross * 100 / income.where(income != 0)).to_numpy()
    out[CONTRIBUTION] = (gross * 100 / total).to_numpy()
    return out


def service_line_margins(orders: pd.DataFrame, *, line: str = LINE, revenue: str = REVENUE,
                         cost: str = COST) -> pd.DataFrame:
    """每种业务（快递、零担、整车……）的营业收入、毛利和毛利率。
    Revenue, gross profit and gross-margin rate per service line.

    毛利率按这种业务的合计算：毛利合计 ÷ 营业收入合计 × 100，而不是把每笔
    订单的毛利率平均（小订单和大订单分量不同）。

    Parameters
    ----------
    orders : pandas.DataFrame
        订单记录，每行一笔订单。
    line, revenue, cost : str
        业务类型、营业收入、成本三列的列名。

    Returns
    -------
    pandas.DataFrame
        每种业务一行，按营业收入从高到低：业务类型、订单数、营业收入、成本、
        毛利、毛利率(%)。

    Examples
    --------
    >>> import pandas as pd
    >>> from logicrm_edu.customer_database import service_line_margins
    >>> orders = pd.DataFrame({"业务类型": ["快递", "整车", "快递"],
    ...                        "营业收入": [100, 1000, 300], "成本": [90, 900, 210]})
    >>> print(service_line_margins(orders).to_string())
      业务类型  订单数    营业收入     成本     毛利  毛利率(%)
    0   整车    1  1000.0  900.0  100.0    10.0
    1   快递    2   400.0  300.0  100.0    25.0
    """
    totals = customers_from_transactions(orders, key=line, value=revenue, count=ORDERS)
    costs = customers_from_transactions(orders, key=line, value=cost, count=None)
    out = totals.rename(columns={revenue: REVENUE})
    out[COST] = costs[cost].to_numpy()
    out[PROFIT] = out[REVENUE] - out[COST]
    out[MARGIN] = out[PROFIT] * 100 / out[REVENUE].where(out[REVENUE] != 0)
    out = out[[line, ORDERS, REVENUE, COST, PROFIT, MARGIN]]
    return out.sort_values(REVENUE, ascending=False, kind="stable").reset_index(drop=True)
