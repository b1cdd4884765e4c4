"""``report.xlsx``: the class report for Excel/WPS, one sheet per question a teacher asks.

- 总览 / overview: one row per step: its points, the pass rate of every class and
  of everyone, the mean share of points, follow-through and typed-in answers;
- 错误 / mistakes: one row per mistake and step, most frequent first: how many
  students in all, per class and per group, its short title and how to fix it
  (the hint without any one student's facts); typed-in answers are not mistakes
  here (they are in the overview's and the students' typed-in columns);
- 学生 / students: one row per student: state, points per step, mistakes;
- 班级与小组 / classes and groups: headcounts and pass rates per class and group.

Rates are stored as fractions formatted as percentages (so Excel can compute
with them); the header row is frozen and every column is sized to its content.
The overview and the mistakes sheet each carry a native Excel bar chart drawn
from their own cells (pass rate per step and class; the most frequent
mistakes), beside the table, so a teacher can restyle or copy it into slides.
"""
from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference
from openpyxl.chart.label import DataLabelList
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from ..i18n import t
from .charts import TOP_MISTAKES
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
    sheets = {}
    for sheet, table, freeze in (("overview", overview_table, "B2"),
                                 ("mistakes", mistakes_table, "C2"),
                                 ("students", students_table, "C2"),
                                 ("cohorts", cohorts_table, "C2")):
        sheets[sheet] = book.create_sheet(t(f"class_report.sheet.{sheet}", lang))
        _fill(sheets[sheet], table(report, lang), freeze=freeze)
    if report.steps and report.classes:
        _add_pass_rate_chart(sheets["overview"], len(report.steps), len(report.classes), lang)
    if report.mistakes:
        _add_mistakes_chart(sheets["mistakes"], min(len(report.mistakes), TOP_MISTAKES), lang)
    book.save(path)


def _add_pass_rate_chart(sheet, steps: int, classes: int, lang: str | None) -> None:
    """Columns: per step (rows 2..), one bar per class (the class columns C.., header as name)."""
    chart = _bar_chart(t("class_report.chart.pass_title", lang), "col")
    chart.add_data(Reference(sheet, min_col=3, max_col=2 + classes, min_row=1, max_row=1 + steps),
                   titles_from_data=True)
    chart.set_categories(Reference(sheet, min_col=1, min_row=2, max_row=1 + steps))
    chart.y_axis.title = t("class_report.chart.pass_axis", lang)
    chart.y_axis.scaling.min, chart.y_axis.scaling.max = 0, 1
    chart.y_axis.number_format, chart.y_axis.majorGridlines = "0%", None
    chart.width, chart.height = 16, 8
    sheet.add_chart(chart, _beside(sheet))


def _add_mistakes_chart(sheet, shown: int, lang: str | None) -> None:
    """Bars: the first ``shown`` mistakes (column B) by how many students (column C)."""
    chart = _bar_chart(t("class_report.chart.mistakes_title", lang), "bar")
    chart.add_data(Reference(sheet, min_col=3, min_row=1, max_row=1 + shown),
                   titles_from_data=True)
    chart.set_categories(Reference(sheet, min_col=2, min_row=2, max_row=1 + shown))
    chart.x_axis.scaling.orientation = "maxMin"  # the most frequent at the top, as in the table
    chart.y_axis.title = t("class_report.chart.mistakes_axis", lang)
    chart.y_axis.majorUnit, chart.y_axis.majorGridlines = 1, None
    chart.legend = None
    chart.width, chart.height = 16, 3 + 0.8 * shown
    sheet.add_chart(chart, _beside(sheet))


def _bar_chart(title: str, direction: str) -> BarChart:
    chart = BarChart()
    chart.type, chart.title, chart.gapWidth = direction, title, 60
    chart.dataLabels = DataLabelList(showVal=True)
    # openpyxl leaves the axes' "delete" unset, which recent Excel reads as hidden
    chart.x_axis.delete = chart.y_axis.delete = False
    return chart


def _beside(sheet) -> str:
    """The cell two columns right of the table's first row, where a chart is anchored."""
    return f"{get_column_letter(sheet.max_column + 2)}2"


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
