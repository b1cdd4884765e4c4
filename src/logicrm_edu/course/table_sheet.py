"""A table as a worksheet teachers read in Excel or WPS.

Bold shaded header row that wraps; every column wide enough for its header and
its values (a CJK character counts double), so grade-cell ids like
``abc_tiering:step2_hidden`` are shown whole; text cells (ids, names, "待批改")
stored and formatted as text so leading zeros stay; numbers with the format
given for their column; times as ``yyyy-mm-dd hh:mm``; chosen cells shaded
(e.g. provisional totals); header row and the first two columns frozen.
"""
from __future__ import annotations

from datetime import datetime

import pandas as pd
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
MARK_FILL = PatternFill("solid", fgColor="FFF2CC")  # pending / provisional
TIME_FORMAT = "yyyy-mm-dd hh:mm"
MAX_WIDTH = 60


def display_width(value) -> int:
    """Characters a cell needs: CJK (and other wide) characters count double."""
    text = "" if value is None else str(value)
    return sum(2 if ord(ch) > 0x2E7F else 1 for ch in text)


def write_table(sheet, title: str, table: pd.DataFrame, *, formats: dict | None = None,
                default_format: str = "General", marked: dict | None = None,
                freeze: str = "C2") -> None:
    """Fill ``sheet`` (titled ``title``) with ``table``: header row, then one row per record.

    Parameters
    ----------
    formats
        Number format per column (e.g. ``{"互评系数": "0.000"}``); other numeric
        cells get ``default_format``.
    marked
        Column → boolean sequence (by row position): those cells are shaded.
    freeze
        The cell below and right of the frozen panes.
    """
    formats, marked = formats or {}, marked or {}
    sheet.title = title
    sheet.append([str(c) for c in table.columns])
    for record in table.itertuples(index=False):
        sheet.append([_stored(v) for v in record])
    for index, column in enumerate(table.columns, start=1):
        letter = get_column_letter(index)
        header = sheet.cell(1, index)
        header.font, header.fill = Font(bold=True), HEADER_FILL
        header.alignment = Alignment(wrap_text=True, vertical="center")
        shade = list(marked.get(column, []))
        for row, cell in enumerate(sheet[letter][1:]):
            cell.number_format = _format(cell.value, formats.get(column, default_format))
            if row < len(shade) and shade[row]:
                cell.fill = MARK_FILL
        widest = max([display_width(column)] +
                     [display_width(_shown(v)) for v in table[column].head(500)])
        sheet.column_dimensions[letter].width = min(max(widest + 2, 8), MAX_WIDTH)
    sheet.freeze_panes = freeze
    sheet.auto_filter.ref = sheet.dimensions


def _stored(value):
    if value is None or value is pd.NA or value is pd.NaT or (isinstance(value, float) and value != value):
        return None
    if isinstance(value, pd.Timestamp):
        value = value.to_pydatetime()
    if isinstance(value, datetime) and value.tzinfo is not None:
        value = value.astimezone().replace(tzinfo=None)  # Excel has no time zones: local time
    return value


def _shown(value) -> str:
    value = _stored(value)
    if isinstance(value, datetime):
        return "2025-01-01 00:00"
    return "" if value is None else str(value)


def _format(value, number: str) -> str:
    if isinstance(value, str):
        return "@"
    if isinstance(value, datetime):
        return TIME_FORMAT
    return number
