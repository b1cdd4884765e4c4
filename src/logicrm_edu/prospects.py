"""Prospect lists of a new express branch (快递客户的选择, COURSE_BRIEF §5).

A new city branch's market manager gets a list of prospects (潜在客户) and must
pick whom to develop.  This module gives that list three ways:

- :func:`load_prospects`: the class dataset, 22 prospects of 迅达快递临江城东分部,
  the same for every student (the textbook-style worked example);
- :func:`student_prospects`: each student's own list, drawn from the course seed
  and the student id with ``random.Random`` only, so it is the same on every machine;
- :func:`read_prospects`: a teacher's own file (XLSX or CSV), checked cell by cell
  with :class:`~logicrm_edu.errors.DataError` naming file, sheet, row and column.
"""
from __future__ import annotations

import random
import re
from importlib import resources

import pandas as pd

from .errors import DataError
from .spreadsheets import blank, cell_text, number_cell, read_sheet

KEY, NAME = "客户", "客户名称"
PARCELS, PRICE, CREDIT, YEARS, DISTANCE = "月均件量", "单件收入", "信用等级", "经营年限", "距离"
COMPETITOR, NEEDS = "竞争对手", "特殊要求"
COLUMNS = (KEY, NAME, "行业", PARCELS, PRICE, CREDIT, YEARS, DISTANCE, COMPETITOR, NEEDS)
"""the columns of a prospect list, in file order"""
NUMBERS = (PARCELS, PRICE, YEARS, DISTANCE)
"""the columns that hold numbers (件/月, 元/件, 年, 公里)"""
RATINGS = ("优", "良", "中", "差")
"""the payment credit ratings, best first"""
CREDIT_POINTS = {"优": 4, "良": 3, "中": 2, "差": 1}
"""the usual points of each credit rating (a teacher may set others)"""
DEFAULT_PROSPECTS = 22
"""22 prospects: 5 % and 20 % of them (1.1 and 4.4) are not whole numbers, so the
rounding of the class counts matters"""

_INDUSTRIES = {  # industry → (typical revenue per parcel in 元, typical monthly parcels)
    "电商": (5.0, 3000), "服装": (7.0, 1500), "食品": (9.0, 800), "医药": (18.0, 400),
    "电子产品": (11.0, 600), "商务文件": (16.0, 250), "化妆品": (8.0, 1000),
    "农产品": (10.0, 700), "家居": (13.0, 350), "汽车配件": (12.0, 300),
}
_NAMES = ("恒通", "顺和", "金桥", "安达", "宏发", "鑫源", "瑞丰", "嘉禾", "永兴", "天成",
          "联众", "明珠", "德信", "盛华", "远航", "新程", "华美", "康宁", "优品", "佳和")
_KINDS = {"电商": "电子商务", "服装": "服饰", "食品": "食品", "医药": "医药", "电子产品": "电子",
          "商务文件": "律师事务所", "化妆品": "化妆品", "农产品": "农业", "家居": "家居",
          "汽车配件": "汽配"}
_NEEDS = ("无", "无", "无", "上门取件", "定时派送", "保价", "代收货款", "冷链")
_HEADER_UNITS = re.compile(r"[(（\[【].*[)）\]】]$")


def load_prospects() -> pd.DataFrame:
    """读取课程自带的潜在客户名单（全班相同）。
    The class dataset: 22 prospects of a new express branch.

    情境：迅达快递在临江市新开了城东分部，市场经理手上有 22 家潜在客户。

    Returns
    -------
    pandas.DataFrame
        每行一家潜在客户，列：客户、客户名称、行业、月均件量（件/月）、
        单件收入（元/件）、信用等级（优/良/中/差）、经营年限（年）、
        距离（公里，到分部）、竞争对手（是否正在用别家快递）、特殊要求。

    Examples
    --------
    >>> df = load_prospects()
    >>> df.shape
    (22, 10)
    >>> df.loc[0, "客户"], df.loc[0, "客户名称"], int(df.loc[0, "月均件量"]), df.loc[0, "信用等级"]
    ('P01', '恒通电子商务有限公司', 5200, '良')
    """
    with resources.files(__package__).joinpath("data/prospects_default.csv").open(
            encoding="utf-8") as fh:
        return pd.read_csv(fh, dtype={KEY: str})


def student_prospects(course_seed: str, student_id: str,
                      n: int = DEFAULT_PROSPECTS) -> pd.DataFrame:
    """某位学生自己的潜在客户名单：由课程种子和学号生成，任何电脑上都一样。
    One student's prospect list, drawn from the course seed and the student id.

    Parameters
    ----------
    course_seed : str
        课程的种子（``course.toml`` 里的 ``[course] seed``）。
    student_id : str
        学号。
    n : int, 默认 22
        潜在客户的个数，至少 5。

    Returns
    -------
    pandas.DataFrame
        列与 :func:`load_prospects` 相同。每个评分标准都有高有低（不会全部相同），
        至少有一家信用“差”的客户。

    Examples
    --------
    >>> a = student_prospects("2025秋", "20250101")
    >>> a.shape
    (22, 10)
    >>> a.equals(student_prospects("2025秋", "20250101"))  # 同一个学号，同样的数据
    True
    >>> a.equals(student_prospects("2025秋", "20250102"))
    False
    """
    if n < 5:
        raise ValueError("n must be at least 5")
    rng = random.Random(f"prospects:{course_seed}:{student_id}")
    used: set[str] = set()
    rows = []
    for i in range(1, n + 1):
        industry = list(_INDUSTRIES)[int(rng.random() * len(_INDUSTRIES))]
        name = _company_name(rng, industry, used)
        rows.append([f"P{i:02d}", name, industry, *_measures(rng, industry),
                     "是" if rng.random() < 0.7 else "否",
                     _NEEDS[int(rng.random() * len(_NEEDS))]])
    data = pd.DataFrame(rows, columns=list(COLUMNS))
    return _varied(data, rng)


def vary_prospects(data: pd.DataFrame, seed: str) -> pd.DataFrame:
    """``data`` with new figures (件量, 单件收入, 信用等级, 经营年限, 距离) for the same
    prospects, names and columns: data the student has never seen, for hidden tests.

    Examples
    --------
    >>> df = load_prospects()
    >>> new = vary_prospects(df, "s1")
    >>> list(new.columns) == list(df.columns), new["客户"].equals(df["客户"])
    (True, True)
    >>> new["月均件量"].equals(df["月均件量"])
    False
    """
    rng = random.Random(f"prospects-variant:{seed}")
    out = data.copy()
    for row in range(len(out)):
        industry = out.at[row, "行业"] if out.at[row, "行业"] in _INDUSTRIES else "电商"
        for column, value in zip((PARCELS, PRICE, CREDIT, YEARS, DISTANCE),
                                 _measures(rng, industry)):
            out.at[row, column] = value
    return _varied(out, rng)


def read_prospects(path, sheet=None) -> pd.DataFrame:
    """读取并检查一份潜在客户名单（Excel 或 CSV）。
    Read and check a prospect list; every expected mistake names file, sheet, row and column.

    Parameters
    ----------
    path : str 或 Path
        ``.xlsx`` 或 ``.csv`` 文件，表头要有：客户、月均件量、单件收入、信用等级、
        经营年限、距离（可以带单位，如 ``距离(公里)``）；其他列原样保留。
    sheet : str 或 int, 可选
        Excel 的工作表（名称，或从 0 数起的序号），默认第一个。

    Returns
    -------
    pandas.DataFrame
        每家客户一行，按文件中的顺序；表头里的单位去掉，数值列是数字。

    Raises
    ------
    DataError
        缺少列、客户编号为空或重复、数值不是数字或小于 0、信用等级不是优/良/中/差。

    Examples
    --------
    >>> from importlib import resources
    >>> path = resources.files("logicrm_edu") / "data" / "prospects_default.csv"
    >>> read_prospects(path).equals(load_prospects())
    True
    """
    read = read_sheet(path, sheet=sheet, recognise=lambda header: _header(header) in COLUMNS)
    table = read.table.rename(columns={c: _header(c) for c in read.table.columns})
    for needed in (KEY, *NUMBERS, CREDIT):
        if needed not in table.columns:
            raise DataError("selection.data.missing_column", column=needed,
                            columns=", ".join(map(str, read.table.columns)), **read.where())
    seen: dict[str, int] = {}
    for pos in range(len(table)):
        row = table.iloc[pos]
        key_at = read.where(pos, list(table.columns).index(KEY))
        if blank(row[KEY]):
            raise DataError("selection.data.blank_id", **key_at)
        key = cell_text(row[KEY])
        if key in seen:
            raise DataError("selection.data.duplicate_id", value=key, first_row=seen[key],
                            **key_at)
        seen[key] = read.rows[pos]
        table.iat[pos, list(table.columns).index(KEY)] = key
        for column in NUMBERS:
            at = read.where(pos, list(table.columns).index(column))
            table.iat[pos, list(table.columns).index(column)] = _number(row[column], at)
        rating = "" if blank(row[CREDIT]) else str(row[CREDIT]).strip()
        if rating not in RATINGS:
            raise DataError("selection.data.unknown_rating", value=rating or "—",
                            allowed="、".join(RATINGS),
                            **read.where(pos, list(table.columns).index(CREDIT)))
        table.iat[pos, list(table.columns).index(CREDIT)] = rating
    if table.empty:
        raise DataError("data.empty", **read.where())
    table = table.reset_index(drop=True)
    for column in NUMBERS:
        numbers = pd.to_numeric(table[column])
        table[column] = numbers.astype("int64") if (numbers % 1 == 0).all() else numbers
    for column in table.columns:  # text columns as pandas reads a CSV of text
        if table[column].map(lambda v: isinstance(v, str)).all():
            table[column] = table[column].astype(str)
    return table.infer_objects()


# -- internals ---------------------------------------------------------------------

def _measures(rng: random.Random, industry: str) -> tuple:
    """(月均件量, 单件收入, 信用等级, 经营年限, 距离) of one prospect of ``industry``."""
    price, parcels = _INDUSTRIES[industry]
    volume = max(30, int(parcels * (0.2 + 2.8 * rng.random() ** 1.6)) // 10 * 10)
    unit = round(price * (0.75 + 0.5 * rng.random()), 1)
    u = rng.random()
    credit = "优" if u < 0.3 else "良" if u < 0.65 else "中" if u < 0.88 else "差"
    years = 1 + int(20 * rng.random() ** 1.5)
    distance = round(0.5 + 24.5 * rng.random(), 1)
    return volume, unit, credit, years, distance


def _varied(data: pd.DataFrame, rng: random.Random) -> pd.DataFrame:
    """Every criterion spread out (a constant one would rank nobody) and at least one
    poor credit rating (the exclusion rule has something to do)."""
    for column in (*NUMBERS, CREDIT):
        if data[column].nunique() < 2:
            data.at[0, column] = {CREDIT: "优" if data.at[0, CREDIT] != "优" else "中"}.get(
                column, data.at[0, column] * 2 + 1)
    if not (data[CREDIT] == "差").any():
        data.at[int(rng.random() * len(data)), CREDIT] = "差"
    return data


def _company_name(rng: random.Random, industry: str, used: set[str]) -> str:
    base = f"{_NAMES[int(rng.random() * len(_NAMES))]}{_KINDS[industry]}"
    name, k = f"{base}有限公司", 2
    while name in used:
        name, k = f"{base}（{k}）有限公司", k + 1
    used.add(name)
    return name


def _header(header) -> str:
    text = re.sub(r"\s+", "", str(header))
    return _HEADER_UNITS.sub("", text) or text


def _number(cell, where: dict) -> float:
    number = number_cell(cell, where, missing="selection.data.missing_value",
                         not_number="selection.data.not_number")
    if number < 0:
        raise DataError("selection.data.negative", value=str(cell).strip(), **where)
    return number
