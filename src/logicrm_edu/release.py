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

from .course_template import PER_STUDENT, teacher_settings
from .nbgrader_course import load_config, nbgrader_api, run
from .safe_files import staging_dir, swap_in, write_with
from .student_data import DEFAULT_CUSTOMERS, course_settings, student_customers

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


def assignment_settings(course_dir, assignment: str) -> dict[str, str]:
    """The teacher settings of the assignment's (first) notebook that has them."""
    for notebook in sorted(check_assignment(course_dir, assignment).glob("*.ipynb")):
        settings = teacher_settings(notebook)
        if settings:
            return settings
    return {}


def uses_per_student_data(course_dir, assignment: str) -> bool:
    return assignment_settings(course_dir, assignment).get("DATASET") == PER_STUDENT


def data_file_name(course_dir, assignment: str) -> str:
    return assignment_settings(course_dir, assignment).get("DATA_FILE", "customers.xlsx")


def release_assignment(course_dir, assignment: str, students: list[tuple[str, str]], *,
                       exchange: bool = True, progress: bool = True) -> ReleaseResult:
    """Generate and release ``assignment``; ``students`` are (id, name) from the gradebook."""
    course_dir = Path(course_dir).resolve()
    check_assignment(course_dir, assignment)
    per_student = uses_per_student_data(course_dir, assignment)
    result = ReleaseResult(assignment, per_student, exchange)
    if per_student:
        settings = course_settings(course_dir)
        if "seed" not in settings:
            raise NoSeed(str(course_dir / "course.toml"))
        data_file = data_file_name(course_dir, assignment)
    api = nbgrader_api(course_dir, release_force=True)
    run(api.generate_assignment(assignment, force=True), "generate_assignment")
    released = course_dir / "release" / assignment
    if per_student:
        (released / data_file).unlink(missing_ok=True)  # the textbook file: not for anyone
    if exchange:
        outcome = api.release_assignment(assignment)
        if outcome is None or not outcome.get("success"):
            result.exchange = False
            result.warnings.append(("cli.release.no_exchange", {"assignment": assignment}))
    if per_student:
        seed, n = str(settings["seed"]), int(settings.get("customers", DEFAULT_CUSTOMERS))
        for sid, name in tqdm(students, desc="handouts", unit="student", disable=not progress):
            folder, archive = write_handout(course_dir, assignment, released, sid, name,
                                            student_customers(seed, sid, n), data_file)
            result.handouts.append(folder)
            result.zips.append(archive)
    return result


def handout_dir(course_dir, student: str, assignment: str) -> Path:
    return Path(course_dir) / HANDOUT / student / assignment


def write_handout(course_dir, assignment, released: Path, sid: str, name: str, data,
                  data_file: str) -> tuple[Path, Path]:
    """One student's handout folder and zip, each written atomically."""
    dest = handout_dir(course_dir, sid, assignment)
    staged = staging_dir(dest)
    for item in sorted(released.rglob("*")):
        if item.is_file():
            target = staged / item.relative_to(released)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(item.read_bytes())
    if data_file.lower().endswith(".csv"):
        data.to_csv(staged / data_file, index=False, encoding="utf-8-sig")
    else:
        data.to_excel(staged / data_file, index=False)
    swap_in(staged, dest)
    archive = Path(course_dir) / HANDOUT_ZIPS / assignment / f"{sid}_{name}_{assignment}.zip"

    def pack(tmp: Path) -> None:
        with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as zf:
            for item in sorted(dest.rglob("*")):
                if item.is_file():
                    zf.write(item, f"{assignment}/{item.relative_to(dest).as_posix()}")

    write_with(archive, pack)
    return dest, archive
