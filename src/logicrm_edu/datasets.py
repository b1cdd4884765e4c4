"""Packaged course data: the textbook table 3-7 and a reproducible synthetic generator."""
from __future__ import annotations

import datetime as dt
import math
import random
from importlib import resources
from statistics import NormalDist

import pandas as pd

from . import columns
from .errors import DataError
from .i18n import resolve

DATASETS = ("changhai",)


def load_dataset(name: str = "changhai", *, lang: str | None = None) -> pd.DataFrame:
    """读取课程自带的数据集。
    Load a dataset that comes with the course library.

    ``"changhai"`` 是教材表 3-7：长海物流公司 14 个客户一年的营业收入。

    Parameters
    ----------
    name : str, 默认 ``"changhai"``
        数据集的名字。现在只有 ``"changhai"``。
    lang : {"zh", "en"}, 可选
        列名用中文（``客户``、``营业收入``）还是英文（``customer``、
        ``revenue``）。不写时用 :func:`set_language` 选的语言，默认中文。

    Returns
    -------
    pandas.DataFrame
        ``"changhai"``：两列，``客户``（编号 1–14）和 ``营业收入``（万元）。

    Raises
    ------
    DataError
        没有这个名字的数据集；提示里列出可用的名字。

    Examples
    --------
    >>> from logicrm_edu import load_dataset
    >>> df = load_dataset("changhai")
    >>> print(df.head(3).to_string())
       客户  营业收入
    0   1   590
    1   2   140
    2   3   100
    >>> len(df), int(df["营业收入"].sum())  # 14 个客户，合计 2000 万元
    (14, 2000)
    """
    if name not in DATASETS:
        raise DataError("data.unknown_dataset", name=name, names=", ".join(DATASETS))
    with resources.files(__package__).joinpath(f"data/{name}.csv").open(encoding="utf-8") as fh:
        df = pd.read_csv(fh)
    if resolve(lang) == "en":
        df = df.rename(columns={columns.name("customer", "zh"): columns.name("customer", "en"),
                                columns.name("revenue", "zh"): columns.name("revenue", "en")})
    return df


# -- synthetic customers ----------------------------------------------------
# Everything below draws only from random.Random(seed).random(), whose stream
# Python guarantees across versions and platforms, and never from NumPy or
# pandas random generators, so a seed gives the same data on every machine.

INDUSTRIES = ("电子产品", "快消品", "汽车配件", "医药", "服装", "家电", "化工", "食品", "机械设备", "电商")
REGIONS = ("华东", "华南", "华北", "华中", "西南", "西北", "东北")
ROUTES = ("欧地线", "美加线", "东南亚线", "其他")
_PLACES = ("长江", "海港", "华通", "顺和", "鑫达", "恒远", "东方", "宏发", "金桥", "安达",
           "新世纪", "联众", "盛源", "德信", "嘉禾", "瑞丰", "天成", "永兴", "明珠", "远航")
_KINDS = {"电子产品": "电子", "快消品": "日化", "汽车配件": "汽配", "医药": "医药", "服装": "服饰",
          "家电": "电器", "化工": "化工", "食品": "食品", "机械设备": "机械", "电商": "电子商务"}
_COLUMNS = ("客户编号", "客户名称", "行业", "区域", "航线", "营业收入", "利润", "年订单数",
            "首次下单日期", "最近下单日期", "投诉次数")
_EN = dict(zip(_COLUMNS, ("customer", "name", "industry", "region", "route", "revenue",
                          "profit", "orders_per_year", "first_order", "last_order",
                          "complaints")))


def synthetic_customers(n: int = 50, seed: int | str = 0, *, year: int = 2025,
                        lang: str | None = None) -> pd.DataFrame:
    """生成 ``n`` 个模拟的物流客户；同一个 ``seed`` 在任何电脑上都得到同样的数据。
    ``n`` realistic logistics customers, identical for the same ``seed`` everywhere.

    营业收入（万元，一位小数）像真实客户一样“少数大客户占大头”，所以做
    ABC 分类有意义。利润（万元）可能是负数：有些小客户服务成本高，反而亏钱。
    给每个学生不同的 ``seed``，每人就有自己的一份数据。

    Parameters
    ----------
    n : int, 默认 50
        客户个数，至少 1。
    seed : int 或 str, 默认 0
        随机种子，如学号。种子相同，数据就相同。
    year : int, 默认 2025
        数据所属的年份（用于下单日期）。
    lang : {"zh", "en"}, 可选
        列名用中文还是英文。不写时用 :func:`set_language` 选的语言，
        默认中文。

    Returns
    -------
    pandas.DataFrame
        每行一个客户，列：客户编号、客户名称、行业、区域、航线、营业收入、
        利润、年订单数、首次下单日期、最近下单日期、投诉次数。

    Raises
    ------
    ValueError
        ``n`` 小于 1。

    Examples
    --------
    >>> from logicrm_edu import synthetic_customers
    >>> df = synthetic_customers(5, seed="2024001")
    >>> df.shape  # 5 个客户，11 列
    (5, 11)
    >>> list(df["客户编号"])
    ['C0001', 'C0002', 'C0003', 'C0004', 'C0005']
    >>> df.equals(synthetic_customers(5, seed="2024001"))  # 同一个种子，同样的数据
    True
    """
    if n < 1:
        raise ValueError("n must be at least 1")
    rng = random.Random(f"logicrm:{seed}")
    normal = NormalDist()
    rows = []
    used_names: set[str] = set()
    year_start = dt.date(year, 1, 1)
    for i in range(1, n + 1):
        industry = _pick(rng, INDUSTRIES)
        z = normal.inv_cdf(_open_unit(rng))
        revenue = round(math.exp(1.35 * z + 2.9), 1)
        if rng.random() < 0.06:  # a few very large accounts
            revenue = round(revenue * (4 + 8 * rng.random()), 1)
        revenue = max(revenue, 0.5)
        margin = -0.06 + 0.28 * rng.random() if revenue < 20 else 0.04 + 0.18 * rng.random()
        orders = max(1, int(revenue * (0.6 + 1.4 * rng.random())) + int(6 * rng.random()))
        first = year_start - dt.timedelta(days=int(2500 * rng.random()))
        last = dt.date(year, 12, 31) - dt.timedelta(days=int(300 * rng.random() ** 3))
        complaints = int(-2.0 * (1 + (revenue < 10)) * math.log(_open_unit(rng)))
        rows.append((
            f"C{i:04d}", _company_name(rng, industry, used_names), industry,
            _pick(rng, REGIONS), _pick(rng, ROUTES), revenue, round(revenue * margin, 1),
            orders, first, last, complaints,
        ))
    df = pd.DataFrame(rows, columns=list(_COLUMNS))
    for col in ("首次下单日期", "最近下单日期"):
        df[col] = pd.to_datetime(df[col])
    return df.rename(columns=_EN) if resolve(lang) == "en" else df


def _open_unit(rng: random.Random) -> float:
    """A uniform draw in the open interval (0, 1)."""
    u = rng.random()
    return u if u > 0 else 0.5


def _pick(rng: random.Random, options):
    return options[int(rng.random() * len(options))]


def _company_name(rng: random.Random, industry: str, used: set[str]) -> str:
    base = f"{_pick(rng, _PLACES)}{_KINDS[industry]}"
    name, k = f"{base}有限公司", 2
    while name in used:
        name, k = f"{base}（{k}）有限公司", k + 1
    used.add(name)
    return name
