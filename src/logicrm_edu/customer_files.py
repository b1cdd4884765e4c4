"""Reading a teacher's or student's customer spreadsheet (CSV or XLSX) safely.

Accepts what Chinese offices produce: CSV saved by Excel as GBK or UTF-8 (with
or without BOM), XLSX with a title row above the header, Chinese or English
headers, amounts in 万元 or 元 (from the header, e.g. ``营业收入(元)``, or
``unit=``).  The file itself is read by :mod:`logicrm_edu.spreadsheets` (format,
header row, blank and hidden rows, Excel's row numbers).

Total rows are not customers: a row whose customer cell is 合计 / 总计 / 小计 /
Total, or whose customer cell is blank and whose value is the sum of the rows
above it, is left out with a :class:`~logicrm_edu.spreadsheets.DataWarning`
naming the row (and saying so when the total does not match the rows above it).
Rows hidden in Excel are read like the others, with a warning.  Every expected
mistake raises :class:`~logicrm_edu.errors.DataError` naming the file, sheet,
row and column.
"""
from __future__ import annotations

import math
import re
import warnings
from pathlib import Path

import pandas as pd

from . import columns
from .errors import DataError
from .i18n import resolve
from .spreadsheets import (DataWarning, SheetTable, blank, cell_text, hidden_rows_warning,
                           is_total_label, number_cell, read_sheet)

# Header spellings (lower-case, spaces removed) → column role.
_HEADER_ROLES = {
    "customer": ("客户", "客户编号", "客户代码", "客户id", "客户号", "编号", "customer",
                 "customerid", "customer_id", "customerno", "id"),
    "revenue": ("营业收入", "收入", "营业额", "销售额", "交易额", "年营业收入", "revenue", "sales",
                "turnover"),
    # the customer column only when the file has no id-like column
    "customer_name": ("客户名称", "客户名", "customername", "customer_name"),
}
_UNIT = re.compile(r"^(?P<name>.*?)[(\[](?P<unit>[^)\]]*)[)\]]$")
_UNITS = {"万元": 1.0, "10kyuan": 1.0, "10k": 1.0, "元": 1e-4, "yuan": 1e-4, "cny": 1e-4,
          "rmb": 1e-4}
_MONEY_ROLES = ("revenue",)


def read_customers(path, sheet=None, *, unit: str | None = None,
                   lang: str | None = None) -> pd.DataFrame:
    """读取并检查一份客户表（Excel 或 CSV），返回 ``客户`` 和 ``营业收入``（万元）两列在前的表。
    Read and check a customer table; return columns ``客户`` and ``营业收入`` (万元) first.

    Parameters
    ----------
    path : str 或 Path
        客户文件：``.xlsx`` 或 ``.csv``（UTF-8 或 GBK）。要有客户列（客户 / 客户编号 /
        编号；没有编号列时用 客户名称）和营业收入列（营业收入 / 收入 / 销售额 ...）。
        表头上面有标题行也可以。The customer file (XLSX or CSV).
    sheet : str 或 int, 可选
        读 Excel 的哪个工作表：名称，或从 0 数起的序号。不写时读第一个。
    unit : {"万元", "元"}, 可选
        表头没写单位时的金额单位（``营业收入(元)`` 这样的表头已经写了）。
        以元为单位的金额会换算成万元。
    lang : {"zh", "en"}, 可选
        ``"en"`` 时两列叫 ``customer`` 和 ``revenue``。

    Returns
    -------
    pandas.DataFrame
        每个客户一行，按文件中的顺序；其他列原样保留。合计行（合计 / 总计 / 小计）
        不算客户，略去，并给出警告说明是哪一行；Excel 中隐藏的行照常读入，也给出警告。

    Raises
    ------
    DataError
        文件里有错（缺列、客户编号为空或重复、数值不是数字……），用中英文说明
        文件、工作表、行和列。

    Examples
    --------
    自己的文件就写 ``read_customers("我的客户.xlsx")``。这里读课程自带的教材数据
    （长海物流 14 个客户，营业收入单位万元），看前三行：

    >>> from importlib import resources
    >>> path = resources.files("logicrm_edu") / "data" / "changhai.csv"
    >>> print(read_customers(path).head(3).to_string())
       客户   营业收入
    0   1  590.0
    1   2  140.0
    2   3  100.0
    """
    lang = resolve(lang)
    read = read_sheet(path, sheet=sheet,
                      recognise=lambda header: _role_of(_clean_header(header)[0]) is not None)
    raw = read.table
    if raw.shape[1] == 0:
        raise DataError("data.empty", **read.where())

    roles: dict[str, int] = {}
    header_units: dict[str, str | None] = {}
    for idx, header in enumerate(raw.columns):
        base, header_unit = _clean_header(header)
        role = _role_of(base)
        if role and role not in roles:
            roles[role], header_units[role] = idx, header_unit
    if "customer" not in roles and "customer_name" in roles:
        roles["customer"] = roles.pop("customer_name")
    for role in ("customer", "revenue"):
        if role not in roles:
            raise DataError("data.missing_column", column=columns.name(role, "zh"),
                            columns=", ".join(map(str, raw.columns)), **read.where())
    key_idx, value_idx = roles["customer"], roles["revenue"]
    factor = _factor(header_units["revenue"] or unit or "万元", read.where(column=value_idx))

    keys, values, kept = _audit_rows(read, key_idx, value_idx)
    if not kept:
        raise DataError("data.empty", **read.where())
    note = hidden_rows_warning(read)
    if note:
        warnings.warn(note, stacklevel=2)

    key_name, value_name = columns.name("customer", lang), columns.name("revenue", lang)
    out = pd.DataFrame({key_name: keys, value_name: pd.Series(values, dtype="float64") * factor})
    rest = raw.iloc[kept].drop(columns=[raw.columns[key_idx], raw.columns[value_idx]])
    rest = rest.drop(columns=[c for c in rest.columns if c in (key_name, value_name)])
    out = pd.concat([out, rest.reset_index(drop=True).infer_objects()], axis=1)
    out.attrs["logicrm"] = {"source": str(Path(path)), "sheet": read.sheet, "lang": lang}
    return out


def _clean_header(header) -> tuple[str, str | None]:
    """'营业收入（万元）' → ('营业收入', '万元'); 'Customer ID' → ('customerid', None)."""
    text = str(header).strip().replace("（", "(").replace("）", ")").replace("【", "[").replace("】", "]")
    text = re.sub(r"\s+", "", text).lower()
    match = _UNIT.match(text)
    if match and match.group("name"):
        return match.group("name"), match.group("unit")
    return text, None


def _role_of(base: str) -> str | None:
    for role, spellings in _HEADER_ROLES.items():
        if base in spellings:
            return role
    return None


def _factor(unit: str, where: dict) -> float:
    cleaned = re.sub(r"\s+", "", str(unit)).lower()
    if cleaned not in _UNITS:
        raise DataError("data.unknown_unit", unit=unit, **where)
    return _UNITS[cleaned]


def _audit_rows(read: SheetTable, key_idx: int, value_idx: int):
    """(customer keys, values, table positions of the customer rows); total rows are left
    out with a warning, every other mistake stops with a DataError."""
    keys, values, kept = [], [], []
    first_row: dict[str, int] = {}
    since_total = 0.0  # the rows a subtotal adds up
    totals: list[int] = []
    for pos, (key_cell, value_cell) in enumerate(zip(read.table.iloc[:, key_idx],
                                                     read.table.iloc[:, value_idx])):
        value_at = read.where(pos, value_idx)
        if is_total_label(key_cell) or (blank(key_cell) and len(kept) - _last(totals, kept) >= 2
                                        and _is_number_equal(value_cell, since_total)):
            value = None if blank(value_cell) else number_cell(value_cell, value_at)
            _warn_total(read, pos, key_cell, value, since_total, sum(values))
            totals.append(pos)
            since_total = 0.0
            continue
        if blank(key_cell):
            raise DataError("data.blank_id", **read.where(pos, key_idx))
        key = cell_text(key_cell)
        if key in first_row:
            raise DataError("data.duplicate_id", value=key, first_row=first_row[key],
                            **read.where(pos, key_idx))
        first_row[key] = read.rows[pos]
        if blank(value_cell):
            raise DataError("data.missing_value", **value_at)
        number = number_cell(value_cell, value_at)
        if number < 0:
            raise DataError("data.negative", value=value_cell, **value_at)
        keys.append(key)
        values.append(number)
        kept.append(pos)
        since_total += number
    if totals and totals[-1] < (kept[-1] if kept else -1):
        warnings.warn(DataWarning("data.rows_after_total", file=read.file, sheet=read.sheet,
                                  row=read.rows[totals[-1]],
                                  rows="、".join(str(read.rows[p]) for p in kept
                                                if p > totals[-1])), stacklevel=3)
    # keep numeric ids numeric (customer 1..14 as in the textbook)
    if keys and all(re.fullmatch(r"-?\d+", k) for k in keys):
        keys = [int(k) for k in keys]
    return keys, values, kept


def _last(totals: list[int], kept: list[int]) -> int:
    """How many customer rows came before the last total row."""
    return sum(p < totals[-1] for p in kept) if totals else 0


def _warn_total(read: SheetTable, pos: int, label, value, since_total: float, grand: float):
    where = dict(file=read.file, sheet=read.sheet, row=read.rows[pos])
    label = "" if blank(label) else str(label).strip()
    warnings.warn(DataWarning("data.total_row", label=label or "—", **where), stacklevel=4)
    if value is not None and not (_close(value, since_total) or _close(value, grand)):
        warnings.warn(DataWarning("data.total_mismatch", value=f"{value:g}",
                                  sum=f"{since_total:g}", **where), stacklevel=4)


def _is_number_equal(cell, total: float) -> bool:
    try:
        return _close(number_cell(cell, {}), total)
    except DataError:
        return False


def _close(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)
