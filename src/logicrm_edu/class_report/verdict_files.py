"""Reading the verdicts autograding keeps, one file per student and assignment
(``<course>/.logicrm/verdicts/<assignment>/<student>.json``, written by
:mod:`logicrm_edu.grading.records`, which shows the format).

A file that is not exactly that (not JSON, a field missing or of the wrong type,
a score outside 0..points, ``passed`` disagreeing with the score, another
student's or assignment's record) is set aside as :class:`Unreadable` with the
reason: one bad file never stops the report, and it is never half-counted.
``graded_at``, ``data`` and the cells' ``hardcoded`` are not needed for the report
and are not read.
"""
from __future__ import annotations

import json
import math
from dataclasses import dataclass
from pathlib import Path

from ..grading.records import FOLDER
from ..i18n import t

_EPSILON = 1e-9  # scores are sums of float weights: full points within rounding


@dataclass(frozen=True)
class CellVerdict:
    """One autograded test cell of one student's notebook."""

    step: str
    """the step the cell judges, e.g. ``"step3"``"""
    points: float
    """the cell's points (above 0)"""
    score: float
    """points earned, 0..points"""
    passed: bool
    """full points"""
    mistake: str | None
    """catalogue key of the mistake found (``"checks.sorted_ascending"``), or None"""
    follow_through: bool
    """right given the student's own earlier wrong answer"""


@dataclass(frozen=True)
class StudentVerdicts:
    """Every autograded test cell of one student, and the steps with typed-in answers."""

    student: str
    cells: tuple[CellVerdict, ...]
    hardcoded: frozenset[str]
    """steps whose answers did not change when the notebook ran on a second dataset"""


@dataclass(frozen=True)
class Unreadable:
    """A verdict file left out of the report, and why."""

    student: str
    """the file's name without ``.json``"""
    file: str
    reason: str
    """catalogue key (``class_report.bad.*``)"""
    detail: str = ""
    """what exactly: the field, or the error"""

    def text(self, lang: str | None = None) -> str:
        return t(self.reason, lang, detail=self.detail)


class _Malformed(Exception):
    def __init__(self, reason: str, detail: str = ""):
        super().__init__(detail)
        self.reason, self.detail = reason, detail


def verdict_folder(course_dir, assignment: str) -> Path:
    return Path(course_dir) / FOLDER / assignment


def read_verdicts(course_dir, assignment: str) -> tuple[dict[str, StudentVerdicts],
                                                        list[Unreadable]]:
    """(student id → verdicts, files set aside), in file name order."""
    found, unreadable = {}, []
    folder = verdict_folder(course_dir, assignment)
    for path in sorted(folder.glob("*.json")) if folder.is_dir() else ():
        student = path.stem
        try:
            found[student] = _parse(_load(path), student, assignment)
        except _Malformed as exc:
            unreadable.append(Unreadable(student, path.name, exc.reason, exc.detail))
    return found, unreadable


def _load(path: Path):
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise _Malformed("class_report.bad.unopenable",
                         exc.strerror or type(exc).__name__) from None
    try:
        return json.loads(data)
    except (ValueError, RecursionError):  # ValueError: bad JSON or bad UTF-8
        raise _Malformed("class_report.bad.json") from None


def _parse(record, student: str, assignment: str) -> StudentVerdicts:
    record = _field(record, None, dict, "record")
    for name, expected in (("student", student), ("assignment", assignment)):
        if _field(record, name, str) != expected:
            raise _Malformed("class_report.bad.other", f"{name} = {record[name]!r}")
    cells = _field(record, "cells", dict)
    if not cells:
        raise _Malformed("class_report.bad.format", "cells: {}")
    hardcoded = _field(record, "hardcoded", list)
    if not all(isinstance(step, str) for step in hardcoded):
        raise _Malformed("class_report.bad.format", "hardcoded")
    return StudentVerdicts(student, tuple(_cell(cell, f"cells.{name}")
                                          for name, cell in cells.items()), frozenset(hardcoded))


def _cell(cell, where: str) -> CellVerdict:
    cell = _field(cell, None, dict, where)
    step = _field(cell, "step", str, where)
    points = _number(cell, "points", where)
    score = _number(cell, "score", where)
    passed = _field(cell, "passed", bool, where)
    mistake = _field(cell, "mistake", (str, type(None)), where)
    follow_through = _field(cell, "follow_through", bool, where)
    if not step or points <= 0 or not 0 <= score <= points + _EPSILON:
        raise _Malformed("class_report.bad.format", f"{where}: step {step!r}, score {score:g} "
                                                    f"of {points:g}")
    if passed != (score >= points - _EPSILON):
        raise _Malformed("class_report.bad.format", f"{where}.passed")
    return CellVerdict(step, points, score, passed, mistake, follow_through)


def _field(record, name, kind, where: str = ""):
    """``record[name]`` (or ``record`` itself when ``name`` is None), of type ``kind``."""
    label = f"{where}.{name}".strip(".") if name else where
    if name is not None:
        if not isinstance(record, dict) or name not in record:
            raise _Malformed("class_report.bad.format", f"{label}: missing")
        record = record[name]
    if not isinstance(record, kind) or (kind is not bool and isinstance(record, bool)):
        raise _Malformed("class_report.bad.format", f"{label}: {type(record).__name__}")
    return record


def _number(cell: dict, name: str, where: str) -> float:
    value = _field(cell, name, (int, float), where)
    if not math.isfinite(value):
        raise _Malformed("class_report.bad.format", f"{where}.{name}: {value}")
    return float(value)
