"""nbgrader assignment scores per student, read with ``nbgrader.api.Gradebook``.

``DIR/gradebook.db`` is opened with an empty course id, as the nbgrader
command line does by default, so reading adds nothing to it.  A missing
gradebook, or a student without a submission, counts 0 with a note (a
catalogue key) rather than failing: the grade sheet still comes out and says why.
"""
from __future__ import annotations

from pathlib import Path

import pandas as pd

GRADEBOOK_FILE = "gradebook.db"
COLUMNS = ["student", "assignment", "score", "max_score", "note"]


def assignment_scores(course_dir, students) -> tuple[pd.DataFrame, list[tuple[str, dict]]]:
    """(one row per student and assignment, course-level notes as (catalogue key, fields)).

    Columns ``student``, ``assignment``, ``score``, ``max_score``, ``note``;
    assignments in the gradebook's order (due date, then name).  ``note`` is
    ``"rubric.note.no_submission"`` or ``"rubric.note.needs_manual_grade"`` or ``""``.
    """
    path = Path(course_dir) / GRADEBOOK_FILE
    if not path.is_file():
        return pd.DataFrame(columns=COLUMNS), [("rubric.note.no_gradebook", {"path": str(path)})]
    from nbgrader.api import Gradebook  # importing nbgrader takes ≈3 s: only when needed

    rows = []
    with Gradebook(f"sqlite:///{path}", course_id="") as gradebook:
        for assignment in gradebook.assignments:
            for student in students:
                rows.append(_score(gradebook, assignment, str(student)))
    notes = [] if rows else [("rubric.note.no_assignments", {"path": str(path)})]
    return pd.DataFrame(rows, columns=COLUMNS), notes


def _score(gradebook, assignment, student: str) -> dict:
    from nbgrader.api import MissingEntry

    row = {"student": student, "assignment": assignment.name, "max_score": float(assignment.max_score)}
    try:
        submission = gradebook.find_submission(assignment.name, student)
    except MissingEntry:
        return row | {"score": 0.0, "note": "rubric.note.no_submission"}
    note = "rubric.note.needs_manual_grade" if submission.needs_manual_grade else ""
    return row | {"score": float(submission.score), "note": note}
