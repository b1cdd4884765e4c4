"""Weighted scoring of prospects (加权评分法): normalise, weigh, add up, rank.

Each criterion is normalised by min-max onto 0–1 (or 0–100 with ``scale=100``):

- higher is better (件量, 单件收入, 信用, 经营年限): (x − 最小值) ÷ (最大值 − 最小值);
- lower is better (距离): (最大值 − x) ÷ (最大值 − 最小值);
- a criterion on which every prospect is the same tells them apart by nothing: 1 for all.

A text criterion (信用等级 优/良/中/差) is first turned into points (``points``).
The weighted score is Σ 权重 × 标准化值 with the weights as fractions of 1 (weights
given in % are divided by 100), so the score is on the same scale as the
normalised values.  All arithmetic is exact (fractions): prospects with the same
figures get exactly the same score, and a tie is a tie.
"""
from __future__ import annotations

from fractions import Fraction

import pandas as pd

from .errors import DataError, SchemeError
from .exact import as_fraction
from .spreadsheets import blank

SCORE, RANK = "加权得分", "排名"


def normalised_name(criterion: str) -> str:
    """The column of a criterion's normalised values: ``"距离"`` → ``"距离(标准化)"``."""
    return f"{criterion}(标准化)"


def weight_fractions(weights: dict) -> dict[str, Fraction]:
    """The weights as exact fractions adding up to 1.

    Weights in % must add up to exactly 100, fractions to exactly 1; otherwise
    :class:`~logicrm_edu.errors.SchemeError` says what they add up to.

    Examples
    --------
    >>> weight_fractions({"月均件量": 60, "距离": 40})
    {'月均件量': Fraction(3, 5), '距离': Fraction(2, 5)}
    >>> weight_fractions({"月均件量": 0.6, "距离": 0.4}) == weight_fractions({"月均件量": 60, "距离": 40})
    True
    """
    if not weights:
        raise SchemeError("selection.weights_empty")
    try:
        exact = {str(k): as_fraction(v) for k, v in weights.items()}
    except (ValueError, TypeError, ZeroDivisionError):
        raise SchemeError("selection.weights_not_numbers",
                          weights=", ".join(f"{k}={v}" for k, v in weights.items())) from None
    if any(w < 0 for w in exact.values()):
        raise SchemeError("selection.weights_negative",
                          weights=", ".join(f"{k}={v}" for k, v in weights.items()))
    total = sum(exact.values())
    if total == 100:
        return {k: w / 100 for k, w in exact.items()}
    if total == 1:
        return exact
    raise SchemeError("selection.weights_sum", total=f"{float(total):g}")


def weighted_scores(table: pd.DataFrame, weights: dict, *, lower_better=(),
                    points: dict | None = None, key: str = "客户", scale: int = 1
                    ) -> pd.DataFrame:
    """用加权评分法给潜在客户打分并排名。
    Score prospects by weighted criteria and rank them (high score first).

    每个评分标准先做“最小-最大”标准化：越大越好的标准，(x − 最小值) ÷ (最大值 − 最小值)；
    越小越好的标准（如距离），(最大值 − x) ÷ (最大值 − 最小值)。所有客户都一样的标准记 1。
    然后 加权得分 = Σ 权重 × 标准化值，从高到低排名。

    Parameters
    ----------
    table : pandas.DataFrame
        潜在客户名单，每行一家客户。
    weights : dict
        评分标准（列名）→ 权重，如 ``{"月均件量": 30, "距离": 15, ...}``；
        百分数加起来要正好是 100，写成小数（0.3）时加起来要正好是 1。
    lower_better : 列名的序列, 可选
        越小越好的标准，如 ``("距离",)``；其他标准都是越大越好。
    points : dict, 可选
        文字标准换成分数，如 ``{"信用等级": {"优": 4, "良": 3, "中": 2, "差": 1}}``。
    key : str, 默认 ``"客户"``
        客户编号列。
    scale : {1, 100}, 默认 1
        标准化值和得分用 0–1 还是 0–100（百分制）。

    Returns
    -------
    pandas.DataFrame
        一张新表，按 ``加权得分`` 从高到低排好（得分相同的保持原来的顺序），行号 1..n：
        客户编号、每个标准的 ``<标准>(标准化)``、``加权得分``、``排名``
        （得分相同的名次相同，如 1、2、2、4）。

    Raises
    ------
    SchemeError
        权重加起来不是 100 %（或 1）、有负数、不是数字。
    DataError
        缺少列、数值为空或不是数字、文字标准里有 ``points`` 没有的值。

    Examples
    --------
    三家客户，件量 100、400、250 件，距离 2、10、6 公里，权重 件量 60 %、距离 40 %。
    件量标准化：0、1、0.5；距离越近越好：1、0、0.5。
    得分：0.6×0 + 0.4×1 = 0.4，0.6×1 + 0.4×0 = 0.6，0.6×0.5 + 0.4×0.5 = 0.5。

    >>> df = pd.DataFrame({"客户": ["P1", "P2", "P3"], "月均件量": [100, 400, 250],
    ...                    "距离": [2, 10, 6]})
    >>> print(weighted_scores(df, {"月均件量": 60, "距离": 40}, lower_better=["距离"]).to_string())
       客户  月均件量(标准化)  距离(标准化)  加权得分  排名
    1  P2        1.0      0.0   0.6   1
    2  P3        0.5      0.5   0.5   2
    3  P1        0.0      1.0   0.4   3
    """
    if scale not in (1, 100):
        raise SchemeError("selection.scale", scale=scale)
    fractions = weight_fractions(weights)
    unknown = [c for c in lower_better if c not in fractions]
    if unknown:
        raise SchemeError("selection.lower_better_unknown", columns="、".join(map(str, unknown)))
    for column in (key, *fractions):
        if column not in table.columns:
            raise DataError("selection.data.missing_column", column=column,
                            columns=", ".join(map(str, table.columns)))
    normalised = {c: normalise(table, c, lower_better=c in lower_better,
                               points=(points or {}).get(c), key=key) for c in fractions}
    scores = [sum(fractions[c] * normalised[c][i] for c in fractions) for i in range(len(table))]
    order = sorted(range(len(table)), key=lambda i: -scores[i])  # stable: ties keep table order
    out = pd.DataFrame({key: table[key].to_numpy()[order]})
    for c in fractions:
        out[normalised_name(c)] = [float(normalised[c][i] * scale) for i in order]
    out[SCORE] = [float(scores[i] * scale) for i in order]
    out[RANK] = [1 + sum(s > scores[i] for s in scores) for i in order]
    out.index = range(1, len(out) + 1)
    return out


def normalise(table: pd.DataFrame, column: str, *, lower_better: bool = False,
              points: dict | None = None, key: str = "客户") -> list[Fraction]:
    """One criterion's min-max normalised values (0–1, exact), in table order.

    Examples
    --------
    >>> df = pd.DataFrame({"客户": [1, 2, 3], "信用等级": ["优", "差", "中"]})
    >>> [float(x) for x in normalise(df, "信用等级", points={"优": 4, "良": 3, "中": 2, "差": 1})]
    [1.0, 0.0, 0.3333333333333333]
    """
    values = [_value(cell, table, row, column, points, key)
              for row, cell in enumerate(table[column].tolist())]
    if not values:
        return []
    low, high = min(values), max(values)
    if low == high:
        return [Fraction(1)] * len(values)
    return [((high - v) if lower_better else (v - low)) / (high - low) for v in values]


def _value(cell, table, row: int, column: str, points: dict | None, key: str) -> Fraction:
    customer = table[key].iloc[row] if key in table.columns else row + 1
    if blank(cell):
        raise DataError("selection.data.blank_criterion", column=column, customer=customer)
    if points is not None:
        text = str(cell).strip()
        if text not in points:
            raise DataError("selection.data.no_points", column=column, customer=customer,
                            value=text, allowed="、".join(map(str, points)))
        return as_fraction(points[text])
    if isinstance(cell, bool):
        raise DataError("selection.data.criterion_not_number", column=column,
                        customer=customer, value=str(cell))
    try:
        return as_fraction(cell if not isinstance(cell, str) else cell.strip())
    except (ValueError, TypeError, ZeroDivisionError):
        raise DataError("selection.data.criterion_not_number", column=column,
                        customer=customer, value=str(cell)) from None
