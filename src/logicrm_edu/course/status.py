"""Where each assignment stands: released, collected, graded, waiting for manual grading."""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from ..grading.data_check import recorded
from .release import HANDOUT, source_assignments
from .nbgrader_app import gradebook

COLUMNS = ["assignment", "released", "handouts", "collected", "graded", "manual", "feedback",
           "data_flagged"]


def course_status(course_dir) -> tuple[pd.DataFrame, int]:
    """(one row per assignment of source/, number of students in the gradebook).

    ``released``: release/<a>/ exists; ``handouts``: per-student handouts written;
    ``collected``: submitted/<id>/<a>/ folders; ``graded``: submissions autograded into
    the gradebook; ``manual``: of those, waiting for manual grading; ``feedback``:
    feedback/<id>/<a>/ folders.
    """
    from nbgrader.api import MissingEntry

    course_dir = Path(course_dir)
    rows = []
    with gradebook(course_dir) as gb:
        students = len(gb.students)
        for name in source_assignments(course_dir):
            try:
                submissions = gb.assignment_submissions(name) if gb.find_assignment(name) else []
            except MissingEntry:
                submissions = []
            autograded = {p.parent.name for p in (course_dir / "autograded").glob(f"*/{name}")}
            graded = [s for s in submissions if s.student.id in autograded]
            rows.append({
                "assignment": name,
                "released": (course_dir / "release" / name).is_dir(),
                "handouts": len(list((course_dir / HANDOUT).glob(f"*/{name}"))),
                "collected": len(list((course_dir / "submitted").glob(f"*/{name}"))),
                "graded": len(graded),
                "manual": sum(bool(s.needs_manual_grade) for s in graded),
                "feedback": len(list((course_dir / "feedback").glob(f"*/{name}"))),
                "data_flagged": sum(c.flagged for c in recorded(course_dir, name).values()),
            })
    return pd.DataFrame(rows, columns=COLUMNS), students
