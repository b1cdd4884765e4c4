"""Everything the grader trusts about one submission, gathered outside the sandbox.

- the task, built from the teacher-settings cell as the gradebook recorded it
  at ``generate_assignment`` (never from the student's copy of that cell);
- the files the student was handed: their handout folder (per-student data),
  or data regenerated from the course seed when the handout is gone, or the
  release folder (the same data for everyone);
- the working copy for the sandbox: those handed files, plus the student's own
  extra files (helper modules, files they made) within size limits; a handed
  file always wins over a submitted file of the same name, so a student who
  uploads only the notebook is graded normally and an edited or borrowed data
  file is never used;
- the data the checks judge against (:class:`GraderSources`).
"""
from __future__ import annotations

import dataclasses
import fnmatch
import os
import stat
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from ..assignments import TASKS, Task
from ..course.config import course_section
from ..i18n import t
from ..assignments.settings import SETTINGS_CELL, SettingsError, read_settings

HANDOUT = "handout"
REGENERATED = Path(".logicrm") / "handed"
# what a submission may bring besides its notebooks (the rest is left out of the working copy)
EXTRA_FILES, EXTRA_BYTES = 50, 5 * 1024 * 1024
NOT_COPIED = ("*.ipynb", "timestamp.txt", "submission_secret.txt", ".*", "__pycache__", "*.pyc")


class TeacherSetupError(RuntimeError):
    """The assignment cannot be graded as set up (the message names what is wrong)."""


def setup_error(key: str, **fields) -> TeacherSetupError:
    """A :class:`TeacherSetupError` whose message is the catalogue's ``key``, in the
    language in force (the exception keeps only its text, so it pickles as usual)."""
    return TeacherSetupError(t(key, **fields))


def task_from_source(source: str) -> Task:
    """The task a teacher-settings cell builds."""
    try:
        settings = read_settings(source)
    except SettingsError as error:
        raise setup_error("setup.settings_cell", cell=SETTINGS_CELL, detail=error) from None
    cls = TASKS.get(settings.task_class or "")
    if cls is None:
        raise setup_error("setup.unknown_task", cell=SETTINGS_CELL, task=settings.task_class,
                          known=", ".join(sorted(TASKS)))
    try:
        return cls(**settings.task_arguments)
    except (TypeError, ValueError) as error:
        raise setup_error("setup.task_arguments", cell=SETTINGS_CELL, detail=error) from None


def settings_source(gradebook, notebook: str, assignment: str) -> str:
    """The teacher-settings cell's source as recorded by generate_assignment."""
    from nbgrader.api import MissingEntry

    try:
        return gradebook.find_source_cell(SETTINGS_CELL, notebook, assignment).source
    except MissingEntry:
        raise setup_error("setup.no_settings_cell", assignment=assignment, notebook=notebook,
                          cell=SETTINGS_CELL) from None


def check_setup(gradebook, assignment: str) -> None:
    """Raise :class:`TeacherSetupError` unless every notebook of ``assignment`` can be
    graded: its settings cell builds a task, and each test cell holds only task lines
    (:mod:`.directives`) about steps that task has.  Checked once before a batch, so
    a mistake in the teacher's notebook is one clear message, not a failure per student."""
    from .directives import UnjudgeableCell, read_directives

    for notebook in gradebook.find_assignment(assignment).notebooks:
        task = task_from_source(settings_source(gradebook, notebook.name, assignment))
        for cell in notebook.grade_cells:
            if cell.cell_type != "code":
                continue
            source = gradebook.find_source_cell(cell.name, notebook.name, assignment).source
            try:
                directives = read_directives(source)
            except UnjudgeableCell as error:
                raise setup_error("setup.test_cell", notebook=notebook.name, cell=cell.name,
                                  detail=error) from None
            unknown = [d.step for d in directives if d.step not in task.steps]
            if unknown:
                raise setup_error("setup.unknown_step", notebook=notebook.name, cell=cell.name,
                                  step=unknown[0], steps=", ".join(task.steps))


@dataclass
class GradingContext:
    """One student's submission of one notebook, as the grader sees it."""

    course_root: Path
    assignment: str
    student: str
    task: Task
    release_dir: Path
    submitted_dir: Path
    ignore: list[str] = field(default_factory=list)
    course: dict = field(default_factory=dict)

    @classmethod
    def load(cls, coursedir, gradebook, *, assignment: str, student: str,
             notebook: str) -> "GradingContext":
        """``coursedir``: nbgrader's CourseDirectory; ``gradebook``: an open Gradebook."""
        root = Path(coursedir.root)
        return cls(
            course_root=root, assignment=assignment, student=student,
            task=task_from_source(settings_source(gradebook, notebook, assignment)),
            release_dir=Path(coursedir.format_path(coursedir.release_directory, ".", assignment)),
            submitted_dir=Path(coursedir.format_path(coursedir.submitted_directory, student,
                                                     assignment)),
            ignore=list(coursedir.ignore), course=course_section(root, "course"))

    @classmethod
    def for_students(cls, coursedir, gradebook, assignment: str, students) -> dict:
        """student → context, for the assignment's notebook that holds the settings."""
        notebooks = [nb.name for nb in gradebook.find_assignment(assignment).notebooks]
        for notebook in notebooks:
            try:
                first = cls.load(coursedir, gradebook, assignment=assignment,
                                 student="", notebook=notebook)
            except TeacherSetupError:
                continue
            return {s: dataclasses.replace(
                first, student=s,
                submitted_dir=Path(coursedir.format_path(coursedir.submitted_directory, s,
                                                         assignment))) for s in students}
        raise setup_error("setup.no_settings_notebook", assignment=assignment, cell=SETTINGS_CELL)

    # the files ------------------------------------------------------------------------
    def handed_dir(self) -> Path:
        """The folder holding what this student was handed."""
        handout = self.course_root / HANDOUT / self.student / self.assignment
        if handout.is_dir():
            return handout
        if not self.task.per_student:
            return self.release_dir
        if "seed" not in self.course:
            raise setup_error("setup.no_seed")
        folder = self.course_root / REGENERATED / self.assignment / self.student
        folder.mkdir(parents=True, exist_ok=True)
        for name, data in self.task.student_files(self.student, self.course).items():
            (folder / name).write_bytes(data)
        return folder

    def handed_files(self) -> dict[str, bytes]:
        """Relative path → bytes of the handed files (notebooks excluded)."""
        return _files(self.handed_dir(), NOT_COPIED)

    def working_copy(self) -> dict[str, bytes]:
        """What the sandbox's working folder starts with."""
        handed = self.handed_files()
        extra = _files(self.submitted_dir, NOT_COPIED + tuple(self.ignore),
                       limit=(EXTRA_FILES, EXTRA_BYTES), replaced=set(handed))
        return {**extra, **handed}

    def sources(self) -> "GraderSources":
        return GraderSources(self)


class GraderSources:
    """The data the checks judge against, on the grader's side."""

    def __init__(self, context: GradingContext):
        self.context = context
        self._teacher: pd.DataFrame | None = None

    def handed(self) -> pd.DataFrame:
        task = self.context.task
        return task.read_data(self.context.handed_dir() / task.data_file)

    def teacher(self) -> pd.DataFrame:
        if self._teacher is None:
            self._teacher = self.context.task.teacher_data(self.context.student,
                                                           self.context.course)
        return self._teacher


def _files(folder: Path, skip, limit: tuple[int, int] | None = None,
           replaced: set[str] = frozenset()) -> dict[str, bytes]:
    """Regular files under ``folder`` (no links), relative path → bytes, skipping names
    that match ``skip`` and the relative paths in ``replaced`` (never read); with
    ``limit`` (count, bytes), stop before exceeding either."""
    found: dict[str, bytes] = {}
    total = 0
    if not folder.is_dir():
        return found
    for dirpath, dirnames, filenames in os.walk(folder):
        dirnames[:] = sorted(d for d in dirnames if not _matches(d, skip)
                             and not os.path.islink(os.path.join(dirpath, d)))
        for name in sorted(filenames):
            path = os.path.join(dirpath, name)
            info = os.lstat(path)
            if (_matches(name, skip) or not stat.S_ISREG(info.st_mode)
                    or os.path.relpath(path, folder) in replaced):
                continue
            if limit and (len(found) >= limit[0] or total + info.st_size > limit[1]):
                return found
            found[os.path.relpath(path, folder)] = Path(path).read_bytes()
            total += info.st_size
    return found


def _matches(name: str, patterns) -> bool:
    return any(fnmatch.fnmatch(name, pattern) for pattern in patterns)
