"""Writing the final grade sheet for Excel/WPS: an .xlsx and a UTF-8-with-BOM .csv.

:func:`export_final_grades` does the whole job for a course directory: marks
from the rubric database, assignment scores from the nbgrader gradebook, the
final grade, and both files.

Headings are in the chosen language; student ids stay text (leading zeros
kept); numbers are rounded to ``[grades] decimals`` (the peer factor to 3).  The workbook has a
second sheet with the weights used and the course-level notes.
"""
from __future__ import annotations

from pathlib import Path

import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from ..i18n import resolve, t
from .course import open_course
from .gradebook import assignment_scores
from .grades import LEADING, TRAILING, final_grades, weight_notes
from .marks import course_marks
from .settings import CourseSettings

XLSX_FILE, CSV_FILE = "final_grades.xlsx", "final_grades.csv"
_HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
_TEXT_COLUMNS = {"id", "name", "class", "group", "notes"}


def localized(table: pd.DataFrame, decimals: int, lang: str | None = None) -> pd.DataFrame:
    """The grade table with headings in ``lang`` and numbers rounded for display."""
    lang = resolve(lang)
    headings = {c: t(f"rubric.col.{c}", lang) for c in LEADING + TRAILING}
    shown = table.copy()
    for column in shown.columns:
        if column not in _TEXT_COLUMNS:
            shown[column] = pd.to_numeric(shown[column]).round(3 if column == "factor" else decimals)
    return shown.rename(columns=lambda c: headings.get(c) or t("rubric.col.assignment", lang, name=c))


def write_grade_sheet(table: pd.DataFrame, settings: CourseSettings, notes: list[tuple[str, dict]],
                      out_dir, *, lang: str | None = None) -> dict[str, Path]:
    """Write ``final_grades.xlsx`` and ``final_grades.csv`` into ``out_dir``; returns both paths."""
    lang = resolve(lang)
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    shown = localized(table, settings.grades.decimals, lang)
    paths = {"xlsx": out_dir / XLSX_FILE, "csv": out_dir / CSV_FILE}
    shown.to_csv(paths["csv"], index=False, encoding="utf-8-sig")  # BOM: Excel reads UTF-8
    book = Workbook()
    _grades_sheet(book.active, shown, settings.grades.decimals, lang)
    _notes_sheet(book.create_sheet(t("rubric.grades.notes_sheet", lang)), settings, notes, lang)
    book.save(paths["xlsx"])
    return paths


def _grades_sheet(sheet, shown: pd.DataFrame, decimals: int, lang: str) -> None:
    sheet.title = t("rubric.grades.sheet", lang)
    sheet.append(list(shown.columns))
    number_format = "0" if decimals <= 0 else "0." + "0" * decimals
    for record in shown.itertuples(index=False):
        sheet.append([None if isinstance(v, float) and v != v else v for v in record])
    for index, column in enumerate(shown.columns, start=1):
        letter = get_column_letter(index)
        header = sheet.cell(1, index)
        header.font, header.fill = Font(bold=True), _HEADER_FILL
        header.alignment = Alignment(wrap_text=True, horizontal="center", vertical="center")
        cell_format = number_format if pd.api.types.is_numeric_dtype(shown[column]) else "@"
        for cell in sheet[letter][1:]:
            cell.number_format = cell_format
        sheet.column_dimensions[letter].width = 40 if index == len(shown.columns) else 12
    sheet.freeze_panes = "C2"
    sheet.auto_filter.ref = sheet.dimensions


def _notes_sheet(sheet, settings: CourseSettings, notes: list[tuple[str, dict]], lang: str) -> None:
    grades, rubric = settings.grades, settings.rubric
    sheet.append([t("rubric.grades.weights", lang, assignments=f"{grades.assignment_weight:g}",
                    presentation=f"{grades.presentation_weight:g}")])
    sheet.append([t("rubric.grades.method", lang, method=rubric.method,
                    weighting=f"{rubric.webpa_weighting:g}", teacher=f"{rubric.teacher_weight:g}")])
    for key, fields in notes:
        sheet.append([t(key, lang, **fields)])
    sheet.column_dimensions["A"].width = 100


def export_final_grades(course_dir=".", out_dir=None, *, lang: str | None = None) -> dict[str, Path]:
    """Compute the final grades of the course in ``course_dir`` and write the grade sheet.

    ``out_dir`` defaults to ``course_dir/final_grades``.  Returns the paths of the
    .xlsx and .csv files.
    """
    course = open_course(course_dir)
    marks = course_marks(course)
    scores, notes = assignment_scores(course_dir, course.roster["id"])
    names = list(dict.fromkeys(scores["assignment"]))
    table = final_grades(marks.members, scores, course.settings.grades,
                         presentation_max=course.group_rubric.max_total, lang=lang)
    notes = notes + weight_notes(course.settings.grades, names)
    return write_grade_sheet(table, course.settings, notes,
                             Path(out_dir) if out_dir else Path(course_dir) / "final_grades", lang=lang)
