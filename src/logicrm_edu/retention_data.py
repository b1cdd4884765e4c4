"""The order records of the retention assignment: generated, packaged, or read from a file.

:func:`retention_orders` draws one company's year of orders (one row per order:
order id, date, customer with profile, address and behaviour columns, service
line, revenue and cost in whole yuan, complaint cause or blank) from a seed, with
``random.Random`` only, so a seed gives the same orders on every machine.  Each
student's orders come from the course seed and their id; the whole class may
share the packaged :func:`default_orders` instead.  A few customers sit exactly
on the lifecycle thresholds, so a wrong comparison (``>`` for ``≥``) shows.

:func:`read_orders` reads a teacher's own order file (XLSX or CSV) and says in zh
and en which file, sheet, row and column is wrong.
"""
from __future__ import annotations

import datetime as dt
import random
import warnings
from fractions import Fraction
from importlib import resources
from pathlib import Path

import pandas as pd

from .customer_database import (COMPLAINT, COST, DATE, KEY, LINE, ORDER_ID, REVENUE, as_date)
from .datasets import synthetic_customers
from .errors import DataError
from .exact import as_fraction
from .lifecycle import DEFAULTS
from .spreadsheets import blank, cell_text, hidden_rows_warning, number_cell, read_sheet

NAME, INDUSTRY, REGION, CITY, CHANNEL = "客户名称", "行业", "区域", "城市", "下单渠道"
COLUMNS = (ORDER_ID, DATE, KEY, NAME, INDUSTRY, REGION, CITY, CHANNEL, LINE, REVENUE, COST,
           COMPLAINT)
YEAR = 2025
AS_OF = "2025-12-31"
"""the review date of the generated year"""
DEFAULT_CUSTOMERS = 100
SERVICE_LINES = {"快递": (0.20, 350), "零担": (0.18, 2600), "整车": (0.10, 9000),
                 "仓储": (0.28, 5200), "冷链": (0.24, 4800)}
"""service line → (usual gross-margin rate, usual order value in yuan)"""
CAUSES = {"运输延误": 40, "服务态度差": 22, "货物丢失或损坏": 15, "理赔处理慢": 10,
          "开票或结算错误": 8, "物流信息查询不到": 5}
"""complaint cause → how often it comes up"""
CHANNELS = ("网上下单", "电话下单", "业务员上门", "EDI系统对接")
CITIES = {"华东": ("上海", "杭州", "南京", "苏州", "宁波"), "华南": ("广州", "深圳", "东莞", "厦门"),
          "华北": ("北京", "天津", "石家庄"), "华中": ("武汉", "长沙", "郑州"),
          "西南": ("成都", "重庆", "昆明"), "西北": ("西安", "兰州"), "东北": ("沈阳", "大连", "长春")}
_PATTERNS = (("steady", 70), ("falling", 12), ("stopped", 10), ("new", 8))


def retention_orders(seed: str, student: str = "", *, customers: int = DEFAULT_CUSTOMERS,
                     as_of: str = AS_OF, lifecycle: dict | None = None) -> pd.DataFrame:
    """One year of a logistics company's orders, the same for the same seed on every machine.

    ``customers`` customers (at least 10), each with a pattern: steady, falling,
    stopped or new.  ``lifecycle`` (``window_days``, ``drop``, ``idle_days``, as for
    :func:`~logicrm_edu.lifecycle.lifecycle_flags`) places two customers exactly on its
    thresholds: one whose last order is exactly ``idle_days`` days before ``as_of``, one
    whose recent orders are exactly ``drop`` times the previous ones.  Revenue and
    cost are whole yuan.

    >>> orders = retention_orders("demo", "2024001", customers=12)
    >>> list(orders.columns)[:4], orders.equals(retention_orders("demo", "2024001", customers=12))
    (['订单号', '下单日期', '客户编号', '客户名称'], True)
    """
    if customers < 10:
        raise ValueError("customers must be at least 10")
    rules = {**DEFAULTS, **(lifecycle or {})}
    rng = random.Random(f"retention:{seed}:{student}")
    review = as_date(as_of).date()
    base = synthetic_customers(customers, seed=f"retention:{seed}:{student}", lang="zh")
    sizes = base["营业收入"].to_numpy()
    big = set(sorted(range(customers), key=lambda i: -sizes[i])[:5])
    patterns = [_pick_weighted(rng, _PATTERNS) for _ in range(customers)]
    patterns[-2:] = ["idle_edge", "drop_edge"]  # the threshold customers
    rows = []
    for i in range(customers):
        region = base["区域"].iloc[i]
        profile = (f"K{i + 1:03d}", base["客户名称"].iloc[i], base["行业"].iloc[i], region,
                   _pick(rng, CITIES[region]),
                   CHANNELS[3] if i in big and rng.random() < 0.6 else _pick(rng, CHANNELS[:3]))
        days = _order_days(rng, patterns[i], sizes[i], review, rules)
        main_line = _pick(rng, tuple(SERVICE_LINES))
        value = sizes[i] * 10_000 / len(days)
        complained = False
        for day in days:
            line = main_line if rng.random() < 0.7 else _pick(rng, tuple(SERVICE_LINES))
            margin, _ = SERVICE_LINES[line]
            revenue = max(80, round(value * (0.5 + rng.random())))
            rate = margin + 0.16 * (rng.random() - 0.5) - (0.2 if sizes[i] < 3 else 0)
            chance = 0.05 + (0.04 if sizes[i] < 10 else 0)
            cause = ""
            if rng.random() < chance or (i in big and not complained and day == days[-1]):
                cause, complained = _pick_weighted(rng, tuple(CAUSES.items())), True
            rows.append((day, *profile, line, revenue, round(revenue * (1 - rate)), cause))
    rows.sort(key=lambda r: (r[0], r[1]))
    frame = pd.DataFrame(rows, columns=list(COLUMNS[1:]))
    frame.insert(0, ORDER_ID, [f"D{YEAR}{n:05d}" for n in range(1, len(frame) + 1)])
    frame[DATE] = pd.to_datetime(frame[DATE])
    frame[COMPLAINT] = frame[COMPLAINT].where(frame[COMPLAINT] != "", None)
    return frame


def _order_days(rng: random.Random, pattern: str, size: float, review: dt.date,
                rules: dict) -> list[dt.date]:
    """The order dates of one customer, oldest first."""
    window, idle = int(rules["window_days"]), int(rules["idle_days"])
    count = max(2, min(60, round(size * 0.5 + 2 + 4 * rng.random())))
    start = dt.date(review.year, 1, 1)
    span = (review - start).days  # day offsets 0 … span, counted back from the review

    def ago(lo: int, hi: int, n: int) -> list[int]:
        return [lo + int((hi - lo) * rng.random()) for _ in range(n)]

    if pattern == "stopped":
        last = idle + int(60 * rng.random())
        ages = [last] + ago(last, span, count - 1)
    elif pattern == "idle_edge":  # last order exactly idle_days ago
        ages = [idle] + ago(idle, span, count - 1)
    elif pattern == "falling":
        previous = max(2, count // 3)
        ages = ago(window, 2 * window, previous) + ago(0, window, previous // 2 or 1)
        ages += ago(2 * window, span, max(0, count - len(ages)))
    elif pattern == "drop_edge":  # recent orders exactly drop × previous
        ratio: Fraction = as_fraction(rules["drop"])
        ages = (ago(window, 2 * window, 2 * ratio.denominator)
                + ago(0, min(window, idle), 2 * ratio.numerator) + ago(2 * window, span, 3))
    elif pattern == "new":
        ages = ago(0, int(span * 0.4), count)
    else:
        ages = ago(0, span, count)
    return sorted(review - dt.timedelta(days=a) for a in ages)


def default_orders() -> pd.DataFrame:
    """The packaged orders a whole class may share (the textbook-style dataset: 100
    customers of one company, 2025), as :func:`read_orders` reads them."""
    path = resources.files(__package__).joinpath("data/retention_default.csv")
    with resources.as_file(path) as file:
        return read_orders(file)


# -- a teacher's own file ------------------------------------------------------------------

_HEADERS = {
    ORDER_ID: ("订单号", "订单编号", "运单号", "单号", "orderid", "order"),
    DATE: ("下单日期", "订单日期", "日期", "发货日期", "date", "orderdate"),
    KEY: ("客户编号", "客户", "客户代码", "客户id", "customer", "customerid"),
    LINE: ("业务类型", "服务类型", "业务", "产品", "serviceline", "service"),
    REVENUE: ("营业收入", "收入", "运费收入", "金额", "revenue", "sales"),
    COST: ("成本", "运输成本", "营业成本", "cost"),
    COMPLAINT: ("投诉原因", "投诉", "complaint", "complaintcause"),
}
_REQUIRED = (DATE, KEY, LINE, REVENUE, COST, COMPLAINT)


def _normal(header) -> str:
    text = cell_text(header).lower().replace(" ", "").replace("（", "(").replace("）", ")")
    return text.split("(")[0]


def _role(header) -> str | None:
    text = _normal(header)
    return next((role for role, names in _HEADERS.items() if text in names), None)


def read_orders(path, sheet=None) -> pd.DataFrame:
    """Read and check a file of order records (XLSX or CSV, one row per order).

    Columns found by their header (Chinese or English, a unit in brackets allowed):
    下单日期, 客户编号, 业务类型, 营业收入, 成本 and 投诉原因 (blank: no complaint),
    renamed to those names, as is 订单号 when there; every other column (the customer's profile,
    address and behaviour) kept.  Dates may be Excel dates, Excel day numbers or text
    such as 2025/3/4.  Revenue and cost must be numbers ≥ 0.  Every problem raises
    :class:`~logicrm_edu.errors.DataError` naming file, sheet, row and column.
    """
    read = read_sheet(path, sheet=sheet, recognise=lambda header: _role(header) is not None)
    raw = read.table
    roles: dict[str, int] = {}
    for index, header in enumerate(raw.columns):
        role = _role(header)
        if role and role not in roles:
            roles[role] = index
    for role in _REQUIRED:
        if role not in roles:
            raise DataError("data.missing_column", column=role,
                            columns=", ".join(map(str, raw.columns)), **read.where())
    if raw.empty:
        raise DataError("retention.no_orders", **read.where())
    out = raw.rename(columns={raw.columns[i]: role for role, i in roles.items()}).copy()
    dates, keys, amounts = [], [], {REVENUE: [], COST: []}
    for position in range(len(raw)):
        row = raw.iloc[position]
        cell = row.iloc[roles[KEY]]
        if blank(cell):
            raise DataError("retention.blank_customer", **read.where(position, roles[KEY]))
        keys.append(cell_text(cell))
        cell = row.iloc[roles[DATE]]
        day = as_date(cell)
        if day is None:
            key = "retention.blank_date" if blank(cell) else "retention.not_a_date"
            raise DataError(key, value=cell_text(cell), **read.where(position, roles[DATE]))
        dates.append(day)
        for role in (REVENUE, COST):
            amounts[role].append(_amount(row.iloc[roles[role]], read.where(position, roles[role])))
    out[DATE] = pd.to_datetime(dates)
    out[KEY] = keys
    for role in (REVENUE, COST):
        out[role] = amounts[role]
    out[COMPLAINT] = [None if blank(c) else cell_text(c) for c in raw.iloc[:, roles[COMPLAINT]]]
    note = hidden_rows_warning(read)
    if note:
        warnings.warn(note, stacklevel=2)
    out.attrs["logicrm"] = {"source": str(Path(path)), "sheet": read.sheet}
    return out.reset_index(drop=True)


def _amount(cell, where: dict) -> float:
    number = number_cell(cell, where)
    if number < 0:
        raise DataError("retention.negative_amount", value=cell_text(cell), **where)
    return number


def _pick(rng: random.Random, options):
    return options[int(rng.random() * len(options))]


def _pick_weighted(rng: random.Random, weighted):
    total = sum(w for _, w in weighted)
    point = rng.random() * total
    for option, weight in weighted:
        point -= weight
        if point < 0:
            return option
    return weighted[-1][0]
