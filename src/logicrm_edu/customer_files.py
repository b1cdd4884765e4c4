"""Reading a teacher's or student's customer spreadsheet (CSV or XLSX) safely.

Accepts what Chinese offices produce: CSV saved by Excel as GBK or UTF-8 (with
or without BOM), XLSX, Chinese or English headers, amounts in 万元 or 元 (from
the header, e.g. ``营业收入(元)``, or ``unit=``).  Every expected mistake raises
:class:`~logicrm_edu.errors.DataError` naming the file, sheet, row and column.
"""
from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pandas as pd

from . import columns
from .errors import DataError
from .i18n import resolve

# Header spellings (lower-case, spaces removed) → column role.
_HEADER_ROLES = {
    "customer": ("客户", "客户编号", "客户代码", "客户id", "客户号", "编号", "customer",
                 "customerid", "customer_id", "customerno", "id"),
    "revenue": ("营业收入", "收入", "营业额", "销售额", "交易额", "年营业收入", "revenue", "sales",
                "turnover"),
}
_UNIT = re.compile(r"^(?P<name>.*?)[(\[](?P<unit>[^)\]]*)[)\]]$")
_UNITS = {"万元": 1.0, "10kyuan": 1.0, "10k": 1.0, "元": 1e-4, "yuan": 1e-4, "cny": 1e-4,
          "rmb": 1e-4}
_MONEY_ROLES = ("revenue",)


def read_customers(path, sheet=None, *, unit: str | None = None,
                   lang: str | None = None) -> pd.DataFrame:
    """Read and audit a customer table; return columns ``客户`` and ``营业收入`` (万元) first.

    ``sheet``: sheet name or 0-based index for XLSX (default: the first sheet).
    ``unit``: ``"万元"`` or ``"元"`` when the header does not say; amounts in 元
    are converted to 万元.  Other columns are kept unchanged.  With
    ``lang="en"`` the two columns are named ``customer`` and ``revenue``.
    """
    lang = resolve(lang)
    path = Path(path)
    raw, sheet_name = _read_raw(path, sheet)
    where = {"file": path.name, "sheet": sheet_name}
    if raw.shape[0] == 0 or raw.shape[1] == 0:
        raise DataError("data.empty", **where)

    headers = [_clean_header(h) for h in raw.columns]
    roles: dict[str, int] = {}
    factors: dict[str, float] = {}
    for idx, (base, header_unit) in enumerate(headers):
        role = _role_of(base)
        if role and role not in roles:
            roles[role] = idx
            if role in _MONEY_ROLES:
                factors[role] = _factor(header_unit or unit or "万元", where, raw.columns[idx], idx)
    for role in ("customer", "revenue"):
        if role not in roles:
            raise DataError("data.missing_column", column=columns.name(role, "zh"),
                            columns=", ".join(map(str, raw.columns)), **where)

    key_idx, value_idx = roles["customer"], roles["revenue"]
    keys = _audit_keys(raw.iloc[:, key_idx], where, raw.columns[key_idx], key_idx)
    values = _audit_values(raw.iloc[:, value_idx], where, raw.columns[value_idx], value_idx)
    key_name, value_name = columns.name("customer", lang), columns.name("revenue", lang)
    out = pd.DataFrame({key_name: keys, value_name: values * factors["revenue"]})
    rest = raw.drop(columns=[raw.columns[key_idx], raw.columns[value_idx]])
    rest = rest.drop(columns=[c for c in rest.columns if c in (key_name, value_name)])
    out = pd.concat([out, rest.reset_index(drop=True)], axis=1)
    out.attrs["logicrm"] = {"source": str(path), "sheet": sheet_name, "lang": lang}
    return out


def _read_raw(path: Path, sheet):
    if not path.exists():
        raise DataError("data.not_found", file=str(path))
    suffix = path.suffix.lower()
    try:
        if suffix == ".csv":
            return _read_csv(path), None
        if suffix in (".xlsx", ".xlsm"):
            return _read_xlsx(path, sheet)
    except DataError:
        raise
    except pd.errors.EmptyDataError:
        raise DataError("data.empty", file=path.name) from None
    except (zipfile.BadZipFile, OSError, ValueError, KeyError) as exc:
        raise DataError("data.unreadable", file=path.name, reason=str(exc) or type(exc).__name__) from None
    raise DataError("data.unsupported_format", file=path.name, suffix=suffix or path.name)


def _read_csv(path: Path) -> pd.DataFrame:
    options = dict(dtype=str, keep_default_na=False, skip_blank_lines=True)
    try:
        return pd.read_csv(path, encoding="utf-8-sig", **options)
    except UnicodeDecodeError:
        # Excel in China saves "CSV" as GBK; GB18030 is its superset.
        return pd.read_csv(path, encoding="gb18030", **options)


def _read_xlsx(path: Path, sheet):
    with pd.ExcelFile(path, engine="openpyxl") as book:
        names = book.sheet_names
        if sheet is None:
            sheet = names[0]
        elif isinstance(sheet, int):
            if not 0 <= sheet < len(names):
                raise DataError("data.no_sheet", file=path.name, sheet=sheet, sheets=", ".join(names))
            sheet = names[sheet]
        elif sheet not in names:
            raise DataError("data.no_sheet", file=path.name, sheet=sheet, sheets=", ".join(names))
        frame = pd.read_excel(book, sheet_name=sheet, dtype=object)
    frame = frame.dropna(how="all")
    frame = frame.loc[:, [not str(c).startswith("Unnamed:") or frame[c].notna().any()
                          for c in frame.columns]]
    return frame, sheet


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


def _factor(unit: str, where, column, idx) -> float:
    cleaned = re.sub(r"\s+", "", str(unit)).lower()
    if cleaned not in _UNITS:
        raise DataError("data.unknown_unit", unit=unit, column=column, column_index=idx, **where)
    return _UNITS[cleaned]


def _row(position: int) -> int:
    """Spreadsheet row number of the ``position``-th data row (the header is row 1)."""
    return position + 2


def _blank(cell) -> bool:
    return cell is None or (isinstance(cell, float) and pd.isna(cell)) or str(cell).strip() == ""


def _audit_keys(cells: pd.Series, where, column, idx) -> list:
    seen: dict[str, int] = {}
    keys = []
    for pos, cell in enumerate(cells.tolist()):
        if _blank(cell):
            raise DataError("data.blank_id", row=_row(pos), column=column, column_index=idx, **where)
        key = _key_text(cell)
        if key in seen:
            raise DataError("data.duplicate_id", row=_row(pos), column=column, column_index=idx,
                            value=key, first_row=seen[key], **where)
        seen[key] = _row(pos)
        keys.append(key)
    # keep numeric ids numeric (customer 1..14 as in the textbook)
    return [int(k) for k in keys] if all(re.fullmatch(r"-?\d+", k) for k in keys) else keys


def _key_text(cell) -> str:
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    return str(cell).strip()


def _audit_values(cells: pd.Series, where, column, idx) -> pd.Series:
    numbers = []
    for pos, cell in enumerate(cells.tolist()):
        loc = dict(row=_row(pos), column=column, column_index=idx, **where)
        if _blank(cell):
            raise DataError("data.missing_value", **loc)
        if isinstance(cell, (int, float)) and not isinstance(cell, bool):
            number = float(cell)
        else:
            try:
                number = float(str(cell).strip().replace(",", "").replace("，", ""))
            except ValueError:
                raise DataError("data.not_number", value=str(cell).strip(), **loc) from None
        if number != number or number in (float("inf"), float("-inf")):
            raise DataError("data.not_number", value=str(cell), **loc)
        if number < 0:
            raise DataError("data.negative", value=cell, **loc)
        numbers.append(number)
    return pd.Series(numbers, dtype="float64")
