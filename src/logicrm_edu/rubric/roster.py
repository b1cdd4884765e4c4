"""The class roster the rubric module works with: student id, name, class, group.

This is the one place that knows where the roster comes from, so it can later
be swapped for the gradebook roster.  Today it accepts a DataFrame, a CSV
(UTF-8 with or without BOM, or GBK as Excel saves it) or an XLSX file with the
headers 学号, 姓名, 班级, 小组 (or id, name, class, group) and returns a table
with the columns ``id``, ``name``, ``class``, ``group`` as text, in file order.
Mistakes raise :class:`~logicrm_edu.errors.DataError` naming file, row and column.
"""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from ..errors import DataError

COLUMNS = ("id", "name", "class", "group")
HEADERS = {"id": ("学号", "id", "student_id"), "name": ("姓名", "name"),
           "class": ("班级", "class"), "group": ("小组", "组", "group")}
"""Accepted header spellings per column (compared without case or spaces)."""
LABELS = {"id": "学号", "name": "姓名", "class": "班级", "group": "小组"}


def read_roster(source) -> pd.DataFrame:
    """The roster from a DataFrame or a CSV/XLSX path; see the module docstring."""
    file = None
    if not isinstance(source, pd.DataFrame):
        file = Path(source)
        source = read_table_file(file)
    where = {"file": file.name if file else None}
    found = {}
    for index, header in enumerate(source.columns):
        for column, spellings in HEADERS.items():
            if str(header).strip().lower().replace(" ", "") in spellings and column not in found:
                found[column] = index
    for column in COLUMNS:
        if column not in found:
            raise DataError("rubric.roster.missing_column", column=LABELS[column],
                            columns=", ".join(map(str, source.columns)), **where)
    table = pd.DataFrame({column: [cell_text(v) for v in source.iloc[:, found[column]]]
                          for column in COLUMNS})
    _audit(table, found, source.columns, where)
    return table


def read_table_file(path: Path) -> pd.DataFrame:
    if not path.is_file():
        raise DataError("data.not_found", file=str(path))
    suffix = path.suffix.lower()
    if suffix == ".csv":
        options = dict(dtype=str, keep_default_na=False)
        try:
            return pd.read_csv(path, encoding="utf-8-sig", **options)
        except UnicodeDecodeError:
            return pd.read_csv(path, encoding="gb18030", **options)
    if suffix in (".xlsx", ".xlsm"):
        return pd.read_excel(path, dtype=object, engine="openpyxl").dropna(how="all")
    raise DataError("data.unsupported_format", file=path.name, suffix=suffix or path.name)


def cell_text(value) -> str:
    """Cell → text; 2023001.0 from Excel becomes "2023001"; blanks become ""."""
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _audit(table: pd.DataFrame, found: dict, headers, where: dict) -> None:
    if table.empty:
        raise DataError("data.empty", **where)
    first_row: dict[str, int] = {}
    for position, record in enumerate(table.itertuples(index=False)):
        row = position + 2  # the header is row 1
        for column in ("id", "name", "group"):
            if not getattr(record, column):
                raise DataError("rubric.roster.blank", row=row, column=headers[found[column]],
                                column_index=found[column], **where)
        if record.id in first_row:
            raise DataError("rubric.roster.duplicate_id", row=row, column=headers[found["id"]],
                            column_index=found["id"], value=record.id,
                            first_row=first_row[record.id], **where)
        first_row[record.id] = row
