"""The grade export teachers open in Excel or WPS: per student, per assignment and grade cell.

``<out>/grades.xlsx`` has two sheets: one row per student (id, name, class,
group, then per assignment each grade cell, the score, the maximum, when it was
handed in, whether and how late, the late penalty, the score after it, the
state, the data-file check of :mod:`logicrm_edu.grading.data_check` and a
note) and one row per student × grade cell.  ``grades.csv`` and
``grade_cells.csv`` hold the same tables in UTF-8 with BOM (so Excel/WPS show
the Chinese correctly).

Nothing looks more final than it is: a grade cell nobody has graded by hand
yet reads "待批改" (not 0), the score of such a submission is shaded and its
note says it is provisional; a student who uploaded only files that are not a
notebook (see :mod:`.handed_in`) is told apart from one who handed in
nothing; a late submission is always flagged (:mod:`.late`).  Scores are
rounded half up to two places.  Headers are in the chosen language; ids stay
text; the header row is frozen and the columns fit their headers.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import pandas as pd
from openpyxl import Workbook

from ..grading.data_check import recorded
from ..i18n import t
from .handed_in import collected, files_without_notebook
from .late import (assess, collected_late, gradebook_time, late_policy, late_text, penalized,
                   submission_time)
from .nbgrader_app import gradebook
from .roster import class_roster
from .safe_files import write_with
from .rounding import half_up, number_format
from .table_sheet import write_table

ID_COLUMNS = ["id", "name", "class", "group"]
DECIMALS = 2
CELL_COLUMNS = ["id", "assignment", "notebook", "cell", "score", "max_score", "pending"]


@dataclass
class GradeTables:
    """The two tables of the export, headed in the language in force."""

    students: pd.DataFrame
    """One row per student of the roster."""
    cells: pd.DataFrame
    """One row per student × grade cell of the submissions in the gradebook."""
    marked: dict[str, list[bool]]
    """Heading of ``students`` → rows whose cell is pending or provisional (shaded)."""
    pending: int
    """Submissions with grade cells still to be graded by hand."""
    late: int
    """Late submissions (graded or only collected)."""


def grade_cell_order(course_dir, assignment: str) -> list[str]:
    """Grade cell names in notebook order (from source/), for readable columns."""
    order = []
    for notebook in sorted((Path(course_dir) / "source" / assignment).glob("*.ipynb")):
        for cell in json.loads(notebook.read_text(encoding="utf-8")).get("cells", []):
            meta = cell.get("metadata", {}).get("nbgrader", {})
            if meta.get("grade") or meta.get("task"):
                order.append(meta.get("grade_id"))
    return order


def gradebook_rows(course_dir, students) -> tuple[pd.DataFrame, pd.DataFrame, list[str]]:
    """(one row per submitted grade cell, one row per student × assignment, assignment names).

    Grade cells: id, assignment, notebook, cell, score, max_score, pending (the
    cell still needs grading by hand).  Submissions: id, assignment, submitted
    (graded into the gradebook), collected (a notebook in submitted/), score,
    max_score, pending (how many such cells), late (a :class:`~.late.Lateness`),
    penalty (points) and after (the score after the penalty).  ``students``: the
    roster's ids; students only in the gradebook are added.
    """
    from nbgrader.api import MissingEntry

    policy = late_policy(course_dir)
    cells, submissions, assignments = [], [], []
    with gradebook(course_dir) as gb:
        everyone = list(dict.fromkeys([str(s) for s in students] + [s.id for s in gb.students]))
        for assignment in gb.assignments:
            assignments.append(assignment.name)
            name, due = assignment.name, gradebook_time(assignment.duedate)
            flagged = collected_late(course_dir, name)
            for sid in everyone:
                row = dict(id=sid, assignment=name, max_score=float(assignment.max_score))
                try:
                    submission = gb.find_submission(name, sid)
                except MissingEntry:  # nothing, or collected and not graded yet
                    lateness = assess(policy, name, sid, submission_time(course_dir, name, sid), due,
                                      collected_late=sid in flagged)
                    submissions.append(row | dict(submitted=False, collected=collected(course_dir, name, sid),
                                                  score=None, pending=0, late=lateness, penalty=None,
                                                  after=None))
                    continue
                mine = _cells(submission, sid, name)
                cells += mine
                lateness = assess(policy, name, sid,
                                  submission_time(course_dir, name, sid, submission.timestamp),
                                  due, submission.extension, collected_late=sid in flagged)
                # the total of the exact scores, as nbgrader has it, then rounded
                score = half_up(sum(c.pop("exact") or 0.0 for c in mine), DECIMALS)
                penalty, after = penalized(score, lateness)
                submissions.append(row | dict(submitted=True, collected=True, score=score,
                                              pending=sum(c["pending"] for c in mine), late=lateness,
                                              penalty=penalty, after=after))
    return (pd.DataFrame(cells, columns=CELL_COLUMNS),
            pd.DataFrame(submissions, columns=["id", "assignment", "submitted", "collected", "score",
                                               "max_score", "pending", "late", "penalty", "after"]),
            assignments)


def _cells(submission, sid: str, assignment: str) -> list[dict]:
    return [dict(id=sid, assignment=assignment, notebook=nb.name, cell=grade.name,
                 score=half_up(grade.score, DECIMALS), exact=grade.score, max_score=grade.max_score,
                 pending=bool(grade.needs_manual_grade))
            for nb in submission.notebooks for grade in nb.grades]


def grade_tables(course_dir) -> GradeTables:
    """The export's tables for the course in ``course_dir`` (see the module docstring)."""
    roster = class_roster(course_dir)
    cells, submissions, assignments = gradebook_rows(course_dir, roster["id"])
    wide, marked = roster.copy(), {}
    pending_text = t("grade_sheets.pending")
    for assignment in assignments:
        mine = cells[cells["assignment"] == assignment]
        order = grade_cell_order(course_dir, assignment)
        names = sorted(mine["cell"].unique(), key=lambda c: (order.index(c) if c in order
                                                             else len(order), c))
        for name in names:
            shown = mine[mine["cell"] == name].set_index("id")
            values = shown["score"].astype(object).where(~shown["pending"], pending_text)
            heading = f"{assignment}:{name}"
            wide[heading] = wide["id"].map(values)
            marked[heading] = wide["id"].map(shown["pending"]).fillna(False).astype(bool).tolist()
        results = submissions[submissions["assignment"] == assignment].set_index("id")
        not_notebook = files_without_notebook(course_dir, assignment)
        columns = _assignment_columns(results, not_notebook, recorded(course_dir, assignment))
        for key, values in columns.items():
            wide[_heading(key, assignment)] = wide["id"].map(values)
        provisional = wide["id"].map(results["pending"] > 0).fillna(False).astype(bool).tolist()
        for key in ("total", "after"):
            marked[_heading(key, assignment)] = provisional
    long = roster.merge(cells, on="id", how="inner")
    long["score"] = long["score"].astype(object).where(~long["pending"], pending_text)
    long["pending"] = long["pending"].map({True: t("cli.yes"), False: ""})
    headings = {c: t(f"cli.col.{c}") for c in ID_COLUMNS + ["assignment", "notebook", "cell",
                                                             "score", "max_score"]}
    headings["pending"] = t("cli.col.needs_manual_grade")
    # .loc with a bool mask: an empty (object) column would select columns, not rows
    handed_in = submissions.loc[submissions["collected"].astype(bool)]
    return GradeTables(wide.rename(columns=headings), long.rename(columns=headings), marked,
                       pending=int((handed_in["pending"] > 0).sum()),
                       late=int(handed_in["late"].map(lambda lateness: lateness.late).sum()))


def _heading(key: str, assignment: str) -> str:
    part = "cli" if key in ("total", "max", "state", "data_file") else "grade_sheets"
    return t(f"{part}.col.{key}", assignment=assignment)


def _assignment_columns(results: pd.DataFrame, not_notebook: dict[str, list[str]],
                        data_checks: dict) -> dict[str, dict]:
    """Column key → {student id → value} for one assignment's summary columns."""
    columns = {key: {} for key in ("total", "max", "submitted_at", "late", "penalty", "after",
                                   "state", "data_file", "note")}
    for sid, row in results.iterrows():
        columns["max"][sid] = row["max_score"]
        notes = []
        lateness = row["late"]
        columns["submitted_at"][sid] = lateness.submitted
        columns["late"][sid] = late_text(lateness)
        if not row["submitted"]:
            files = not_notebook.get(sid)
            if row["collected"]:
                columns["state"][sid] = t("grade_sheets.state.not_graded")
                notes.append(t("grade_sheets.note.not_graded", assignment=results.at[sid, "assignment"]))
            else:
                columns["state"][sid] = t("grade_sheets.state.not_notebook" if files else "cli.state.missing")
            if files and not row["collected"]:
                notes.append(t("grade_sheets.note.not_notebook", files="、".join(files)))
            columns["note"][sid] = t("where.sep").join(notes)
            continue
        columns["total"][sid], columns["after"][sid] = row["score"], row["after"]
        columns["penalty"][sid] = row["penalty"]
        columns["state"][sid] = t("cli.state.manual" if row["pending"] else "cli.state.graded")
        if row["pending"]:
            notes.append(t("grade_sheets.note.pending", count=int(row["pending"])))
        if lateness.penalty:
            notes.append(t("grade_sheets.note.penalty", percent=f"{lateness.penalty:g}"))
        columns["note"][sid] = t("where.sep").join(notes)
    columns["data_file"] = {sid: check.text() for sid, check in data_checks.items() if check.flagged}
    return columns


def export_grades(course_dir, out_dir=None) -> tuple[dict[str, Path], GradeTables]:
    """Write grades.xlsx, grades.csv and grade_cells.csv (atomically, as normal files).

    Returns the paths and the tables written.
    """
    out_dir = Path(out_dir) if out_dir else Path(course_dir) / "export"
    tables = grade_tables(course_dir)
    paths = {"xlsx": out_dir / "grades.xlsx", "csv": out_dir / "grades.csv",
             "cells_csv": out_dir / "grade_cells.csv"}
    write_with(paths["csv"], lambda p: _csv(tables.students).to_csv(p, index=False,
                                                                       encoding="utf-8-sig"))
    write_with(paths["cells_csv"], lambda p: _csv(tables.cells).to_csv(p, index=False,
                                                                         encoding="utf-8-sig"))

    def workbook(path: Path) -> None:
        book = Workbook()
        score_format = number_format(DECIMALS)
        write_table(book.active, t("cli.export.sheet_students"), tables.students,
                    default_format=score_format, marked=tables.marked)
        write_table(book.create_sheet(), t("cli.export.sheet_cells"), tables.cells,
                    default_format=score_format)
        book.save(path)

    write_with(paths["xlsx"], workbook)
    return paths, tables


def _csv(table: pd.DataFrame) -> pd.DataFrame:
    """Times in local time to the minute, as the workbook shows them."""
    shown = table.copy()
    for column in shown.columns:
        if shown[column].map(_is_time).any():
            shown[column] = shown[column].map(
                lambda v: pd.Timestamp(v).to_pydatetime().astimezone().strftime("%Y-%m-%d %H:%M")
                if _is_time(v) else v)
    return shown


def _is_time(value) -> bool:
    return isinstance(value, datetime) and value is not pd.NaT


