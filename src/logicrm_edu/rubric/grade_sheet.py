"""Writing the final grade sheet for Excel/WPS: an .xlsx and a UTF-8-with-BOM .csv.

:func:`export_final_grades` does the whole job for a course directory: marks
from the rubric database, assignment scores from the nbgrader gradebook, the
final grade, both files, the class's skills across assignments (a sheet of the
workbook, :mod:`logicrm_edu.course.skills`) and one printable page per student
(:mod:`logicrm_edu.course.student_pages`).

Headings are in the chosen language; student ids stay text (leading zeros
kept); numbers are rounded half up (四舍五入) to ``[grades] decimals`` and
shown with exactly that many places (the peer factor to 3); columns fit their
headings; a provisional final grade is shaded.  The workbook has a second
sheet with the weights used and the course-level notes.  Both files are
written atomically and readable like any other file.
"""
from __future__ import annotations

from pathlib import Path

import pandas as pd
from openpyxl import Workbook

from ..course.safe_files import write_with
from ..course.skills import MASTERED, WEAK, class_skills, step_scores
from ..course.student_pages import write_student_pages
from ..course.rounding import half_up, number_format
from ..course.table_sheet import write_table
from ..i18n import resolve, t
from .course import open_course
from .gradebook import assignment_scores
from .grades import FIXED, PresentationMarks, final_grades, weight_notes
from .marks import course_marks
from .settings import CourseSettings

XLSX_FILE, CSV_FILE = "final_grades.xlsx", "final_grades.csv"
FACTOR_DECIMALS = 3
_TEXT_COLUMNS = {"id", "name", "class", "group", "final_state", "notes"}


def localized(table: pd.DataFrame, decimals: int, lang: str | None = None) -> pd.DataFrame:
    """The grade table with headings in ``lang`` and numbers rounded half up for display."""
    lang = resolve(lang)
    shown = table.copy()
    for column in shown.columns:
        if column not in _TEXT_COLUMNS:
            places = FACTOR_DECIMALS if column == "factor" else decimals
            shown[column] = pd.to_numeric(shown[column]).map(lambda v: half_up(v, places))
    return shown.rename(columns=lambda c: heading(c, lang))


def heading(column: str, lang: str | None = None) -> str:
    """The heading of a grade-table column (an assignment's own column for other names)."""
    if column in FIXED:
        return t(f"rubric.col.{column}", lang)
    if column.startswith("presentation:"):
        return t("rubric.col.presentation_of", lang, presentation=column.split(":", 1)[1])
    return t("rubric.col.assignment", lang, name=column)


def write_grade_sheet(table: pd.DataFrame, settings: CourseSettings, notes: list[tuple[str, dict]],
                      out_dir, *, skills: pd.DataFrame | None = None,
                      lang: str | None = None) -> dict[str, Path]:
    """Write ``final_grades.xlsx`` (with a sheet of the class's ``skills``, when given) and
    ``final_grades.csv`` into ``out_dir``; returns both paths."""
    lang = resolve(lang)
    out_dir = Path(out_dir)
    decimals = settings.grades.decimals
    shown = localized(table, decimals, lang)
    paths = {"xlsx": out_dir / XLSX_FILE, "csv": out_dir / CSV_FILE}
    # BOM: Excel reads UTF-8
    write_with(paths["csv"], lambda p: shown.to_csv(p, index=False, encoding="utf-8-sig"))
    provisional = (table["final_state"] == t("grade_sheets.final_state.provisional", lang)).tolist()

    def workbook(path: Path) -> None:
        book = Workbook()
        write_table(book.active, t("rubric.grades.sheet", lang), shown,
                    default_format=number_format(decimals),
                    formats={heading("factor", lang): number_format(FACTOR_DECIMALS)},
                    marked={heading(c, lang): provisional for c in ("final", "final_state")})
        _notes_sheet(book.create_sheet(t("rubric.grades.notes_sheet", lang)), settings, notes, lang)
        if skills is not None:
            write_table(book.create_sheet(), t("course_summary.skills_sheet", lang),
                        skills_shown(skills, lang), default_format=number_format(decimals))
            book[t("course_summary.skills_sheet", lang)].append(
                [t("course_summary.skills_rule", lang, mastered=f"{MASTERED:g}", weak=f"{WEAK:g}")])
        book.save(path)

    write_with(paths["xlsx"], workbook)
    return paths


def skills_shown(skills: pd.DataFrame, lang: str | None = None) -> pd.DataFrame:
    """The skills table with its headings, steps and levels in ``lang``."""
    shown = skills.assign(
        step=skills["step"].str.extract(r"(\d+)", expand=False).map(
            lambda n: t("course_summary.step", lang, n=n, title="").strip()),
        level=skills["level"].map(lambda level: t(f"course_summary.level.{level}", lang)))
    return shown.rename(columns=lambda c: t(f"course_summary.col.{c}", lang))


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
    .xlsx and .csv files and (``"students"``) of the folder of the students' pages.
    """
    course = open_course(course_dir)
    out_dir = Path(out_dir) if out_dir else Path(course_dir) / "final_grades"
    presentations = [PresentationMarks(rubric.id, course_marks(course, rubric).members,
                                       rubric.max_total) for rubric in course.presentations]
    scores, notes = assignment_scores(course_dir, course.roster["id"])
    names = list(dict.fromkeys(scores["assignment"]))
    table = final_grades(presentations, scores, course.settings.grades, lang=lang)
    notes = notes + weight_notes(course.settings.grades, names)
    steps = step_scores(course_dir)
    paths = write_grade_sheet(table, course.settings, notes, out_dir,
                              skills=class_skills(course_dir, steps), lang=lang)
    # the assignments' and the presentations' own columns (their totals are on every page)
    columns = {c: heading(c, lang) for c in table.columns
               if c in names or c.startswith("presentation:") or c == "presentation"}
    pages = write_student_pages(table, steps, course_dir, out_dir, columns,
                                course.settings.grades.decimals, lang)
    return paths | {"students": pages[0].parent} if pages else paths
