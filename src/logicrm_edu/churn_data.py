"""The customer list of the satisfaction-and-churn assignment: generated, packaged, or read.

One table, one row per customer of a freight forwarder (港航货运) over two years: the
customer, its shipping route (航线), its tier by export volume (客户等级, the VIP / key /
general / small pyramid), its yearly export volume in TEU, whether it is in last year's
and in this year's customer list (是/否), the coded cause where it was lost (流失原因),
and its contact person's survey answers: satisfaction (满意度_<维度>) and importance
(重要性_<维度>) on a 1–5 scale, with a few blank and out-of-range answers, as real
questionnaires have.

:func:`freight_customers` draws such a table from a seed with ``random.Random`` only,
so a seed gives the same table on every machine; each student's table comes from the
course seed and their id.  :func:`default_customers` is the packaged table the whole
class may share.  :func:`read_freight_customers` reads a teacher's own file and says in
zh and en which file, sheet, row and column is wrong.
"""
from __future__ import annotations

import math
import random
from importlib import resources
from pathlib import Path

import pandas as pd

from .errors import DataError
from .spreadsheets import blank, cell_text, read_sheet

KEY, ROUTE, TIER, VOLUME = "客户", "航线", "客户等级", "出口量(TEU)"
LAST, THIS, CAUSE = "去年在册", "今年在册", "流失原因"
YES, NO = "是", "否"
SATISFACTION, IMPORTANCE = "满意度_", "重要性_"
DIMENSIONS = ("准时", "货物安全", "服务态度", "价格", "便利")
ROUTES = ("欧地线", "美加线", "东南亚线", "其他")
TIERS = ("VIP客户", "关键客户", "一般客户", "小客户")
PYRAMID = (1, 5, 20)
"""cumulative percent of last year's customers, by export volume, that are VIP, VIP or key,
VIP, key or general (the case's VIP ≈ 1 %, key ≈ 4 %, general ≈ 15 %, small ≈ 80 %)"""
CAUSES = ("服务不达要求", "对客户冷漠", "意见被忽视", "员工不满", "价格偏高", "其他")
BASE = (KEY, ROUTE, TIER, VOLUME, LAST, THIS, CAUSE)
DEFAULT_CUSTOMERS = 60
DEFAULT_FILE = "churn_default.csv"

# The survey's shape: the mean the answers scatter round, per dimension.  Timeliness and
# staff attitude matter a lot and disappoint (the case's failures); safety matters and
# pleases; convenience matters least.
_SATISFACTION = {"准时": 2.9, "货物安全": 4.1, "服务态度": 3.0, "价格": 3.4, "便利": 3.9}
_IMPORTANCE = {"准时": 4.6, "货物安全": 4.4, "服务态度": 3.9, "价格": 3.5, "便利": 2.8}
_CHURN = {"VIP客户": 0.0, "关键客户": 0.1, "一般客户": 0.18, "小客户": 0.3}
_ROUTE_WEIGHTS = (0.35, 0.25, 0.28, 0.12)
_CAUSE_WEIGHTS = (0.38, 0.22, 0.16, 0.12, 0.08, 0.04)
_FLAGS = {"是": YES, "否": NO, "y": YES, "n": NO, "yes": YES, "no": NO, "1": YES, "0": NO,
          "true": YES, "false": NO, "√": YES, "×": NO}


def freight_customers(n: int = DEFAULT_CUSTOMERS, seed: int | str = 0) -> pd.DataFrame:
    """港航货运公司两年的客户表（每位客户一行），由种子决定，任何电脑上都一样。
    A freight forwarder's customers over two years, one row each, drawn from ``seed``.

    Parameters
    ----------
    n : int
        去年名单上的客户数（至少 20）；今年另有约 15 % 的新客户。
        Customers in last year's list (at least 20); about 15 % new ones join this year.
    seed : int 或 str
        随机种子；同一个种子总是得到同一张表。

    Returns
    -------
    pandas.DataFrame
        列：客户、航线、客户等级、出口量(TEU)、去年在册、今年在册、流失原因、
        满意度_<维度>、重要性_<维度>（维度：准时、货物安全、服务态度、价格、便利）。

    Examples
    --------
    >>> data = freight_customers(40, seed="示例")
    >>> int((data["去年在册"] == "是").sum())
    40
    >>> sorted(data["客户等级"].unique())
    ['VIP客户', '一般客户', '关键客户', '小客户']
    """
    if n < 20:
        raise ValueError("n must be at least 20")
    rng = random.Random(f"churn:{seed}")
    n_new = max(3, round(n * 0.15))
    volumes = _distinct_volumes(rng, n + n_new)
    start_volumes = sorted(volumes[:n], reverse=True)
    tiers = pyramid_tiers(start_volumes)
    rows = []
    for number, (volume, tier) in enumerate(zip(start_volumes, tiers), start=1):
        lost = rng.random() < _CHURN[tier]
        rows.append({KEY: f"K{number:03d}", TIER: tier, VOLUME: volume, LAST: YES,
                     THIS: NO if lost else YES,
                     CAUSE: rng.choices(CAUSES, _CAUSE_WEIGHTS)[0] if lost else None})
    smallest_general = min(v for v, t in zip(start_volumes, tiers) if t == TIERS[2])
    for number, volume in enumerate(sorted(volumes[n:], reverse=True), start=n + 1):
        volume = min(volume, smallest_general - 1)  # newcomers start small
        rows.append({KEY: f"K{number:03d}", TIER: TIERS[3], VOLUME: volume, LAST: NO,
                     THIS: YES, CAUSE: None})
    _ensure_churn(rows, rng)
    rng.shuffle(rows)
    for row in rows:
        row[ROUTE] = rng.choices(ROUTES, _ROUTE_WEIGHTS)[0]
        for dim in DIMENSIONS:
            row[SATISFACTION + dim] = _likert(rng, _SATISFACTION[dim])
            row[IMPORTANCE + dim] = _likert(rng, _IMPORTANCE[dim])
    _spoil_answers(rows, rng)
    data = pd.DataFrame(rows, columns=list(BASE) + answer_columns(DIMENSIONS))
    return data.sort_values(KEY, kind="stable").reset_index(drop=True)


def answer_columns(dimensions) -> list[str]:
    """The survey's columns: satisfaction then importance, per dimension."""
    return [SATISFACTION + d for d in dimensions] + [IMPORTANCE + d for d in dimensions]


def pyramid_tiers(volumes_descending, pyramid=PYRAMID) -> list[str]:
    """The tier of each customer, given export volumes from the largest down: the first
    ``ceil(n × 1 %)`` are VIP, up to ``ceil(n × 5 %)`` key, up to ``ceil(n × 20 %)``
    general, the rest small.

    >>> tiers = pyramid_tiers(list(range(100, 0, -1)))   # 100 customers, largest first
    >>> [tiers.count(tier) for tier in TIERS]
    [1, 4, 15, 80]
    """
    n = len(volumes_descending)
    ends = [math.ceil(n * p / 100) for p in pyramid]
    return [TIERS[sum(rank >= end for end in ends)] for rank in range(n)]


def _distinct_volumes(rng: random.Random, n: int) -> list[int]:
    """Export volumes in TEU, all different (a heavy tail: a few big shippers)."""
    seen: set[int] = set()
    out = []
    while len(out) < n:
        volume = max(5, int(rng.paretovariate(1.3) * 40))
        if volume not in seen:
            seen.add(volume)
            out.append(volume)
    return out


def _ensure_churn(rows: list[dict], rng: random.Random) -> None:
    """At least six lost customers with at least three causes, so the Pareto chart has
    something to sort, and retention figures the check can tell from the usual wrong
    ones: small customers kept are lost instead until both hold."""
    kept_small = [r for r in rows if r[LAST] == YES and r[THIS] == YES and r[TIER] == TIERS[3]]
    rng.shuffle(kept_small)
    candidates = iter(kept_small)
    n_lost = sum(r[THIS] == NO for r in rows)
    while n_lost < 6 or not _rates_apart(rows):
        row = next(candidates, None)
        if row is None:
            break
        row[THIS] = NO
        row[CAUSE] = CAUSES[0] if n_lost < 6 else rng.choices(CAUSES, _CAUSE_WEIGHTS)[0]
        n_lost += 1
    lost = [r for r in rows if r[THIS] == NO]
    if len({r[CAUSE] for r in lost}) < 3:
        for row, cause in zip(lost, CAUSES[:3]):
            row[CAUSE] = cause


def _rates_apart(rows: list[dict]) -> bool:
    """Whether the right retention rate and the usual wrong ones (kept ÷ end, end ÷ start,
    the churn rate) differ by more than rounding, so the check can tell them apart."""
    start = sum(r[LAST] == YES for r in rows)
    end = sum(r[THIS] == YES for r in rows)
    kept = sum(r[LAST] == YES and r[THIS] == YES for r in rows)
    rates = [kept / start, kept / end, end / start, 1 - kept / start]
    return all(abs(a - b) > 0.002 for i, a in enumerate(rates) for b in rates[i + 1:])


def _likert(rng: random.Random, centre: float) -> int:
    return min(5, max(1, round(rng.gauss(centre, 0.9))))


def _spoil_answers(rows: list[dict], rng: random.Random) -> None:
    """Four blank satisfaction answers, two 6s and a 0 (for "no idea"), so every dimension
    keeps valid answers.  The 0 goes to a dimension without a 6: a 6 and a 0 together
    would leave a mean near 3 unchanged, and keeping them would go unnoticed."""
    columns = [SATISFACTION + d for d in DIMENSIONS]
    cells = [(i, c) for i in range(len(rows)) for c in columns]
    picked = rng.sample(cells, 6)
    six_columns = {c for _, c in picked[4:]}
    zero = rng.choice([cell for cell in cells if cell[1] not in six_columns])
    for n, (i, column) in enumerate(picked):
        rows[i][column] = None if n < 4 else 6
    rows[zero[0]][zero[1]] = 0


def default_customers() -> pd.DataFrame:
    """全班共用的教材式数据（60 位老客户 + 9 位新客户）。
    The packaged class dataset the whole class may share.

    >>> data = default_customers()
    >>> len(data), int((data["去年在册"] == "是").sum())
    (69, 60)
    """
    path = resources.files("logicrm_edu") / "data" / DEFAULT_FILE
    with resources.as_file(path) as file:
        return read_freight_customers(file)


def student_customers(course_seed: str, student_id: str,
                      n: int = DEFAULT_CUSTOMERS) -> pd.DataFrame:
    """One student's table, from the course's secret seed and the student id."""
    return freight_customers(n, seed=f"{course_seed}:{student_id}")


# -- reading a teacher's file ------------------------------------------------------

def read_freight_customers(path, sheet=None) -> pd.DataFrame:
    """读取并检查一份港航货运客户表（Excel 或 CSV）。
    Read and check a freight forwarder's customer table (XLSX or CSV).

    Parameters
    ----------
    path : str 或 Path
        要有这些列：客户、航线、客户等级、出口量(TEU)、去年在册、今年在册、流失原因，
        以及每个调查维度的“满意度_<维度>”和“重要性_<维度>”两列（答案 1～5；空白和
        超出范围的答案保留原样，由分析时处理）。
        Needs the columns above; survey answers may be blank or out of range.
    sheet : str 或 int, 可选
        Excel 的工作表名称或序号（不写时读第一个）。

    Returns
    -------
    pandas.DataFrame
        每位客户一行；在册两列统一为“是”/“否”，调查答案为数字（空白为 NaN）。

    Raises
    ------
    DataError
        缺列、客户编号为空或重复、在册不是“是/否”、两年都不在册、出口量或调查答案
        不是数字、流失客户没有流失原因……，说明文件、工作表、行和列。

    Examples
    --------
    >>> from importlib import resources
    >>> path = resources.files("logicrm_edu") / "data" / "churn_default.csv"
    >>> data = read_freight_customers(path)
    >>> data.columns[:7].tolist()
    ['客户', '航线', '客户等级', '出口量(TEU)', '去年在册', '今年在册', '流失原因']
    """
    read = read_sheet(path, sheet=sheet, recognise=_known_header)
    raw = read.table
    if raw.empty:
        raise DataError("data.empty", **read.where())
    headers = {str(h).strip(): i for i, h in enumerate(raw.columns)}
    dimensions = [h[len(SATISFACTION):] for h in headers if h.startswith(SATISFACTION)]
    missing = [c for c in BASE if c not in headers] or (
        [] if dimensions else [SATISFACTION + DIMENSIONS[0]])
    missing += [IMPORTANCE + d for d in dimensions if IMPORTANCE + d not in headers]
    if missing:
        raise DataError("data.missing_column", column=missing[0],
                        columns=", ".join(map(str, raw.columns)), **read.where())
    columns = list(BASE) + answer_columns(dimensions)
    out = {c: [] for c in columns}
    first_row: dict[str, int] = {}
    for pos in range(len(raw)):
        cells = {c: raw.iat[pos, headers[c]] for c in columns}
        where = lambda c: read.where(pos, headers[c])  # noqa: E731 - the cell's location
        key = cell_text(cells[KEY])
        if not key:
            raise DataError("data.blank_id", **where(KEY))
        if key in first_row:
            raise DataError("data.duplicate_id", value=key, first_row=first_row[key],
                            **where(KEY))
        first_row[key] = read.rows[pos]
        last, this = (_flag(cells[c], where(c)) for c in (LAST, THIS))
        if last == this == NO:
            raise DataError("churn.data.in_no_list", customer=key, **where(LAST))
        cause = cell_text(cells[CAUSE]) or None
        if last == YES and this == NO and cause is None:
            raise DataError("churn.data.no_cause", customer=key, **where(CAUSE))
        for c in (ROUTE, TIER):
            if not cell_text(cells[c]):
                raise DataError("data.missing_value", **where(c))
        out[KEY].append(key)
        out[ROUTE].append(cell_text(cells[ROUTE]))
        out[TIER].append(cell_text(cells[TIER]))
        out[VOLUME].append(_number(cells[VOLUME], where(VOLUME), required=True))
        out[LAST].append(last)
        out[THIS].append(this)
        out[CAUSE].append(cause if this == NO else None)
        for c in answer_columns(dimensions):
            out[c].append(_number(cells[c], where(c), required=False))
    data = pd.DataFrame(out, columns=columns)
    data[VOLUME] = pd.to_numeric(data[VOLUME])
    for c in answer_columns(dimensions):
        data[c] = pd.to_numeric(data[c]).astype("float64")
    data.attrs["logicrm"] = {"source": str(Path(path)), "sheet": read.sheet}
    return data


def _known_header(header) -> bool:
    text = str(header).strip()
    return text in BASE or text.startswith((SATISFACTION, IMPORTANCE))


def _flag(cell, where: dict) -> str:
    flag = _FLAGS.get(cell_text(cell).lower())
    if flag is None:
        raise DataError("churn.data.bad_flag", value=cell_text(cell), **where)
    return flag


def _number(cell, where: dict, *, required: bool):
    if blank(cell):
        if required:
            raise DataError("data.missing_value", **where)
        return None
    if isinstance(cell, bool):
        raise DataError("data.not_number", value=str(cell), **where)
    try:
        value = float(str(cell).strip()) if isinstance(cell, str) else float(cell)
    except (TypeError, ValueError):
        raise DataError("data.not_number", value=cell_text(cell), **where) from None
    if required and value < 0:
        raise DataError("data.negative", value=cell_text(cell), **where)
    return int(value) if value.is_integer() else value
