"""Lifecycle warning signals from order dates: customers in the 反复期 and the 衰退期.

A customer whose orders are falling is in the 反复期 ("repeating": comparing us with
other providers; add value and raise switching costs); a customer whose business has
almost stopped is in the 衰退期 ("declining": let them go calmly).  Both are read from
the order dates at a review date (``as_of``):

- 衰退期: at least ``idle_days`` days since the last order;
- 反复期: not 衰退期, and the orders in the last ``window_days`` days are at most
  ``drop`` times the orders in the ``window_days`` days before them (and there were some).

Both comparisons include the boundary ("at least", "at most"), and are exact.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from .customer_database import DATE, KEY, LAST, as_date, order_dates
from .errors import DataError
from .exact import as_fraction

REPEATING, DECLINING, NORMAL = "反复期", "衰退期", "正常"
IDLE, PREVIOUS, RECENT, STAGE = "未下单天数", "前期订单数", "近期订单数", "阶段"
DEFAULTS = {"window_days": 90, "drop": 0.5, "idle_days": 120}


def lifecycle_flags(orders: pd.DataFrame, *, as_of, window_days: int = 90, drop=0.5,
                    idle_days: int = 120, key: str = KEY, date: str = DATE) -> pd.DataFrame:
    """从下单日期找出处于反复期和衰退期的客户。
    Flag the customers whose orders are falling (反复期) or have almost stopped (衰退期).

    在检查日 ``as_of``：

    - **衰退期**：距最近一次下单已有 ``idle_days`` 天或更久；
    - **反复期**：不是衰退期，而且近期（检查日前 ``window_days`` 天内）的订单数
      ≤ 前期（再往前 ``window_days`` 天）订单数 × ``drop``，前期至少有 1 笔；
    - 其余客户为“正常”。

    近期指 (as_of − window_days, as_of]，前期指 (as_of − 2×window_days,
    as_of − window_days]。检查日以后的订单不计。

    Parameters
    ----------
    orders : pandas.DataFrame
        订单记录，每行一笔订单，要有客户编号和下单日期。
    as_of : 日期或文字
        检查日，如 ``"2025-12-31"``。
    window_days : int, 默认 90
        近期和前期各有多少天。
    drop : 数字, 默认 0.5
        近期订单数不超过前期的多少倍算“下降”（0.5 即减少了一半或更多）。
    idle_days : int, 默认 120
        多少天没有下单算衰退期。
    key, date : str
        客户编号和下单日期两列的列名。

    Returns
    -------
    pandas.DataFrame
        每个客户一行（按客户编号排序）：客户编号、最近下单日期、未下单天数、
        前期订单数、近期订单数、阶段（反复期 / 衰退期 / 正常）。

    Raises
    ------
    DataError
        缺少列，或某笔订单的下单日期读不出；``as_of`` 不是日期。

    Examples
    --------
    检查日 2025-12-31，近期为 10-03 至 12-31，前期为 07-05 至 10-02。
    K1 前期 2 笔、近期 1 笔（1 ≤ 2 × 0.5），是反复期；K2 最近一笔在 2025-09-02，
    正好 120 天没有下单，是衰退期；K3 前后各 1 笔，正常。

    >>> import pandas as pd
    >>> from logicrm_edu.lifecycle import lifecycle_flags
    >>> orders = pd.DataFrame({
    ...     "客户编号": ["K1", "K1", "K1", "K2", "K3", "K3"],
    ...     "下单日期": ["2025-08-01", "2025-09-01", "2025-11-01", "2025-09-02",
    ...                 "2025-08-15", "2025-12-01"]})
    >>> print(lifecycle_flags(orders, as_of="2025-12-31").to_string())
      客户编号     最近下单日期  未下单天数  前期订单数  近期订单数   阶段
    0   K1 2025-11-01     60      2      1  反复期
    1   K2 2025-09-02    120      1      0  衰退期
    2   K3 2025-12-01     30      1      1   正常
    """
    if key not in orders.columns:
        raise DataError("data.missing_column", column=key,
                        columns=", ".join(map(str, orders.columns)))
    review = _review_day(as_of)
    days = order_dates(orders, date)
    counted = (days <= review).to_numpy()
    customers = orders[key].to_numpy()[counted]
    ages = (review - days[counted]).dt.days.to_numpy()
    frame = pd.DataFrame({key: customers, "age": ages})
    grouped = frame.groupby(key, sort=True)["age"]
    idle = grouped.min()
    recent = grouped.agg(lambda a: int(np.sum(a < window_days)))
    previous = grouped.agg(lambda a: int(np.sum((a >= window_days) & (a < 2 * window_days))))
    ratio = as_fraction(drop)
    declining = idle.to_numpy() >= idle_days
    falling = (previous.to_numpy() > 0) & (
        recent.to_numpy() * ratio.denominator <= previous.to_numpy() * ratio.numerator)
    stage = np.where(declining, DECLINING, np.where(falling, REPEATING, NORMAL))
    return pd.DataFrame({
        key: idle.index.to_numpy(),
        LAST: (review - pd.to_timedelta(idle.to_numpy(), unit="D")),
        IDLE: idle.to_numpy().astype(np.int64),
        PREVIOUS: previous.to_numpy().astype(np.int64),
        RECENT: recent.to_numpy().astype(np.int64),
        STAGE: stage,
    })


def _review_day(as_of) -> pd.Timestamp:
    day = as_date(as_of)
    if day is None:
        raise DataError("retention.bad_review_date", value=str(as_of))
    return day

