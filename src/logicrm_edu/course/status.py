"""Where each assignment stands: released, collected, graded, waiting for manual grading."""
from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pandas as pd

from ..grading.data_check import recorded
from .release import HANDOUT, source_assignments
from .late import gradebook_time, late_policy
from .nbgrader_app import gradebook

COLUMNS = ["assignment", "due", "released", "handouts", "collected", "graded", "manual",
           "feedback", "data_flagged"]


def course_status(course_dir) -> tuple[pd.DataFrame, int]:
    """(one row per assignment of source/, number of students in the gradebook): the
    course plan.

    ``due``: the deadline in local time, to the minute (``[late.deadlines]`` of
    course.toml, else the gradebook's due date; "" when neither has one); ``released``: release/<a>/ exists; ``handouts``: per-student handouts written;
    ``collected``: submitted/<id>/<a>/ folders; ``graded``: submissions autograded into
    the gradebook; ``manual``: of those, waiting for manual grading; ``feedback``:
    feedback/<id>/<a>/ folders.
    """
    from nbgrader.api import MissingEntry

    course_dir = Path(course_dir)
    deadlines = late_policy(course_dir).deadlines
    rows = []
    with gradebook(course_dir) as gb:
        students = len(gb.students)
        for name in source_assignments(course_dir):
            try:
                due = gb.find_assignment(name).duedate
                submissions = gb.assignment_submissions(name)
            except MissingEntry:
                due, submissions = None, []
            autograded = {p.parent.name for p in (course_dir / "autograded").glob(f"*/{name}")}
            graded = [s for s in submissions if s.student.id in autograded]
            rows.append({
                "assignment": name,
                "due": _local_minute(deadlines.get(name) or gradebook_time(due)),
                "released": (course_dir / "release" / name).is_dir(),
                "handouts": len(list((course_dir / HANDOUT).glob(f"*/{name}"))),
                "collected": len(list((course_dir / "submitted").glob(f"*/{name}"))),
                "graded": len(graded),
                "manual": sum(bool(s.needs_manual_grade) for s in graded),
                "feedback": len(list((course_dir / "feedback").glob(f"*/{name}"))),
                "data_flagged": sum(c.flagged for c in recorded(course_dir, name).values()),
            })
    return pd.DataFrame(rows, columns=COLUMNS), students


def _local_minute(moment: datetime | None) -> str:
    return moment.astimezone().strftime("%Y-%m-%d %H:%M") if moment is not None else ""
