"""The grade export teachers open in Excel or WPS: per student, per assignment and grade cell.

``<out>/grades.xlsx`` has two sheets: one row per student (id, name, class,
group, then per assignment each grade cell, the total, the state and, when the
data file the student handed in is not the one they were handed, what it is:
:mod:`logicrm_edu.grading.data_check`) and one row per student × grade cell.  ``grades.csv`` and ``grade_cells.csv`` hold the same
tables in UTF-8 with BOM (so Excel/WPS show the Chinese correctly).  Headers
are in the chosen language; ids stay text; the header row is frozen and the
columns are sized to their content.
"""
from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from .grading.data_check import recorded
from .i18n import t
from .nbgrader_course import gradebook
from .roster_import import class_roster
from .safe_files import write_with

ID_COLUMNS = ["id", "name", "class", "group"]
_HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")


def grade_cell_order(course_dir, assignment: str) -> list[str]:
    """Grade cell names in notebook order (from source/), for readable columns."""
    order = []
    for notebook in sorted((Path(course_dir) / "source" / assignment).glob("*.ipynb")):
        for cell in json.loads(notebook.read_text(encoding="utf-8")).get("cells", []):
            meta = cell.get("metadata", {}).get("nbgrader", {})
            if meta.get("grade") or meta.get("task"):
                order.append(meta.get("grade_id"))
    return order


def score_rows(course_dir) -> tuple[pd.DataFrame, list[str]]:
    """(one row per student × assignment × grade cell, assignments in gradebook order).

    Columns: id, assignment, notebook, cell, score, max_score, needs_manual_grade, submitted.
    """
    from nbgrader.api import MissingEntry

    rows, assignments = [], []
    with gradebook(course_dir) as gb:
        students = [s.id for s in gb.students]
        for assignment in gb.assignments:
            assignments.append(assignment.name)
            cells = [(nb.name, g.name, g.max_score) for nb in assignment.notebooks
                     for g in nb.grade_cells] + [(nb.name, c.name, c.max_score)
                                                 for nb in assignment.notebooks for c in nb.task_cells]
            for sid in students:
                try:
                    submission = gb.find_submission(assignment.name, sid)
                except MissingEntry:
                    rows += [dict(id=sid, assignment=assignment.name, notebook=nb, cell=cell,
                                  score=None, max_score=top, needs_manual_grade=False,
                                  submitted=False) for nb, cell, top in cells]
                    continue
                for nb in submission.notebooks:
                    for grade in nb.grades:
                        rows.append(dict(id=sid, assignment=assignment.name, notebook=nb.name,
                                         cell=grade.name, score=grade.score,
                                         max_score=grade.max_score,
                                         needs_manual_grade=bool(grade.needs_manual_grade),
                                         submitted=True))
    columns = ["id", "assignment", "notebook", "cell", "score", "max_score",
               "needs_manual_grade", "submitted"]
    return pd.DataFrame(rows, columns=columns), assignments


def grade_tables(course_dir) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(wide: one row per student, long: one row per student × grade cell), headed in the
    language in force."""
    roster = class_roster(course_dir)
    scores, assignments = score_rows(course_dir)
    wide = roster.copy()
    for assignment in assignments:
        mine = scores[scores["assignment"] == assignment]
        order = grade_cell_order(course_dir, assignment)
        cells = sorted(mine["cell"].unique(), key=lambda c: (order.index(c) if c in order
                                                             else len(order), c))
        table = mine.pivot_table(index="id", columns="cell", values="score", aggfunc="sum",
                                 dropna=False)
        for cell in cells:
            wide[f"{assignment}:{cell}"] = wide["id"].map(table[cell]) if cell in table else None
        per_student = mine.groupby("id").agg(score=("score", "sum"), max_score=("max_score", "sum"),
                                             manual=("needs_manual_grade", "any"),
                                             submitted=("submitted", "any"))
        wide[t("cli.col.total", assignment=assignment)] = wide["id"].map(per_student["score"])
        wide[t("cli.col.max", assignment=assignment)] = wide["id"].map(per_student["max_score"])
        state = per_student.apply(lambda r: t("cli.state.missing") if not r["submitted"] else (
            t("cli.state.manual") if r["manual"] else t("cli.state.graded")), axis=1)
        wide[t("cli.col.state", assignment=assignment)] = wide["id"].map(state).fillna(
            t("cli.state.missing"))
        flags = {sid: check.text() for sid, check in recorded(course_dir, assignment).items()
                 if check.flagged}
        wide[t("cli.col.data_file", assignment=assignment)] = wide["id"].map(flags).fillna("")
    long = roster.merge(scores[scores["submitted"]], on="id", how="inner")
    long["needs_manual_grade"] = long["needs_manual_grade"].map(
        {True: t("cli.yes"), False: ""})
    long = long.drop(columns="submitted")
    headings = {c: t(f"cli.col.{c}") for c in ID_COLUMNS + ["assignment", "notebook", "cell",
                                                             "score", "max_score",
                                                             "needs_manual_grade"]}
    return wide.rename(columns=headings), long.rename(columns=headings)


def export_grades(course_dir, out_dir=None) -> dict[str, Path]:
    """Write grades.xlsx, grades.csv and grade_cells.csv (atomically); returns the paths."""
    out_dir = Path(out_dir) if out_dir else Path(course_dir) / "export"
    wide, long = grade_tables(course_dir)
    paths = {"xlsx": out_dir / "grades.xlsx", "csv": out_dir / "grades.csv",
             "cells_csv": out_dir / "grade_cells.csv"}
    write_with(paths["csv"], lambda p: wide.to_csv(p, index=False, encoding="utf-8-sig"))
    write_with(paths["cells_csv"], lambda p: long.to_csv(p, index=False, encoding="utf-8-sig"))

    def workbook(path: Path) -> None:
        book = Workbook()
        _sheet(book.active, t("cli.export.sheet_students"), wide)
        _sheet(book.create_sheet(), t("cli.export.sheet_cells"), long)
        book.save(path)

    write_with(paths["xlsx"], workbook)
    return paths


def _display_width(value) -> int:
    text = "" if value is None else str(value)
    return sum(2 if ord(ch) > 0x2E7F else 1 for ch in text)


def _sheet(sheet, title: str, table: pd.DataFrame) -> None:
    sheet.title = title
    sheet.append([str(c) for c in table.columns])
    for record in table.itertuples(index=False):
        sheet.append([None if (isinstance(v, float) and v != v) or v is pd.NA else v
                      for v in record])
    for index, column in enumerate(table.columns, start=1):
        letter = get_column_letter(index)
        header = sheet.cell(1, index)
        header.font, header.fill = Font(bold=True), _HEADER_FILL
        header.alignment = Alignment(wrap_text=True, vertical="center")
        numeric = pd.api.types.is_numeric_dtype(table[column])
        for cell in sheet[letter][1:]:
            cell.number_format = "0.##" if numeric else "@"
        widest = max([_display_width(column) // 2 + 2] +
                     [_display_width(v) + 2 for v in table[column].head(500)])
        sheet.column_dimensions[letter].width = min(max(widest, 8), 40)
    sheet.freeze_panes = "C2"  # header row and id + name stay visible
    sheet.auto_filter.ref = sheet.dimensions
