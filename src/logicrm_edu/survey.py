"""Likert survey answers (1–5): per-dimension summary, satisfaction index, IPA quadrants.

A questionnaire has blank answers (the customer skipped the question) and answers
outside the scale (a 6, or a 0 for "no idea"): neither says how satisfied the customer
is, so both are left out; a dimension's mean and satisfied share are taken over its
valid answers only.  Means and shares are computed exactly (fractions), so an answer
on a boundary is never misplaced by floating-point error.
"""
from __future__ import annotations

from fractions import Fraction

import pandas as pd

from .i18n import t

SATISFIED = 4
"""the lowest answer that counts as satisfied (4 = 满意, 5 = 非常满意)"""
SCALE = (1, 5)
DIMENSION, VALID, MEAN, SATISFIED_SHARE = "维度", "有效答卷", "平均分", "满意率(%)"
IMPORTANCE, SATISFACTION, QUADRANT = "重要性", "满意度", "象限"
QUADRANTS = {"fix": "优先改进", "keep": "继续保持", "later": "次要改进", "over": "过度投入"}
"""the four IPA quadrants: high importance and low satisfaction is 优先改进 (fix first)"""


def valid_answers(column: pd.Series, scale=SCALE) -> pd.Series:
    """The answers that are whole numbers on the scale; blanks and the rest become NaN.

    >>> valid_answers(pd.Series([5, None, 6, 0, 3])).tolist()
    [5.0, nan, nan, nan, 3.0]
    """
    numbers = pd.to_numeric(column, errors="coerce").astype("float64")
    low, high = scale
    ok = numbers.between(low, high) & (numbers % 1 == 0)
    return numbers.where(ok)


def exact_mean(column: pd.Series, scale=SCALE) -> Fraction | None:
    """The mean of the valid answers as a fraction (None without any)."""
    answers = [int(x) for x in valid_answers(column, scale).dropna()]
    return Fraction(sum(answers), len(answers)) if answers else None


def likert_summary(data: pd.DataFrame, *, prefix: str = "满意度_", dimensions=None,
                   scale=SCALE) -> pd.DataFrame:
    """每个维度的有效答卷数、平均分和满意率（答 4 或 5 的比例）。
    Per dimension: valid answers, mean and satisfied share (answers of 4 or 5).

    Parameters
    ----------
    data : pandas.DataFrame
        每位受访者一行；每个维度一列，列名为 ``prefix + 维度``。
    prefix : str
        答案列的前缀：``"满意度_"``（满意度）或 ``"重要性_"``（重要性）。
    dimensions : list of str, 可选
        要汇总的维度；不写时为所有以 ``prefix`` 开头的列。
    scale : (int, int)
        量表的最低分和最高分。空白和超出量表的答案都不计入。

    Returns
    -------
    pandas.DataFrame
        索引为维度，列：有效答卷、平均分、满意率(%)。

    Examples
    --------
    >>> answers = pd.DataFrame({"满意度_准时": [5, 4, 3, None, 6],
    ...                         "满意度_价格": [2, 4, 4, 5, 3]})
    >>> likert_summary(answers)
        有效答卷  平均分     满意率(%)
    维度                      
    准时     3  4.0  66.666667
    价格     5  3.6  60.000000
    """
    if dimensions is None:
        dimensions = [str(c)[len(prefix):] for c in data.columns if str(c).startswith(prefix)]
    rows = []
    for dim in dimensions:
        answers = valid_answers(data[prefix + dim], scale).dropna()
        mean = exact_mean(data[prefix + dim], scale)
        happy = Fraction(int((answers >= SATISFIED).sum()) * 100, len(answers)) if len(
            answers) else None
        rows.append({DIMENSION: dim, VALID: len(answers),
                     MEAN: float(mean) if mean is not None else float("nan"),
                     SATISFIED_SHARE: float(happy) if happy is not None else float("nan")})
    return pd.DataFrame(rows, columns=[DIMENSION, VALID, MEAN, SATISFIED_SHARE]).set_index(
        DIMENSION)


def satisfaction_index(means, weights: dict) -> float:
    """总体满意度指数：各维度平均分按权重加权（权重用百分数，合计 100）。
    The overall satisfaction index: the weighted mean of the dimensions' means.

    Parameters
    ----------
    means : dict 或 pandas.Series 或 pandas.DataFrame
        维度 → 平均分；也可以直接传 :func:`likert_summary` 的结果。
    weights : dict
        维度 → 权重（%），合计必须是 100，例如 ``{"准时": 30, ...}`` 表示 30 %。

    Returns
    -------
    float
        指数，和平均分一样在 1～5 之间。

    Examples
    --------
    >>> satisfaction_index({"准时": 3.0, "价格": 4.0}, {"准时": 70, "价格": 30})
    3.3
    """
    if isinstance(means, pd.DataFrame):
        means = means[MEAN]
    means = dict(means)
    total = sum(Fraction(str(w)) for w in weights.values())
    if total != 100:
        raise ValueError(t("churn.weights_not_100", None, total=float(total)))
    index = sum(Fraction(str(w)) / 100 * Fraction(str(float(means[d])))
                for d, w in weights.items())
    return float(index)


def quadrants(importance: dict, satisfaction: dict) -> dict[str, str]:
    """The IPA quadrant of each dimension; the lines are the means of the dimensions'
    importance and satisfaction, and a dimension on a line counts as high.

    >>> quadrants({"准时": 5, "价格": 3}, {"准时": 2, "价格": 4})
    {'准时': '优先改进', '价格': '过度投入'}
    """
    imp = {d: _exact(v) for d, v in importance.items()}
    sat = {d: _exact(satisfaction[d]) for d in importance}
    imp_line = sum(imp.values()) / len(imp)
    sat_line = sum(sat.values()) / len(sat)
    return {d: quadrant_name(imp[d] >= imp_line, sat[d] >= sat_line) for d in imp}


def quadrant_name(important: bool, satisfied: bool) -> str:
    """优先改进 / 继续保持 / 次要改进 / 过度投入 for high or low importance and satisfaction."""
    if important:
        return QUADRANTS["keep" if satisfied else "fix"]
    return QUADRANTS["over" if satisfied else "later"]


def importance_satisfaction(data: pd.DataFrame, *, dimensions=None,
                            scale=SCALE) -> pd.DataFrame:
    """重要性—满意度分析表（IPA）：每个维度的重要性平均分、满意度平均分和所在象限。
    The IPA table: each dimension's mean importance, mean satisfaction and quadrant.

    分界线是各维度平均分的平均值（不是量表中点 3），正好在线上的算“高”；重要性高、
    满意度低的维度落在“优先改进”象限，重要性高、满意度高是“继续保持”，重要性低、
    满意度低是“次要改进”，重要性低、满意度高是“过度投入”。The quadrant lines are at
    the means of the dimensions' means, not at 3; a dimension on a line counts as high.

    Parameters
    ----------
    data : pandas.DataFrame
        每位受访者一行；每个维度两列：``满意度_<维度>`` 和 ``重要性_<维度>``，
        答案是 1～5 分。空白和超出量表的答案（如 6、0）不计入平均分。
    dimensions : list of str, 可选
        要分析的维度；不写时为所有以 ``满意度_`` 开头的列（按列的顺序）。
        每个维度都要有 ``重要性_<维度>`` 列。
    scale : (int, int)
        量表的最低分和最高分，默认 ``(1, 5)``。

    Returns
    -------
    pandas.DataFrame
        索引为维度，列：``重要性``、``满意度``（有效答案的平均分，不四舍五入）和
        ``象限``（优先改进 / 继续保持 / 次要改进 / 过度投入）。

    Examples
    --------
    三位受访者。准时：重要性 (5 + 5 + 5) ÷ 3 = 5.0，满意度 (2 + 3) ÷ 2 = 2.5（第三位
    没有回答）。价格：重要性 (3 + 4) ÷ 2 = 3.5（0 不计），满意度 (4 + 5) ÷ 2 = 4.5
    （6 不计）。分界线：重要性 (5.0 + 3.5) ÷ 2 = 4.25，满意度 (2.5 + 4.5) ÷ 2 = 3.5。
    准时重要性高、满意度低，优先改进；价格重要性低、满意度高，过度投入。

    >>> import pandas as pd
    >>> answers = pd.DataFrame({"满意度_准时": [2, 3, None], "重要性_准时": [5, 5, 5],
    ...                         "满意度_价格": [4, 5, 6], "重要性_价格": [3, 4, 0]})
    >>> importance_satisfaction(answers)
        重要性  满意度    象限
    维度                
    准时  5.0  2.5  优先改进
    价格  3.5  4.5  过度投入
    """
    if dimensions is None:
        dimensions = [str(c)[len("满意度_"):] for c in data.columns
                      if str(c).startswith("满意度_")]
    imp = {d: exact_mean(data["重要性_" + d], scale) for d in dimensions}
    sat = {d: exact_mean(data["满意度_" + d], scale) for d in dimensions}
    table = pd.DataFrame({IMPORTANCE: [float(imp[d]) for d in dimensions],
                          SATISFACTION: [float(sat[d]) for d in dimensions],
                          QUADRANT: list(quadrants(imp, sat).values())},
                         index=pd.Index(list(dimensions), name=DIMENSION))
    return table


def _exact(value) -> Fraction:
    """An exact mean as it is; a float as the decimal it prints as."""
    return value if isinstance(value, (Fraction, int)) else Fraction(str(float(value)))
