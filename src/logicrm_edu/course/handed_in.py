"""What a student handed in, beyond the gradebook: a collected notebook not graded yet, or
files but no usable notebook (from the record of ``logicrm collect``).

:mod:`.collect_record` keeps one entry per uploaded file
(``<course>/.logicrm/collect/<assignment>.json``).  The grade exports read it to
tell a student who handed in only something that is not a notebook (a PDF, a
Word file, a broken notebook) from one who handed in nothing: the former must
not look like plain "not submitted".  A course without the record reads as
nobody.  (``.collect`` imports nbgrader, ≈3 s: imported only when called.)
"""
from __future__ import annotations

import json
from pathlib import Path, PurePosixPath

from ..errors import DataError
from .collect_record import read_record, record_path


def collected(course_dir, assignment: str, student: str) -> bool:
    """Whether ``submitted/<student>/<assignment>/`` holds a notebook."""
    from .collect import SUBMITTED

    return any((Path(course_dir) / SUBMITTED / student / assignment).glob("*.ipynb"))


def files_without_notebook(course_dir, assignment: str) -> dict[str, list[str]]:
    """Student id → names of the files they uploaded, for the students with entries in the
    record but no notebook in ``submitted/<id>/<assignment>/``.

    Raises
    ------
    DataError
        The record is there but is not the list collect writes.
    """
    try:
        entries = read_record(course_dir, assignment)
    except (UnicodeDecodeError, json.JSONDecodeError):
        entries = None
    if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
        raise DataError("grade_sheets.collect_record.bad", file=str(record_path(course_dir, assignment)))
    found: dict[str, list[str]] = {}
    for entry in entries:
        student = str(entry.get("student") or "")
        if student and not collected(course_dir, assignment, student):
            name = PurePosixPath(str(entry.get("file") or "")).name
            if name not in found.setdefault(student, []):
                found[student].append(name)
    return found
