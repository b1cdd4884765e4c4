"""Reading a student's table of the retention assignment: its columns by role, its rows by key.

A column is found by its heading, written in any usual way: Chinese or English,
with or without a unit or ``(%)`` (``毛利率``, ``毛利率(%)``, ``Gross margin %``).
The rows are matched to customers (or service lines, or orders) by a key column,
or by the index when the key was made the index (``groupby`` without
``reset_index``).  Numbers are read as :mod:`..cells` reads them; dates from
dates, Excel day numbers or text, also as the grader rebuilds them (text).
"""
from __future__ import annotations

import re
import unicodedata

import numpy as np
import pandas as pd

from ...customer_database import as_date
from ...grading.answers import NotReadable, Other
from ..cells import is_blank, key_text, numbers
from ..verdict import Mistake

ROLES = {
    "key": ("客户编号", "客户", "客户id", "客户代码", "customer", "customerid"),
    "first": ("首次下单日期", "首次下单", "首单日期", "第一次下单日期", "firstorder",
              "firstorderdate"),
    "last": ("最近下单日期", "最近下单", "最后下单日期", "末次下单日期", "最近一次下单日期",
             "lastorder", "lastorderdate"),
    "orders": ("订单数", "订单笔数", "订单数量", "下单次数", "交易次数", "orders", "ordercount",
               "numberoforders"),
    "revenue": ("营业收入", "营业收入合计", "收入合计", "总收入", "营业额", "销售额", "revenue",
                "totalrevenue", "sales"),
    "average": ("平均订单金额", "平均订单价值", "平均每单金额", "平均订单额", "平均单价", "客单价",
                "averageordervalue", "avgordervalue", "aov"),
    "profit": ("毛利", "毛利合计", "毛利润", "毛利额", "grossprofit", "profit"),
    "margin": ("毛利率", "grossmargin", "grossmarginrate", "marginrate", "margin"),
    "contribution": ("贡献率", "贡献比率", "毛利贡献率", "contribution", "contributionratio"),
    "line": ("业务类型", "业务", "服务类型", "serviceline", "service", "line"),
    "tier": ("客户层级", "层级", "客户类别", "类别", "分层", "客户等级", "等级", "tier", "level"),
    "count": ("客户数", "客户数量", "customers", "count", "numberofcustomers"),
    "share": ("营业收入比重", "销售额比重", "收入比重", "比重", "销售比重", "营业收入占比", "占比",
              "salesshare", "revenueshare", "share"),
    "stage": ("阶段", "生命周期", "生命周期阶段", "预警", "stage", "lifecycle", "lifecyclestage"),
    "repeating": ("反复期", "是否反复期", "repeating"),
    "declining": ("衰退期", "是否衰退期", "declining"),
    "order": ("订单号", "订单编号", "orderid", "order"),
    "cause": ("投诉原因", "原因", "cause", "complaint"),
}
_UNIT = re.compile(r"[(\[（【][^)\]）】]*[)\]）】]$")


def heading(name) -> str:
    """A heading as comparable text: "毛利率（%）" → "毛利率", "Gross margin %" → "grossmargin"."""
    text = unicodedata.normalize("NFKC", str(name)).strip().casefold()
    text = _UNIT.sub("", text)
    return re.sub(r"[\s_%\-/:]", "", text)


def find(frame: pd.DataFrame, role: str):
    """The first column of ``frame`` that plays ``role`` (None if none does)."""
    names = ROLES[role]
    return next((c for c in frame.columns if heading(c) in names), None)


def as_table(answer, name: str) -> pd.DataFrame:
    """The answer as a DataFrame; a Mistake saying what it is instead."""
    if answer is None:
        raise Mistake("retention.no_answer", name=name)
    if isinstance(answer, pd.Series):
        answer = answer.to_frame()
    if not isinstance(answer, pd.DataFrame):
        got = answer.type_name if isinstance(answer, NotReadable) else type(answer).__name__
        raise Mistake("retention.not_a_table", name=name, got=got)
    if answer.empty:
        raise Mistake("retention.empty_table", name=name)
    return answer


def keyed(frame: pd.DataFrame, role: str, expected: list[str], name: str) -> pd.DataFrame:
    """``frame`` indexed by the text of its key (a ``role`` column, else its index), each
    expected key once; a Mistake naming missing, extra or repeated keys."""
    column = find(frame, role)
    if column is not None:
        keys = frame[column].tolist()
        frame = frame.drop(columns=[column])
    else:
        keys = frame.index.tolist()
    texts = [key_text(k) for k in keys]
    wanted = set(expected)
    if column is None and not wanted & set(texts):
        raise Mistake("retention.missing_column", name=name, column=ROLES[role][0])
    seen, repeated = set(), []
    for text in texts:
        if text in seen:
            repeated.append(text)
        seen.add(text)
    if repeated:
        raise Mistake("retention.repeated_rows", name=name, keys=sorted(set(repeated)))
    missing = [k for k in expected if k not in seen]
    if missing:
        raise Mistake("retention.missing_rows", name=name, keys=missing, n=len(missing))
    extra = sorted(seen - wanted)
    if extra:
        raise Mistake("retention.extra_rows", name=name, keys=extra, n=len(extra))
    return frame.set_axis(texts, axis=0).loc[expected]


def column(frame: pd.DataFrame, role: str, name: str):
    """The column playing ``role``; a Mistake naming the column expected."""
    found = find(frame, role)
    if found is None:
        raise Mistake("retention.missing_column", name=name, column=ROLES[role][0])
    return frame[found]


def number_column(frame: pd.DataFrame, role: str, name: str) -> np.ndarray:
    series = column(frame, role, name)
    values, bad = numbers(series)
    if bad is not None or np.isnan(values).any():
        where = bad if bad is not None else int(np.flatnonzero(np.isnan(values))[0])
        raise Mistake("retention.not_numbers", name=name, column=str(series.name),
                      key=str(frame.index[where]))
    return values


def date_column(frame: pd.DataFrame, role: str, name: str) -> list:
    series = column(frame, role, name)
    days = []
    for key, cell in zip(frame.index, series.tolist()):
        day = as_date(cell.text if isinstance(cell, Other) else cell)
        if day is None:
            raise Mistake("retention.not_dates", name=name, column=str(series.name), key=str(key))
        days.append(day)
    return days


def close(got: np.ndarray, expected: np.ndarray, tolerance: float) -> np.ndarray:
    """Row by row: ``got`` equals ``expected`` within ``tolerance`` (and a tiny relative part)."""
    expected = np.asarray(expected, dtype=float)
    return np.abs(np.asarray(got, dtype=float) - expected) <= tolerance + 1e-9 * np.abs(expected)


def percent_matches(got: np.ndarray, expected_percent: np.ndarray) -> bool:
    """``got`` are these percentages, written as percent (37.5, rounded to 0.1 at most) or as a
    fraction (0.375, rounded to 0.001 at most); NaN where expected is NaN."""
    expected = np.asarray(expected_percent, dtype=float)
    known = ~np.isnan(expected)
    if np.isnan(got[known]).any():
        return False
    return bool(close(got[known], expected[known], 0.05).all()
                or close(got[known], expected[known] / 100, 0.0005).all())


def flags(series: pd.Series) -> np.ndarray:
    """A yes/no column: True/1/"是"/"Y"/"√" are yes; False/0/blank/"否"/"N" are no."""
    yes = {"true", "1", "1.0", "是", "y", "yes", "√", "✓", "是的"}
    return np.array([not is_blank(c) and str(c).strip().casefold() in yes
                     for c in series.tolist()], dtype=bool)
