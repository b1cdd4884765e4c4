"""Late submissions: deadlines, extensions, the late policy and the penalty.

Settings in ``course.toml`` (every key optional)::

    [late]
    penalty_per_day = 0     # percent of the score taken off per day late (a day started counts)
    max_penalty = 100       # at most this percent in all
    grace_minutes = 0       # minutes after the deadline still on time
    [late.deadlines]        # deadline per assignment (local time); else the gradebook's due date
    abc_tiering = 2025-03-14 23:59:00
    [extensions.abc_tiering]  # a new deadline for some students of one assignment
    2303 = 2025-03-16 23:59:00

A deadline may be a TOML date-time (with or without an offset; without, it is
local time), a date (the end of that day), or the same as text
(``"2025-03-14 23:59"``).  Without a deadline from ``course.toml`` the
gradebook's due date counts, plus nbgrader's own extension for the student.
A late submission is always flagged; it loses points only when
``penalty_per_day`` is set.  When a student handed in is the time of the
graded submission in the gradebook, else ``submitted/<id>/<assignment>/timestamp.txt``.
With no deadline known, an upload that ``logicrm collect --deadline`` found late
(its record, :mod:`.collect_record`) is still flagged, without a penalty.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path

from ..errors import DataError
from ..i18n import t
from .config import COURSE_FILE, course_section
from .rounding import half_up

_TEXT_FORMATS = ("%Y-%m-%d %H:%M", "%Y-%m-%d %H:%M:%S", "%Y/%m/%d %H:%M", "%Y-%m-%dT%H:%M")
_DATE_FORMATS = ("%Y-%m-%d", "%Y/%m/%d")
_NUMBERS = ("penalty_per_day", "max_penalty", "grace_minutes")


@dataclass(frozen=True)
class LatePolicy:
    """The ``[late]`` and ``[extensions]`` sections of ``course.toml``."""

    penalty_per_day: float = 0.0
    """Percent of the score taken off per day (or part of a day) late."""
    max_penalty: float = 100.0
    """The most, in percent, a late submission loses."""
    grace_minutes: float = 0.0
    """Minutes after the deadline that still count as on time."""
    deadlines: dict[str, datetime] = field(default_factory=dict)
    """Assignment → deadline (aware)."""
    extensions: dict[str, dict[str, datetime]] = field(default_factory=dict)
    """Assignment → student id → that student's deadline (aware)."""


@dataclass(frozen=True)
class Lateness:
    """When one student handed one assignment in, against which deadline, and what it costs."""

    submitted: datetime | None
    """When it was handed in (aware), None if unknown."""
    deadline: datetime | None
    """The deadline that applies to this student (aware), None if there is none."""
    late_by: timedelta | None
    """How long after the deadline, None when on time or unknown."""
    penalty: float = 0.0
    """Percent of the score taken off."""
    flagged: bool = False
    """No deadline is known here, but ``logicrm collect --deadline`` found it late."""

    @property
    def late(self) -> bool:
        return self.late_by is not None or self.flagged


def gradebook_time(moment: datetime | None) -> datetime | None:
    """The gradebook's naive UTC times (due dates, timestamps) as aware ones."""
    return moment.replace(tzinfo=timezone.utc) if moment is not None and moment.tzinfo is None else moment


def late_policy(course_dir) -> LatePolicy:
    """Read ``[late]`` and ``[extensions]`` of ``course_dir/course.toml`` (defaults when absent).

    Raises
    ------
    DataError
        A value that is not a number or a time, or an unknown key, naming the key.
    """
    late = course_section(course_dir, "late")
    numbers = {}
    for key, value in late.items():
        if key == "deadlines":
            continue
        if key not in _NUMBERS:
            raise DataError("grade_sheets.late.unknown_key", file=COURSE_FILE, toml_key=f"late.{key}",
                            allowed=", ".join(_NUMBERS + ("deadlines",)))
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value:
            raise DataError("grade_sheets.late.bad_number", file=COURSE_FILE, toml_key=f"late.{key}",
                            given=value)
        numbers[key] = float(value)
    if numbers.get("max_penalty", 0) > 100:
        raise DataError("grade_sheets.late.bad_number", file=COURSE_FILE, toml_key="late.max_penalty",
                        given=numbers["max_penalty"])
    deadlines = {str(name): _moment(value, f"late.deadlines.{name}")
                 for name, value in _table(late.get("deadlines", {}), "late.deadlines").items()}
    extensions = {
        str(name): {str(sid): _moment(value, f"extensions.{name}.{sid}")
                    for sid, value in _table(students, f"extensions.{name}").items()}
        for name, students in course_section(course_dir, "extensions").items()}
    return LatePolicy(**numbers, deadlines=deadlines, extensions=extensions)


def assess(policy: LatePolicy, assignment: str, student: str, submitted: datetime | None,
           due: datetime | None = None, extension: timedelta | None = None, *,
           collected_late: bool = False) -> Lateness:
    """How late ``student`` handed ``assignment`` in, and the penalty in percent.

    ``due`` and ``extension`` are the gradebook's due date (aware) and nbgrader's
    extension for this student; ``course.toml`` comes first.  ``collected_late``:
    collect judged the upload late against a deadline given on its command line,
    which counts when no deadline is known here (flagged, without a penalty: how
    late cannot be told).
    """
    deadline = policy.extensions.get(assignment, {}).get(student)
    if deadline is None:
        deadline = policy.deadlines.get(assignment, due)
        if deadline is not None and extension:
            deadline += extension
    if deadline is None:
        return Lateness(submitted, None, None, flagged=collected_late)
    if submitted is None:
        return Lateness(submitted, deadline, None)
    late_by = submitted - deadline
    if late_by <= timedelta(minutes=policy.grace_minutes):
        return Lateness(submitted, deadline, None)
    days = math.ceil(late_by / timedelta(days=1))
    return Lateness(submitted, deadline, late_by,
                    min(days * policy.penalty_per_day, policy.max_penalty))


def penalized(score: float, lateness: Lateness) -> tuple[float, float]:
    """(points taken off, score after the penalty), both rounded half up to 2 places."""
    points = half_up(score * lateness.penalty / 100, 2) if lateness.penalty else 0.0
    return points, half_up(score - points, 2)


def collected_late(course_dir, assignment: str) -> set[str]:
    """Students whose collected upload the collect record marks late."""
    from .collect_record import read_record

    try:
        entries = read_record(course_dir, assignment)
    except (UnicodeDecodeError, ValueError):
        return set()  # reported by the reader of the same record in the exports
    return {str(e.get("student")) for e in entries if isinstance(e, dict) and e.get("late")
            and e.get("status") in ("collected", "exchange")}


def submission_time(course_dir, assignment: str, student: str,
                    recorded: datetime | None = None) -> datetime | None:
    """When ``student`` handed ``assignment`` in (aware UTC): ``recorded`` (the gradebook's
    naive-UTC timestamp of the graded submission), else the submitted folder's timestamp.txt."""
    if recorded is not None:
        return recorded if recorded.tzinfo else recorded.replace(tzinfo=timezone.utc)
    from .collect import SUBMITTED, existing_timestamp

    return existing_timestamp(Path(course_dir) / SUBMITTED / student / assignment)


def duration_text(late_by: timedelta, lang: str | None = None) -> str:
    """``1 天 2 小时 5 分钟`` / ``1 d 2 h 5 min`` (whole minutes, at least one)."""
    minutes = max(1, math.ceil(late_by.total_seconds() / 60))
    days, rest = divmod(minutes, 24 * 60)
    hours, minutes = divmod(rest, 60)
    parts = [t(f"grade_sheets.duration.{unit}", lang, n=n)
             for unit, n in (("days", days), ("hours", hours), ("minutes", minutes)) if n]
    return " ".join(parts)


def late_text(lateness: Lateness, lang: str | None = None) -> str:
    """``是，迟交 8 小时 1 分钟`` / ``否`` / ``""`` when it cannot be told."""
    if lateness.late_by is not None:
        return t("grade_sheets.late.yes", lang, duration=duration_text(lateness.late_by, lang))
    if lateness.flagged:
        return t("grade_sheets.late.by_collect", lang)
    if lateness.submitted is None:
        return ""
    return t("grade_sheets.late.no", lang) if lateness.deadline else t("grade_sheets.late.no_deadline", lang)


def _table(value, where: str) -> dict:
    if not isinstance(value, dict):
        raise DataError("course.file.not_table", file=COURSE_FILE, section=where)
    return value


def _moment(value, where: str) -> datetime:
    if isinstance(value, datetime):
        return value if value.tzinfo else value.astimezone()
    if isinstance(value, date):
        return datetime.combine(value, time(23, 59, 59)).astimezone()
    if isinstance(value, str):
        text = value.strip()
        for fmt in _TEXT_FORMATS:
            try:
                return datetime.strptime(text, fmt).astimezone()
            except ValueError:
                pass
        for fmt in _DATE_FORMATS:
            try:
                return datetime.combine(datetime.strptime(text, fmt).date(), time(23, 59, 59)).astimezone()
            except ValueError:
                pass
    raise DataError("grade_sheets.late.bad_time", file=COURSE_FILE, toml_key=where, given=value)
