"""Customer tiering (客户分层): ABC by cumulative share, pyramids by rank, or by value.

The schemes in the course sources disagree on details, so every rule is an
explicit, documented parameter (COURSE_BRIEF §2):

``by="cumulative"``  cut-offs on the cumulative share in %, e.g. ``(80, 95)``.
    Cut-offs that are all at most 1 (and not all exactly 1) are fractions:
    ``(0.8, 0.95)`` is read as ``(80, 95)``, with a :class:`SchemeWarning`
    saying so (also for ``by="rank"``); a cut-off below 1 % cannot be written.
    ``boundary`` decides the customer whose cumulative share crosses a cut-off:
    ``"le"`` (default) upper tier only if its own cumulative share ≤ cut;
    ``"lt"`` only if strictly < cut; ``"cross"`` the crossing customer is still
    in the upper tier ("until 80 % is reached": upper tier while the share
    *before* it is < cut).
``by="rank"``  cut-offs on the share of customers in %, e.g. ``(5, 20)`` for
    top 5 % / next to 20 % / rest, or ``(1, 5, 20)`` for VIP / 主要 / 普通 / 小客户.
    ``n × cut / 100`` customers are in the top, rounded by ``rounding``:
    ``"ceil"`` (default; at least that share, so a class of 14 has one "top 5 %"
    customer), ``"floor"`` or ``"round"`` (half up).
``by="count"``  cut-offs are customer counts: ``(10, 40)`` = top 10 / top 40 / rest.
``by="value"``  cut-offs are values of the indicator, high to low, e.g.
    ``(500, 100)``: A if value ≥ 500, B if ≥ 100, C otherwise.

Ties (equal values): ``ties="same"`` (default) gives every customer of a tie
group the tier of its best-placed member, i.e. the upper tier when a group
straddles a cut-off; ``ties="order"`` keeps the strict sorted order.  Either way
:func:`straddling_ties` lists the tie groups that straddle a cut-off (worked out
again from the table's values, so a re-sorted table gives the same answer).

All comparisons are exact (see :mod:`logicrm_edu.exact`).
"""
from __future__ import annotations

import math
import warnings
from fractions import Fraction

import numpy as np
import pandas as pd

from . import columns
from .errors import SchemeError
from .exact import (as_fraction, at_most, descending_order, percent_of, scaled_integers,
                    share_at_most)
from .i18n import resolve
from .shares import share_table
from .spreadsheets import DataWarning

BY = ("cumulative", "rank", "count", "value")
BOUNDARIES = ("le", "lt", "cross")
TIES = ("same", "order")
ROUNDINGS = ("ceil", "floor", "round")
PERCENT_SCHEMES = ("cumulative", "rank")
"""The schemes whose cut-offs are percentages (and may be given as fractions)."""


class SchemeWarning(DataWarning):
    """A remark about a tiering scheme that does not stop it (fractions read as %)."""


def percent_cuts(cuts, *, by: str = "cumulative") -> tuple[tuple, bool]:
    """``(cuts, read_as_fractions)``: cut-offs of a percentage scheme that are all ≤ 1
    (and not all exactly 1) are fractions and come back × 100, e.g.
    ``(0.8, 0.95)`` → ``((80, 95), True)``; a fraction beside a percentage, e.g.
    ``(0.8, 95)``, is a :class:`SchemeError` (either reading would be a guess);
    anything else comes back unchanged.

    Examples
    --------
    >>> percent_cuts((0.8, 0.95))
    ((80, 95), True)
    >>> percent_cuts((80, 95))
    ((80, 95), False)
    """
    cuts = tuple(cuts)
    try:
        numbers = [as_fraction(c) for c in cuts]
    except (ValueError, TypeError, ZeroDivisionError):
        return cuts, False  # _check_scheme names the bad cut-off
    if by not in PERCENT_SCHEMES or not numbers:
        return cuts, False
    if any(0 < c < 1 for c in numbers) and any(c > 1 for c in numbers):
        raise SchemeError("scheme.cuts_mixed", given=", ".join(map(str, cuts)))
    if not all(0 < c <= 1 for c in numbers) or all(c == 1 for c in numbers):
        return cuts, False
    percent = tuple(int(c * 100) if (c * 100).denominator == 1 else float(c * 100)
                    for c in numbers)
    return percent, True


def _scheme_cuts(cuts, by: str) -> tuple:
    """The cut-offs in %, warning when fractions were read as percentages."""
    percent, fractions = percent_cuts(cuts, by=by)
    if fractions:
        _check_cuts(cuts, by)  # a mistake is named with the cut-offs as typed, not × 100
        warnings.warn(SchemeWarning("scheme.cuts_fractions", given=", ".join(map(str, cuts)),
                                    percent=", ".join(map(str, percent))), stacklevel=3)
    return percent


def default_labels(n_tiers: int) -> tuple[str, ...]:
    """A, B, C, ... one label per tier."""
    return tuple(chr(ord("A") + i) for i in range(n_tiers))


def tier_codes(values, cuts, *, by="cumulative", boundary="le", ties="same",
               rounding="ceil") -> np.ndarray:
    """每个客户属于第几层（0 = 最高层 A），数值必须已经从高到低排好。
    Tier index (0 = top) of each customer, for values already sorted high → low.

    这是 :func:`tier_customers` 的计算核心，评分程序也用它算出应有的类别。
    The pure core of :func:`tier_customers`, also used by the grader.

    Parameters
    ----------
    values : 数字序列
        各客户的数值（如营业收入），从高到低排好。
    cuts : 数字序列
        分界点，规则同 :func:`tier_customers`，例如 ``(80, 95)``；都不大于 1 的
        ``(0.8, 0.95)`` 按比例理解为 80 %、95 %（会给出提示）。
    by, boundary, ties, rounding : str
        分层规则，含义同 :func:`tier_customers`。

    Returns
    -------
    numpy.ndarray
        每个客户一个整数：0 是 A 类，1 是 B 类，依此类推。

    Examples
    --------
    五个客户共 100 万元，累计比重 50、80、90、95、100。最后两位都是 5 万元（并列），
    按默认的 ties="same" 一起归入较高的 B 类（1）：

    >>> tier_codes([50, 30, 10, 5, 5], (80, 95)).tolist()
    [0, 0, 1, 1, 1]
    >>> tier_codes([50, 30, 10, 5, 5], (80, 95), ties="order").tolist()
    [0, 0, 1, 1, 2]
    """
    cuts = _scheme_cuts(cuts, by)
    _check_scheme(cuts, by, boundary, ties, rounding)
    values = np.asarray(values, dtype=np.float64)
    units, _ = scaled_integers(values)
    return _apply_ties(_codes_in_order(values, units, cuts, by, boundary, rounding), units, ties)


def tier_customers(table: pd.DataFrame, cuts=(80, 95), *, by: str = "cumulative",
                   boundary: str = "le", ties: str = "same", labels=None,
                   rounding: str = "ceil", value: str | None = None, key: str | None = None,
                   lang: str | None = None) -> pd.DataFrame:
    """给客户表加上类别列 ``类别``（ABC 分类）。
    Add the class column ``类别`` (``class`` in English) to a share table.

    默认按累计比重分：累计比重不超过 80 % 的客户是 A 类，不超过 95 % 的是 B 类，
    其余是 C 类。各条规则的细节见本模块的说明（``help(logicrm_edu.tiering)``）。

    Parameters
    ----------
    table : pandas.DataFrame
        :func:`share_table` 的结果；普通客户表也可以，会先交给 :func:`share_table`。
    cuts : 数字序列
        分界点，从小到大，默认 ``(80, 95)``：80 是 A/B 的分界，95 是 B/C 的分界。
        几个分界点就分出多一层。写成比例 ``(0.8, 0.95)`` 也可以，按 80 %、95 %
        理解，并给出提示（所以不能写低于 1 % 的分界点）。
    by : {"cumulative", "rank", "count", "value"}
        按什么分：累计比重（%，默认）、客户数比例（%，如前 5 %、前 20 %）、
        客户个数（前 10 名、前 40 名）、数值本身（从大到小，如 500、100 万元）。
    boundary : {"le", "lt", "cross"}
        正好越过分界点的那个客户算哪一类：``"le"`` 累计比重 ≤ 分界点才算上一类
        （默认）；``"lt"`` 必须 < 分界点；``"cross"`` 越过分界点的客户仍算上一类。
    ties : {"same", "order"}
        数值相同的客户：``"same"`` 归入同一类（较高的那类，默认）；
        ``"order"`` 严格按排好的顺序。
    labels : 序列, 可选
        各类的名称，默认 A、B、C…，个数要比 ``cuts`` 多一个，
        例如 ``("VIP", "主要客户", "普通客户", "小客户")``。
    rounding : {"ceil", "floor", "round"}
        ``by="rank"`` 时人数不是整数怎么取整：向上（默认）、向下、四舍五入。
    value, key : str, 可选
        数值列和客户编号列的列名（表还没经过 :func:`share_table` 时用）。
    lang : {"zh", "en"}, 可选
        新列用中文还是英文列名。

    Returns
    -------
    pandas.DataFrame
        一张新表（原表不变），多一列 ``类别``（有序分类，最高一类在前）。

    Raises
    ------
    SchemeError
        分界点或规则写错（顺序反了、超过 100、名称个数不对……），中英文说明。

    Examples
    --------
    五个客户共 100 万元。排序后累计比重是 50、80、90、95、100：前两位 ≤ 80 是
    A 类；客户 1 和 3 ≤ 95 是 B 类；客户 5 超过 95，但和客户 3 并列（都是 5 万元），
    所以也是 B 类。

    >>> import pandas as pd
    >>> from logicrm_edu import share_table
    >>> df = pd.DataFrame({"客户": [1, 2, 3, 4, 5], "营业收入": [10, 50, 5, 30, 5]})
    >>> t = tier_customers(share_table(df), cuts=(80, 95))
    >>> print(t.to_string())
       客户  营业收入  比重(%)  累计营业收入  累计比重(%) 类别
    1   2  50.0   50.0    50.0     50.0  A
    2   4  30.0   30.0    80.0     80.0  A
    3   1  10.0   10.0    90.0     90.0  B
    4   3   5.0    5.0    95.0     95.0  B
    5   5   5.0    5.0   100.0    100.0  B
    """
    if columns.find(table, "cumulative_share") is None:
        table = share_table(table, value=value, key=key, lang=lang)
    lang = resolve(lang) if lang else columns.lang_of(table)
    cuts = _scheme_cuts(cuts, by)
    labels = tuple(labels) if labels is not None else default_labels(len(cuts) + 1)
    if len(labels) != len(cuts) + 1 or len(set(labels)) != len(labels):
        raise SchemeError("scheme.labels", n_labels=len(labels), n_tiers=len(cuts) + 1)
    meta = dict(table.attrs.get("logicrm", {}))
    value_col = meta.get("value") or value or _value_column(table)
    values = table[value_col].to_numpy(dtype=np.float64)
    _check_scheme(cuts, by, boundary, ties, rounding)
    units, _ = scaled_integers(values)
    if np.any(np.diff(units) > 0):
        raise SchemeError("scheme.not_sorted", column=value_col)
    in_order = _codes_in_order(values, units, cuts, by, boundary, rounding)
    codes = _apply_ties(in_order, units, ties)

    result = table.copy(deep=False)  # copy-on-write: the caller's table is never changed
    tier_col = columns.name("tier", lang)
    result[tier_col] = pd.Categorical.from_codes(codes, categories=list(labels), ordered=True)
    meta.update(value=value_col, lang=lang, tier=tier_col, cuts=tuple(cuts), by=by,
                boundary=boundary, ties=ties, rounding=rounding, labels=labels)
    result.attrs["logicrm"] = meta
    return result


def straddling_ties(tiered: pd.DataFrame) -> pd.DataFrame:
    """找出数值相同、但严格按顺序会被分到不同类别的客户（跨越分界点的并列）。
    Customers with equal values that strict sorted order would split across tiers.

    Parameters
    ----------
    tiered : pandas.DataFrame
        :func:`tier_customers` 的结果；重新排过序也可以。

    Returns
    -------
    pandas.DataFrame
        每个这样的客户一行，按名次排列：原来的各列，再加 ``类别(严格按顺序)``
        （严格按顺序时的类别）。没有这样的并列时是空表。教材数据、分界点 80/95
        时是客户 10 和 12。结果只由表中的数值和分层规则算出，所以表重新排序后
        答案不变。

    Raises
    ------
    SchemeError
        表没有分过层，或者分层后删掉了行、改了类别（请对整张表重新分层）。

    Examples
    --------
    客户 3 和 5 都是 5 万元；严格按顺序，客户 3 累计 95 % 是 B 类，客户 5 累计
    100 % 是 C 类，可它们的数值一样：

    >>> import pandas as pd
    >>> from logicrm_edu import share_table, tier_customers
    >>> df = pd.DataFrame({"客户": [1, 2, 3, 4, 5], "营业收入": [10, 50, 5, 30, 5]})
    >>> t = tier_customers(share_table(df), cuts=(80, 95))
    >>> print(straddling_ties(t.sort_values("客户")).to_string())
       客户  营业收入  比重(%)  累计营业收入  累计比重(%) 类别 类别(严格按顺序)
    4   3   5.0    5.0    95.0     95.0  B         B
    5   5   5.0    5.0   100.0    100.0  B         C
    """
    meta = tiered.attrs.get("logicrm", {})
    if "cuts" not in meta or meta.get("tier") not in tiered.columns:
        raise SchemeError("scheme.not_tiered")
    units, _ = scaled_integers(tiered[meta["value"]].to_numpy(dtype=np.float64))
    order = _rank_order(tiered.index, units)
    values = tiered[meta["value"]].to_numpy(dtype=np.float64)[order]
    in_order = _codes_in_order(values, units[order], meta["cuts"], meta["by"], meta["boundary"],
                               meta["rounding"])
    labels = list(meta["labels"])
    given = tiered[meta["tier"]].iloc[order].map({lab: i for i, lab in enumerate(labels)}
                                                 | {str(lab): i for i, lab in enumerate(labels)})
    if given.isna().any() or not np.array_equal(
            given.to_numpy(dtype=np.int64), _apply_ties(in_order, units[order], meta["ties"])):
        raise SchemeError("scheme.tiers_changed")
    rows = _straddling(units[order], in_order)
    out = tiered.iloc[order[rows]].copy()
    out[columns.name("tier_in_order", meta["lang"])] = [labels[in_order[r]] for r in rows]
    return out


def tier_summary(tiered: pd.DataFrame) -> pd.DataFrame:
    """每一类有几个客户、占客户数的百分比、数值合计、占数值的百分比。
    Per tier, in tier order: customers, share of customers, value, share of value.

    用来检验“二八法则”：例如教材数据里 A 类是 14 个客户中的 4 个（28.6 %），
    却占营业收入的 79.5 %。没有客户的类别也列出来，数都是 0。

    Parameters
    ----------
    tiered : pandas.DataFrame
        :func:`tier_customers` 的结果。

    Returns
    -------
    pandas.DataFrame
        每类一行，按类别顺序：``类别``、``客户数``、``客户数比重(%)``、数值列
        （如 ``营业收入``）和 ``营业收入比重(%)``。

    Examples
    --------
    >>> import pandas as pd
    >>> from logicrm_edu import share_table, tier_customers
    >>> df = pd.DataFrame({"客户": [1, 2, 3, 4, 5], "营业收入": [10, 50, 5, 30, 5]})
    >>> t = tier_customers(share_table(df), cuts=(80, 95), ties="order")
    >>> print(tier_summary(t).to_string(index=False))
    类别  客户数  客户数比重(%)  营业收入  营业收入比重(%)
     A    2      40.0  80.0       80.0
     B    2      40.0  15.0       15.0
     C    1      20.0   5.0        5.0
    """
    meta = tiered.attrs.get("logicrm", {})
    lang = meta.get("lang") or columns.lang_of(tiered)
    tier_col = meta.get("tier") or columns.name("tier", lang)
    if tier_col not in tiered.columns:
        raise SchemeError("scheme.not_tiered")
    value_col = meta.get("value") or _value_column(tiered)
    tiers = tiered[tier_col]
    labels = list(tiers.cat.categories) if isinstance(tiers.dtype, pd.CategoricalDtype) \
        else list(dict.fromkeys(tiers))
    units, _ = scaled_integers(tiered[value_col].to_numpy(dtype=np.float64))
    total = units.sum()
    counts, sums, unit_sums = [], [], []
    for label in labels:
        mask = (tiers == label).to_numpy()
        counts.append(int(mask.sum()))
        sums.append(float(tiered[value_col].to_numpy()[mask].sum()))
        unit_sums.append(units[mask].sum() if mask.any() else 0)
    counts_arr = np.array(counts, dtype=np.int64)
    summary = pd.DataFrame({
        tier_col: labels,
        columns.name("customers", lang): counts_arr,
        columns.name("customer_share", lang): percent_of(counts_arr, len(tiered)),
        value_col: sums,
        columns.name("value_share", lang, value=value_col):
            percent_of(np.array(unit_sums, dtype=units.dtype), total),
    })
    summary.attrs["logicrm"] = {"lang": lang, "value": value_col, "tier": tier_col}
    return summary


# -- internals --------------------------------------------------------------

def _codes_in_order(values, units, cuts, by, boundary, rounding) -> np.ndarray:
    n = len(values)
    outside = np.zeros(n, dtype=np.int64)
    if by == "cumulative":
        cumulative = np.cumsum(units)
        total = cumulative[-1] if n else 0
        for cut in cuts:
            if boundary == "cross":
                within = share_at_most(cumulative - units, total, cut, strict=True)
            else:
                within = share_at_most(cumulative, total, cut, strict=boundary == "lt")
            outside += ~np.asarray(within, dtype=bool)
    elif by in ("rank", "count"):
        ranks = np.arange(1, n + 1)
        for cut in cuts:
            top = _top_count(n, cut, rounding) if by == "rank" else int(as_fraction(cut))
            outside += ranks > top
    else:  # value: below the cut, both read as the decimals meant
        for cut in cuts:
            outside += at_most(values, cut, strict=True)
    return outside


def _top_count(n: int, cut, rounding: str) -> int:
    exact = Fraction(n) * as_fraction(cut) / 100
    if rounding == "ceil":
        return math.ceil(exact)
    if rounding == "floor":
        return math.floor(exact)
    return math.floor(exact + Fraction(1, 2))


def _apply_ties(order_codes, units, ties) -> np.ndarray:
    if ties == "order":
        return order_codes
    starts = _tie_group_starts(units)
    group = np.cumsum(starts) - 1
    return order_codes[np.flatnonzero(starts)][group]


def _tie_group_starts(units) -> np.ndarray:
    starts = np.ones(len(units), dtype=bool)
    if len(units) > 1:
        starts[1:] = units[1:] != units[:-1]
    return starts


def _straddling(units, in_order) -> np.ndarray:
    """Sorted positions of the members of tie groups that strict order splits."""
    starts = _tie_group_starts(units)
    group = np.cumsum(starts) - 1
    first = in_order[np.flatnonzero(starts)]
    last = np.maximum.reduceat(in_order, np.flatnonzero(starts)) if len(units) else first
    split = np.flatnonzero(first != last)
    return np.flatnonzero(np.isin(group, split))


def _rank_order(index: pd.Index, units) -> np.ndarray:
    """Positions sorting a (possibly re-sorted) table high → low, ties by rank: the index
    of :func:`share_table` is the rank, else ties keep the table's order."""
    try:
        by_index = np.argsort(index.to_numpy(), kind="stable")
    except TypeError:  # an index of mixed types has no order
        by_index = np.arange(len(index))
    return by_index[descending_order(units[by_index])]


def _check_scheme(cuts, by, boundary, ties, rounding) -> None:
    for name_, given, allowed in (("by", by, BY), ("boundary", boundary, BOUNDARIES),
                                  ("ties", ties, TIES), ("rounding", rounding, ROUNDINGS)):
        if given not in allowed:
            raise SchemeError("scheme.unknown_option", option=name_, given=given,
                              allowed=", ".join(allowed))
    _check_cuts(cuts, by)


def _check_cuts(cuts, by) -> None:
    cuts = list(cuts)
    if not cuts:
        raise SchemeError("scheme.no_cuts")
    try:
        numbers = [as_fraction(c) for c in cuts]
    except (ValueError, TypeError):
        raise SchemeError("scheme.cuts_not_numbers", cuts=cuts) from None
    decreasing = by == "value"
    ordered = all((a > b) if decreasing else (a < b) for a, b in zip(numbers, numbers[1:]))
    if not ordered:
        raise SchemeError("scheme.cuts_order_value" if decreasing else "scheme.cuts_order", cuts=cuts)
    if by in ("cumulative", "rank") and not all(0 < c <= 100 for c in numbers):
        raise SchemeError("scheme.cuts_range", cuts=cuts)
    if by == "count" and not all(c.denominator == 1 and c > 0 for c in numbers):
        raise SchemeError("scheme.cuts_count", cuts=cuts)


def _value_column(table: pd.DataFrame) -> str:
    found = columns.find(table, "revenue")
    if found is None:
        raise SchemeError("scheme.no_value_column", columns=", ".join(map(str, table.columns)))
    return found
