"""What autograding decided about every test cell, kept for the class report.

One JSON file per student and assignment,
``<course>/.logicrm/verdicts/<assignment>/<student>.json``::

    {"student": "2301", "assignment": "abc_tiering", "graded_at": "...",
     "cells": {"step3_test": {"step": "step3", "data": "handed", "points": 2.0,
                              "score": 0.0, "passed": false,
                              "mistake": "checks.sorted_ascending",
                              "follow_through": false, "hardcoded": false}, ...},
     "hardcoded": ["step3"]}

(``data``: which data the cell judged, "handed" or "variant", the second run's.)
Written atomically when a notebook has been graded; regrading replaces it.
"""
from __future__ import annotations

import json
import os
import time
from pathlib import Path

FOLDER = Path(".logicrm") / "verdicts"


def record_path(course_root, assignment: str, student: str) -> Path:
    return Path(course_root) / FOLDER / assignment / f"{student}.json"


def write_record(course_root, assignment: str, student: str, judgements) -> Path:
    """Keep the judgements (:class:`~.judging.CellJudgement`) of one student's notebook."""
    cells = {j.grade_id: j.record() for j in judgements}
    record = {"student": student, "assignment": assignment,
              "graded_at": time.strftime("%Y-%m-%dT%H:%M:%S%z"), "cells": cells,
              "hardcoded": sorted({c["step"] for c in cells.values() if c["hardcoded"]})}
    path = record_path(course_root, assignment, student)
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_suffix(f".{os.getpid()}.tmp")
    temporary.write_text(json.dumps(record, ensure_ascii=False, indent=1), encoding="utf-8")
    temporary.replace(path)
    return path
