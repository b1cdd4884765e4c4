"""Did a student hand in the data file they were handed?

Grading never uses a submitted data file (it grades with what the student was
handed, :mod:`.context`), but a data file that differs is worth the teacher's
attention: it was edited, or it is a classmate's (copied work).  Each check is
one of:

- ``same``: the same data (the very file, or the same table saved again);
- ``missing``: no data file beside the notebook (nothing wrong: graded as usual);
- ``changed``: different data;
- ``other_student``: exactly the data handed to another student (``other``);
- ``unreadable``: not a readable table (``detail`` says why).

The submitted file is read with the same reader as the handed one, after
size checks, because it comes from the student.  Results are kept per
assignment in ``<course>/.logicrm/data_checks/<assignment>.json`` for
``collect``, ``autograde``, ``status`` and the export.
"""
from __future__ import annotations

import hashlib
import json
import zipfile
from dataclasses import asdict, dataclass
from pathlib import Path

import pandas as pd

from ..i18n import t
from .context import GradingContext

STATE = Path(".logicrm") / "data_checks"
FLAGGED = ("changed", "other_student", "unreadable")
MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_UNPACKED_BYTES = 200 * 1024 * 1024


@dataclass(frozen=True)
class DataFileCheck:
    """What one student's submitted data file is."""

    status: str
    """``same``, ``missing``, ``changed``, ``other_student`` or ``unreadable``"""
    other: str = ""
    """for ``other_student``: whose data it is"""
    detail: str = ""
    """for ``unreadable``: why"""

    @property
    def flagged(self) -> bool:
        return self.status in FLAGGED

    def text(self, lang: str | None = None) -> str:
        return t(f"grading.data.{self.status}", lang, other=self.other, detail=self.detail)


def content_digest(data: pd.DataFrame) -> str:
    """A fingerprint of a table's content (not of the file that held it)."""
    return hashlib.sha256(data.to_csv(index=False).encode("utf-8")).hexdigest()


def check_students(contexts: dict[str, GradingContext], students) -> dict[str, DataFileCheck]:
    """The checks of ``students``; ``contexts``: student → grading context of every student
    of the class (so that a file can be traced to a classmate who did not submit)."""
    owners = _Owners(contexts)
    return {student: check_one(contexts[student], owners) for student in students}


class _Owners:
    """Content digest → the student it was handed to, worked out on first use: reading
    every student's data takes a while, and most submitted files are the very file
    handed out (or none), which needs no digest."""

    def __init__(self, contexts: dict[str, GradingContext]):
        self._contexts, self._digests = contexts, None

    def get(self, digest: str, default: str = "") -> str:
        if self._digests is None:
            self._digests = {}
            for student, context in sorted(self._contexts.items()):
                self._digests.setdefault(content_digest(context.sources().handed()), student)
        return self._digests.get(digest, default)


def check_course(course_root, assignment: str, students=None) -> dict[str, DataFileCheck]:
    """Check the submissions of ``students`` (default: every submission of ``assignment``)
    and record the results."""
    from ..autograde.course import CourseAssignment

    course = CourseAssignment.load(course_root, assignment)
    coursedir = course.coursedir
    students = course.submitted_students() if students is None else list(students)
    with course.gradebook() as gb:
        everyone = sorted({s.id for s in gb.students} | set(students))
        contexts = GradingContext.for_students(coursedir, gb, assignment, everyone)
    checks = check_students(contexts, students)
    record(course_root, assignment, checks)
    return checks


def check_one(context: GradingContext, owners) -> DataFileCheck:
    """One student's check; ``owners``: content digest → the student it was handed to."""
    task = context.task
    submitted = context.submitted_dir / task.data_file
    if not submitted.is_file() or submitted.is_symlink():
        return DataFileCheck("missing")
    problem = _too_big(submitted)
    if problem:
        return DataFileCheck("unreadable", detail=problem)
    handed = context.handed_dir() / task.data_file
    if handed.is_file() and submitted.read_bytes() == handed.read_bytes():
        return DataFileCheck("same")
    try:
        data = task.read_data(submitted)
    except Exception as error:  # noqa: BLE001 - any unreadable upload is reported, not raised
        return DataFileCheck("unreadable", detail=str(error).splitlines()[0][:200])
    digest = content_digest(data)
    if digest == content_digest(context.sources().handed()):
        return DataFileCheck("same")
    other = owners.get(digest, "")
    if other and other != context.student:
        return DataFileCheck("other_student", other=other)
    return DataFileCheck("changed")


def _too_big(path: Path) -> str:
    """Why a submitted file is not even read (too large, or an archive bomb), or ""."""
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        return f"{size // 1024 // 1024} MB"
    if zipfile.is_zipfile(path):
        try:
            with zipfile.ZipFile(path) as archive:
                unpacked = sum(info.file_size for info in archive.infolist())
        except (zipfile.BadZipFile, OSError, ValueError) as error:
            return f"{type(error).__name__}: {error}"[:200]
        if unpacked > MAX_UNPACKED_BYTES:
            return f"{unpacked // 1024 // 1024} MB unpacked"
    return ""


def record(course_root, assignment: str, checks: dict[str, DataFileCheck]) -> None:
    """Keep ``checks`` (merged with the ones recorded before)."""
    path = Path(course_root) / STATE / f"{assignment}.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    kept = {student: asdict(check) for student, check in recorded(course_root, assignment).items()}
    kept.update({student: asdict(check) for student, check in checks.items()})
    temporary = path.with_suffix(".tmp")
    temporary.write_text(json.dumps(kept, ensure_ascii=False, indent=1), encoding="utf-8")
    temporary.replace(path)


def recorded(course_root, assignment: str) -> dict[str, DataFileCheck]:
    """The checks recorded for ``assignment`` (student → check)."""
    path = Path(course_root) / STATE / f"{assignment}.json"
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {student: DataFileCheck(**fields) for student, fields in raw.items()}
