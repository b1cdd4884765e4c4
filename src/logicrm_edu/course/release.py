"""Releasing an assignment: nbgrader's release, the exchange, and per-student handouts.

:func:`release_assignment` runs nbgrader ``generate_assignment`` (solutions
stubbed, hidden tests removed) and ``release_assignment`` (to the course-local
exchange).  When the notebook's teacher settings say ``DATASET = "per-student"``
it also writes, for every student in the gradebook::

    <course>/handout/<id>/<assignment>/     release notebook(s) + the student's own data file
    <course>/handout_zips/<assignment>/<id>_<name>_<assignment>.zip   the same, for LMS upload

The textbook data file is then removed from ``release/<assignment>/`` (and so
from the exchange), so nobody works on the wrong data: with per-student data a
student's data file comes only from their handout.  Handouts hold the release
notebook and data only: no solutions, no seed.
"""
from __future__ import annotations

import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from tqdm import tqdm

from ..assignments.settings import SETTINGS_CELL
from ..grading.context import setup_error, task_from_source
from ..i18n import t
from .config import course_section
from .nbgrader_app import nbgrader_api, run
from .safe_files import staging_dir, swap_in, write_with
from .template import settings_cell

HANDOUT, HANDOUT_ZIPS = "handout", "handout_zips"


class UnknownAssignment(LookupError):
    """No ``source/<assignment>/`` folder; ``known`` lists the assignments there are."""

    def __init__(self, assignment: str, known: list[str]):
        super().__init__(assignment)
        self.assignment, self.known = assignment, known


class NoSeed(LookupError):
    """Per-student data without a ``[course] seed`` in course.toml."""


@dataclass
class ReleaseResult:
    assignment: str
    per_student: bool
    exchange: bool
    handouts: list[Path] = field(default_factory=list)
    zips: list[Path] = field(default_factory=list)
    warnings: list[tuple[str, dict]] = field(default_factory=list)


def source_assignments(course_dir) -> list[str]:
    """Assignments of the course: folders of ``source/`` holding a notebook."""
    source = Path(course_dir) / "source"
    return sorted(p.name for p in source.iterdir()
                  if p.is_dir() and any(p.glob("*.ipynb"))) if source.is_dir() else []


def check_assignment(course_dir, assignment: str) -> Path:
    """``source/<assignment>`` or :class:`UnknownAssignment`."""
    known = source_assignments(course_dir)
    if assignment not in known:
        raise UnknownAssignment(assignment, known)
    return Path(course_dir) / "source" / assignment


def is_released(course_dir, assignment: str) -> bool:
    """Whether ``assignment`` has been generated into the gradebook (``logicrm release``):
    collecting, grading and feedback all need its record there."""
    from .nbgrader_app import reading_gradebook

    opened = reading_gradebook(course_dir)  # None: no gradebook yet, so nothing released
    if opened is None:
        return False
    with opened as gb:
        return any(a.name == assignment for a in gb.assignments)


def assignment_task(course_dir, assignment: str):
    """The task the assignment's (first) notebook with a teacher-settings cell builds."""
    for notebook in sorted(check_assignment(course_dir, assignment).glob("*.ipynb")):
        cell = settings_cell(notebook)
        if cell is not None:
            return task_from_source(cell)
    raise setup_error("setup.no_settings_notebook", assignment=assignment, cell=SETTINGS_CELL)


def release_assignment(course_dir, assignment: str, students: list[tuple[str, str]], *,
                       exchange: bool = True, progress: bool = True) -> ReleaseResult:
    """Generate and release ``assignment``; ``students`` are (id, name) from the gradebook."""
    course_dir = Path(course_dir).resolve()
    check_assignment(course_dir, assignment)
    task = assignment_task(course_dir, assignment)
    per_student = task.per_student
    result = ReleaseResult(assignment, per_student, exchange)
    settings = course_section(course_dir, "course")
    if per_student and "seed" not in settings:
        raise NoSeed(str(course_dir / "course.toml"))
    api = nbgrader_api(course_dir, release_force=True)
    run(api.generate_assignment(assignment, force=True), "generate_assignment")
    released = course_dir / "release" / assignment
    if per_student:
        (released / task.data_file).unlink(missing_ok=True)  # the textbook file: not for anyone
    if exchange:
        outcome = api.release_assignment(assignment)
        if outcome is None or not outcome.get("success"):
            result.exchange = False
            result.warnings.append(("cli.release.no_exchange", {"assignment": assignment}))
    if per_student:
        for sid, name in tqdm(students, desc=t("cli.release.progress"),
                              unit=t("cli.release.unit"), disable=not progress):
            folder, archive = write_handout(course_dir, assignment, released, sid, name,
                                            task.student_files(sid, settings))
            result.handouts.append(folder)
            result.zips.append(archive)
    return result


def handout_dir(course_dir, student: str, assignment: str) -> Path:
    return Path(course_dir) / HANDOUT / student / assignment


def write_handout(course_dir, assignment, released: Path, sid: str, name: str,
                  files: dict[str, bytes]) -> tuple[Path, Path]:
    """One student's handout folder (the release plus ``files``, name → bytes) and zip,
    each written atomically."""
    dest = handout_dir(course_dir, sid, assignment)
    staged = staging_dir(dest)
    for item in sorted(released.rglob("*")):
        if item.is_file():
            target = staged / item.relative_to(released)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(item.read_bytes())
    for file_name, data in files.items():
        (staged / file_name).parent.mkdir(parents=True, exist_ok=True)
        (staged / file_name).write_bytes(data)
    swap_in(staged, dest)
    archive = Path(course_dir) / HANDOUT_ZIPS / assignment / f"{sid}_{name}_{assignment}.zip"

    def pack(tmp: Path) -> None:
        with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as zf:
            for item in sorted(dest.rglob("*")):
                if item.is_file():
                    zf.write(item, f"{assignment}/{item.relative_to(dest).as_posix()}")

    write_with(archive, pack)
    return dest, archive
