"""Test helpers: a small roster and writing scores into generated sheets like a rater would."""
from __future__ import annotations

import warnings
from pathlib import Path

import pandas as pd
from openpyxl import load_workbook
from sqlalchemy.exc import SAWarning

from logicrm_edu.rubric.sheet_layout import FIRST_ROW, FIRST_SCORE_COLUMN, ID_COLUMN

# The golden WebPA team of the issue (rows rate columns Alice, Bob, Claire, David, Elaine).
GOLDEN_TEAM = {"a1": "Alice", "a2": "Bob", "a3": "Claire", "a4": "David", "a5": "Elaine"}
GOLDEN_RATINGS = {
    "a1": [4, 4, 3, 2, 1],
    "a2": [3, 5, 3, 2, 0],
    "a3": [4, 4, 4, 4, 4],
    "a4": [3, 5, 4, 3, 1],
}  # Elaine (a5) submitted nothing


def small_roster() -> pd.DataFrame:
    """Three groups: G1 = the golden team, G2 and G3 with three students each."""
    rows = [(sid, name, "物流2401", "G1") for sid, name in GOLDEN_TEAM.items()]
    rows += [("b1", "钱一", "物流2401", "G2"), ("b2", "钱二", "物流2401", "G2"), ("b3", "钱三", "物流2401", "G2")]
    rows += [("c1", "孙一", "物流2402", "G3"), ("c2", "孙二", "物流2402", "G3"), ("c3", "孙三", "物流2402", "G3")]
    return pd.DataFrame(rows, columns=["id", "name", "class", "group"])


def fill_sheet(path, scores: dict, *, save_as=None) -> Path:
    """Write ``scores`` (subject id → list of points per criterion, or one number) into the
    rows of a generated sheet, as a rater typing into Excel would; other rows stay blank."""
    book = load_workbook(path)
    sheet = book.worksheets[0]
    for row in range(FIRST_ROW, sheet.max_row + 1):
        subject = sheet.cell(row, ID_COLUMN).value
        if subject in scores:
            values = scores[subject] if isinstance(scores[subject], list) else [scores[subject]]
            for offset, value in enumerate(values):
                sheet.cell(row, FIRST_SCORE_COLUMN + offset).value = value  # None clears
    target = Path(save_as or path)
    book.save(target)
    return target


def sheet_for(paths, fragment: str) -> Path:
    """The one generated sheet whose file name contains ``fragment``."""
    found = [p for p in paths if fragment in p.name]
    assert len(found) == 1, (fragment, [p.name for p in paths])
    return found[0]


def build_gradebook(course_dir) -> Path:
    """A real nbgrader gradebook (SQLite, built with nbgrader.api) for the golden course:

    - ``abc`` (one notebook, cells q1 max 6 and q2 max 4): a1 8/10 graded; a3 3/10 with a cell
      still needing manual grading; a2 has no submission;
    - ``regions`` (one cell, max 5): a1 5/5, a2 2/5.
    """
    from nbgrader.api import Gradebook

    path = Path(course_dir) / "gradebook.db"
    with Gradebook(f"sqlite:///{path}") as gradebook, warnings.catch_warnings():
        # nbgrader's add_submission warns "Object of type <SubmittedAssignment> not in session"
        # (measured with SQLAlchemy 2.0.58 too); the scores are stored all the same (test_gradebook).
        warnings.filterwarnings("ignore", "Object of type", SAWarning)
        gradebook.add_assignment("abc")
        gradebook.add_notebook("abc_tiering", "abc")
        gradebook.add_grade_cell("q1", "abc_tiering", "abc", max_score=6, cell_type="code")
        gradebook.add_grade_cell("q2", "abc_tiering", "abc", max_score=4, cell_type="code")
        gradebook.add_assignment("regions")
        gradebook.add_notebook("regions", "regions")
        gradebook.add_grade_cell("r1", "regions", "regions", max_score=5, cell_type="code")
        for student in ("a1", "a2", "a3"):
            gradebook.add_student(student)
        scores = {("abc", "a1"): {"q1": 6, "q2": 2}, ("abc", "a3"): {"q1": 3, "q2": 0},
                  ("regions", "a1"): {"r1": 5}, ("regions", "a2"): {"r1": 2}}
        for (assignment, student), cells in scores.items():
            gradebook.add_submission(assignment, student)
            notebook = "abc_tiering" if assignment == "abc" else "regions"
            for cell, points in cells.items():
                grade = gradebook.find_grade(cell, notebook, assignment, student)
                grade.auto_score = points
                grade.needs_manual_grade = (student, cell) == ("a3", "q2")
        gradebook.db.commit()
    return path
