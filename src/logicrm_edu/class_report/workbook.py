"""``report.xlsx``: the class report for Excel/WPS, one sheet per question a teacher asks.

- 总览 / overview: one row per step: its points, the pass rate of every class and
  of everyone, the mean share of points, follow-through and typed-in answers;
- 错误 / mistakes: one row per mistake and step, most frequent first: how many
  students per class, its short title and how to fix it (the hint without any
  one student's facts);
- 学生 / students: one row per student: state, points per step, mistakes;
- 班级与小组 / classes and groups: headcounts and pass rates per class and group.

Rates are stored as fractions formatted as percentages (so Excel can compute
with them); the header row is frozen and every column is sized to its content.
"""
from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from ..i18n import t
from .summary import ClassReport
from .tables import (COUNT, LONG_TEXT, NUMBER, RATE, TEXT, Table, cohorts_table, mistakes_table,
                     overview_table, students_table)

_FORMATS = {TEXT: "@", LONG_TEXT: "@", NUMBER: "0.##", COUNT: "0", RATE: "0%"}
_HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
_WIDEST, _WIDEST_LONG = 30, 60


def write_workbook(report: ClassReport, path: Path, lang: str | None = None) -> None:
    """Write the four sheets to ``path`` in ``lang`` (default: the language in force)."""
    book = Workbook()
    book.remove(book.active)
    for sheet, table, freeze in (("overview", overview_table, "B2"),
                                 ("mistakes", mistakes_table, "C2"),
                                 ("students", students_table, "C2"),
                                 ("cohorts", cohorts_table, "C2")):
        _fill(book.create_sheet(t(f"class_report.sheet.{sheet}", lang)), table(report, lang),
              freeze=freeze)
    book.save(path)


def _fill(sheet, table: Table, *, freeze: str) -> None:
    sheet.append([header for header, _ in table.columns])
    for row in table.rows:
        sheet.append(row)
    for index, (header, kind) in enumerate(table.columns, start=1):
        letter = get_column_letter(index)
        cell = sheet.cell(1, index)
        cell.font, cell.fill = Font(bold=True), _HEADER_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="center")
        for cell in sheet[letter][1:]:
            cell.number_format = _FORMATS[kind]
            if kind == LONG_TEXT:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
        shown = [_display_width(row[index - 1], kind) for row in table.rows]
        widest = max([_display_width(header, TEXT) // 2 + 2] + [w + 2 for w in shown])
        sheet.column_dimensions[letter].width = min(max(widest, 8),
                                                    _WIDEST_LONG if kind == LONG_TEXT else _WIDEST)
    sheet.freeze_panes = freeze
    sheet.auto_filter.ref = sheet.dimensions


def _display_width(value, kind: str) -> int:
    """Characters as Excel shows them, CJK counting double."""
    if value is None:
        return 0
    text = f"{value:.0%}" if kind == RATE else f"{value:g}" if kind == NUMBER else str(value)
    return sum(2 if ord(ch) > 0x2E7F else 1 for ch in text)
