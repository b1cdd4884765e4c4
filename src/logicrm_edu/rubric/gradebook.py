"""nbgrader assignment scores per student, read with ``nbgrader.api.Gradebook``.

The gradebook is where the course's ``nbgrader_config.py`` puts it
(``DIR/gradebook.db`` by default), opened to read only, so reading adds nothing
to it (:func:`logicrm_edu.course.nbgrader_app.reading_gradebook`).  A missing
gradebook, or a student without a submission, counts 0 with a note (a
catalogue key) rather than failing: the grade sheet still comes out and says why.
A late submission counts with the late penalty of ``course.toml``
(:mod:`logicrm_edu.course.late`); a student who uploaded only files that are
not a notebook (:mod:`logicrm_edu.course.handed_in`) is told apart from one
who handed in nothing.
"""
from __future__ import annotations

from datetime import timezone

import pandas as pd

from ..course.handed_in import collected, files_without_notebook
from ..course.late import LatePolicy, assess, collected_late, late_policy, penalized, submission_time

COLUMNS = ["student", "assignment", "score", "max_score", "note", "before", "late", "late_by",
           "penalty", "files"]


def assignment_scores(course_dir, students) -> tuple[pd.DataFrame, list[tuple[str, dict]]]:
    """(one row per student and assignment, course-level notes as (catalogue key, fields)).

    Columns ``student``, ``assignment``, ``score`` (after any late penalty),
    ``max_score``, ``note``, ``before`` (the score before the penalty),
    ``late`` (flagged late), ``late_by`` (a timedelta, None when on time or not
    known: collect may have found it late without a deadline here), ``penalty``
    (percent taken off) and ``files`` (what a student without a notebook
    uploaded); assignments in the gradebook's order (due date, then name).
    ``note`` is ``"rubric.note.no_submission"``,
    ``"grade_sheets.note.assignment_not_notebook"``,
    ``"grade_sheets.note.assignment_not_graded"`` (collected, not autograded yet: provisional),
    ``"rubric.note.needs_manual_grade"`` (the score is provisional) or ``""``.
    """
    # nbgrader takes seconds to import: only when grades are read
    from ..course.nbgrader_app import gradebook_file, gradebook_location, reading_gradebook

    where = {"path": str(gradebook_file(course_dir) or gradebook_location(course_dir)[0])}
    opened = reading_gradebook(course_dir)
    if opened is None:
        return pd.DataFrame(columns=COLUMNS), [("rubric.note.no_gradebook", where)]
    policy = late_policy(course_dir)
    rows = []
    with opened as gradebook:
        for assignment in gradebook.assignments:
            uploads = files_without_notebook(course_dir, assignment.name)
            flagged = collected_late(course_dir, assignment.name)
            for student in students:
                rows.append(_score(course_dir, gradebook, policy, assignment, str(student), uploads,
                                   flagged))
    notes = [] if rows else [("rubric.note.no_assignments", where)]
    return pd.DataFrame(rows, columns=COLUMNS), notes


def _score(course_dir, gradebook, policy: LatePolicy, assignment, student: str,
           uploads: dict[str, list[str]], flagged: set[str]) -> dict:
    from nbgrader.api import MissingEntry

    row = {"student": student, "assignment": assignment.name, "max_score": float(assignment.max_score),
           "late": False, "late_by": None, "penalty": 0.0, "files": ""}
    try:
        submission = gradebook.find_submission(assignment.name, student)
    except MissingEntry:
        if collected(course_dir, assignment.name, student):
            return row | {"score": 0.0, "before": 0.0, "note": "grade_sheets.note.assignment_not_graded"}
        if student in uploads:
            return row | {"score": 0.0, "before": 0.0, "files": "、".join(uploads[student]),
                          "note": "grade_sheets.note.assignment_not_notebook"}
        return row | {"score": 0.0, "before": 0.0, "note": "rubric.note.no_submission"}
    due = assignment.duedate.replace(tzinfo=timezone.utc) if assignment.duedate else None
    lateness = assess(policy, assignment.name, student,
                      submission_time(course_dir, assignment.name, student, submission.timestamp),
                      due, submission.extension, collected_late=student in flagged)
    before = float(submission.score)
    _, after = penalized(before, lateness)
    note = "rubric.note.needs_manual_grade" if submission.needs_manual_grade else ""
    return row | {"score": after, "before": before, "note": note, "late_by": lateness.late_by,
                  "penalty": lateness.penalty, "late": lateness.late}
