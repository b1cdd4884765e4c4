"""Retention and churn over two years of customer lists, and the causes of churn.

The retention rate is the share of the customers at the start of the period (last
year's list) still there at its end: kept ÷ customers at the start.  New customers of
this year are in neither count: they were not there to be kept.  Percentages are
computed exactly (fractions) and given as floats.
"""
from __future__ import annotations

from fractions import Fraction

import pandas as pd

from .churn_data import CAUSE, LAST, NO, ROUTE, ROUTES, THIS, TIER, TIERS, VOLUME, YES

START, KEPT, LOST, NEW, END = "年初客户数", "保留客户数", "流失客户数", "新增客户数", "年末客户数"
RATE, CUSTOMER_SHARE, VOLUME_SHARE = "保留率(%)", "客户占比(%)", "出口量占比(%)"
COUNT, SHARE, CUMULATIVE = "客户数", "比重(%)", "累计比重(%)"


def _percent(part, whole) -> float:
    return float(Fraction(int(part) * 100, int(whole))) if whole else float("nan")


def retention_summary(data: pd.DataFrame) -> pd.Series:
    """两年名单的客户保留情况：年初、保留、流失、新增、年末客户数和保留率。
    Customers at the start, kept, lost, new, at the end, and the retention rate.

    保留率 = 保留客户数 ÷ 年初客户数 × 100。年初客户就是去年名单上的客户；今年的
    新客户不在年初客户里，也不算“保留”。The retention rate is kept ÷ customers at
    the start; this year's new customers are in neither count.

    Parameters
    ----------
    data : pandas.DataFrame
        两年的客户表，每行一个客户（:func:`~logicrm_edu.churn_data.read_freight_customers`），
        至少有 ``去年在册`` 和 ``今年在册`` 两列，值为 ``"是"`` 或 ``"否"``。

    Returns
    -------
    pandas.Series
        六项，依次是 ``年初客户数``、``保留客户数``、``流失客户数``、``新增客户数``、
        ``年末客户数``（都是整数）和 ``保留率(%)``（不四舍五入；没有年初客户时是 NaN）。

    Examples
    --------
    五个客户：K1～K4 在去年名单上（年初 4 位），其中 K1～K3 今年还在（保留 3 位），
    K4 流失；K5 是今年的新客户。年末 3 + 1 = 4 位，保留率 3 ÷ 4 = 75 %。

    >>> import pandas as pd
    >>> lists = pd.DataFrame({"客户": ["K1", "K2", "K3", "K4", "K5"],
    ...                       "去年在册": ["是", "是", "是", "是", "否"],
    ...                       "今年在册": ["是", "是", "是", "否", "是"]})
    >>> retention_summary(lists).to_dict()
    {'年初客户数': 4, '保留客户数': 3, '流失客户数': 1, '新增客户数': 1, '年末客户数': 4, '保留率(%)': 75.0}
    """
    last, this = data[LAST].eq(YES), data[THIS].eq(YES)
    start, kept = int(last.sum()), int((last & this).sum())
    return pd.Series({START: start, KEPT: kept, LOST: start - kept,
                      NEW: int((this & ~last).sum()), END: int(this.sum()),
                      RATE: _percent(kept, start)}, dtype=object)


def churned_customers(data: pd.DataFrame) -> pd.DataFrame:
    """流失客户：在去年名单上、不在今年名单上的客户。
    The customers lost: in last year's list, not in this year's.

    Parameters
    ----------
    data : pandas.DataFrame
        两年的客户表，每行一个客户，至少有 ``去年在册`` 和 ``今年在册`` 两列，
        值为 ``"是"`` 或 ``"否"``。

    Returns
    -------
    pandas.DataFrame
        ``去年在册`` 是 ``"是"``、``今年在册`` 是 ``"否"`` 的那些行，所有列和原来的
        行号都保留（原表不变）。可以直接交给 :func:`cause_table`。

    Examples
    --------
    四个客户：K1 保留，K2 和 K4 流失，K3 是今年的新客户（不算流失）。

    >>> import pandas as pd
    >>> lists = pd.DataFrame({"客户": ["K1", "K2", "K3", "K4"],
    ...                       "去年在册": ["是", "是", "否", "是"],
    ...                       "今年在册": ["是", "否", "是", "否"],
    ...                       "流失原因": [None, "价格偏高", None, "员工不满"]})
    >>> churned_customers(lists)
       客户 去年在册 今年在册  流失原因
    1  K2    是    否  价格偏高
    3  K4    是    否  员工不满
    """
    return data[data[LAST].eq(YES) & data[THIS].eq(NO)]


def retention_table(data: pd.DataFrame, by: str = TIER) -> pd.DataFrame:
    """按客户等级或航线分组的保留情况（客户区域分析表的格式）。
    Retention per group (tier or shipping route), in the regional analysis table's layout.

    Parameters
    ----------
    data : pandas.DataFrame
        两年的客户表（:func:`~logicrm_edu.churn_data.read_freight_customers`）。
    by : str
        分组的列：``"客户等级"`` 或 ``"航线"``。

    Returns
    -------
    pandas.DataFrame
        每组一行（按 VIP→小客户、欧地线→其他的顺序）：年初客户数、客户占比(%)（占全部
        年初客户）、出口量占比(%)（占全部年初客户的出口量）、保留客户数、保留率(%)。

    Examples
    --------
    >>> lists = pd.DataFrame({"航线": ["美加线", "欧地线", "欧地线", "美加线"],
    ...                       "出口量(TEU)": [100, 200, 100, 50],
    ...                       "去年在册": ["是", "是", "是", "否"],
    ...                       "今年在册": ["否", "是", "是", "是"]})
    >>> retention_table(lists, by="航线")
         年初客户数    客户占比(%)  出口量占比(%)  保留客户数  保留率(%)
    航线                                            
    欧地线      2  66.666667      75.0      2   100.0
    美加线      1  33.333333      25.0      0     0.0
    """
    start = data[data[LAST].eq(YES)]
    kept = start[THIS].eq(YES)
    volume = pd.to_numeric(start[VOLUME])
    total_volume = Fraction(str(volume.sum()))
    rows = []
    for group in group_order(start[by], by):
        members = start[by].eq(group)
        n, k = int(members.sum()), int((members & kept).sum())
        share = Fraction(str(volume[members].sum())) * 100 / total_volume if total_volume \
            else Fraction(0)
        rows.append({by: group, START: n, CUSTOMER_SHARE: _percent(n, len(start)),
                     VOLUME_SHARE: float(share), KEPT: k, RATE: _percent(k, n)})
    return pd.DataFrame(rows, columns=[by, START, CUSTOMER_SHARE, VOLUME_SHARE, KEPT, RATE]
                        ).set_index(by)


def group_order(labels: pd.Series, by: str) -> list:
    """The groups present, in the case's order (VIP first, Europe first), others after."""
    known = {TIER: TIERS, ROUTE: ROUTES}.get(by, ())
    present = list(dict.fromkeys(labels))
    return [g for g in known if g in present] + [g for g in present if g not in known]


def cause_table(data: pd.DataFrame) -> pd.DataFrame:
    """流失原因的帕累托表：每种原因的流失客户数、比重和累计比重，从多到少排序。
    The Pareto table of churn causes, from the most frequent down (ties in order of
    first appearance).

    比重 = 这种原因的客户数 ÷ 有原因的流失客户总数 × 100；累计比重从第一行一直加到
    这一行，最后一行是 100。空白的原因不计入。

    Parameters
    ----------
    data : pandas.DataFrame
        流失客户表（如 :func:`churned_customers` 的结果），有 ``流失原因`` 列。表里
        每个不空的原因都会计入，所以要先选出流失客户。

    Returns
    -------
    pandas.DataFrame
        每种原因一行（行号 0, 1, 2…），列：``流失原因``、``客户数``、``比重(%)``、
        ``累计比重(%)``（百分比不四舍五入）。客户数相同的原因按在表里第一次出现的
        先后排列。

    Examples
    --------
    五位流失客户，一位没有填原因，其余四位：服务不达要求 2 位（2 ÷ 4 = 50 %），
    价格偏高和员工不满各 1 位（各 25 %）。价格偏高先出现，排在员工不满前面；
    累计比重 50、75、100。

    >>> import pandas as pd
    >>> lost = pd.DataFrame({"客户": ["K1", "K2", "K3", "K4", "K5"],
    ...                      "流失原因": ["价格偏高", "服务不达要求", None,
    ...                                   "服务不达要求", "员工不满"]})
    >>> cause_table(lost)
         流失原因  客户数  比重(%)  累计比重(%)
    0  服务不达要求    2   50.0     50.0
    1    价格偏高    1   25.0     75.0
    2    员工不满    1   25.0    100.0
    """
    causes = data[CAUSE].dropna()
    counts = causes.value_counts(sort=False)
    counts = counts.sort_values(ascending=False, kind="stable")
    total = int(counts.sum())
    running = counts.cumsum()
    return pd.DataFrame({CAUSE: counts.index.tolist(), COUNT: counts.astype(int).tolist(),
                         SHARE: [_percent(c, total) for c in counts],
                         CUMULATIVE: [_percent(c, total) for c in running]})


def loyalty_costs(n_lost: int, *, acquire: float, keep: float) -> tuple[float, float]:
    """替换流失客户的成本与留住他们的成本：(n × 获取一位新客户的成本, n × 留住一位老客户的成本)。
    The cost of replacing ``n_lost`` customers against the cost of having kept them.

    两个乘积都按数值写出来的小数精确计算，所以 7 × 0.1 得 0.7，而不是
    0.7000000000000001。Both products are exact.

    Parameters
    ----------
    n_lost : int
        流失客户数（如 ``len(churned_customers(df))``）。
    acquire : float
        获得一位新客户的成本（如 3.5 万元）。必须写成 ``acquire=...``。
    keep : float
        留住一位老客户的成本（如 0.5 万元，单位和 ``acquire`` 相同）。
        必须写成 ``keep=...``。

    Returns
    -------
    (float, float)
        ``(替换成本, 保留成本)``：用新客户补上流失客户要花多少 = ``n_lost × acquire``，
        当初留住他们要花多少 = ``n_lost × keep``，单位同 ``acquire`` 和 ``keep``。

    Examples
    --------
    流失 6 位客户，获得一位新客户 3.5 万元，留住一位老客户 0.5 万元：
    替换成本 6 × 3.5 = 21 万元，保留成本 6 × 0.5 = 3 万元。

    >>> loyalty_costs(6, acquire=3.5, keep=0.5)
    (21.0, 3.0)
    >>> loyalty_costs(7, acquire=0.7, keep=0.1)  # 7 × 0.7 = 4.9，7 × 0.1 = 0.7
    (4.9, 0.7)
    """
    return (float(Fraction(str(acquire)) * n_lost), float(Fraction(str(keep)) * n_lost))
