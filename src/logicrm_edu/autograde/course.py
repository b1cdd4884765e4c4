"""The facts about one course and assignment that the batch needs: folders, the
gradebook, the cell timeout, and zeros for a submission that could not be graded."""
from __future__ import annotations

import fnmatch
import glob
import os
from dataclasses import dataclass
from pathlib import Path

from nbgrader.api import Gradebook, MissingEntry
from nbgrader.coursedir import CourseDirectory
from nbgrader.utils import rmtree

from ..course.nbgrader_app import ensure_alembic_on_path, load_config, open_gradebook
from .lock import GradebookLock

STATE_DIR = Path(".logicrm") / "autograde"  # under the course root; nbgrader never looks there


@dataclass
class CourseAssignment:
    """One assignment of one course directory, as nbgrader's configuration places it."""

    root: Path
    assignment: str
    config: object
    coursedir: CourseDirectory

    @classmethod
    def load(cls, course_dir, assignment: str) -> "CourseAssignment":
        ensure_alembic_on_path()
        config = load_config(course_dir)
        coursedir = CourseDirectory(config=config)
        return cls(Path(coursedir.root), assignment, config, coursedir)

    # folders ----------------------------------------------------------------------
    def submitted(self, student: str) -> Path:
        return Path(self.coursedir.format_path(self.coursedir.submitted_directory, student,
                                               self.assignment))

    def autograded(self, student: str) -> Path:
        return Path(self.coursedir.format_path(self.coursedir.autograded_directory, student,
                                               self.assignment))

    @property
    def state_dir(self) -> Path:
        return self.root / STATE_DIR

    @property
    def lock(self) -> GradebookLock:
        return GradebookLock(self.state_dir / "gradebook.lock")

    def submitted_students(self) -> list[str]:
        """Students with a folder ``submitted/<student>/<assignment>/``, sorted, without
        ``CourseDirectory.student_id_exclude``."""
        pattern = self.coursedir.format_path(self.coursedir.submitted_directory, "*", self.assignment)
        excluded = set(filter(None, (self.coursedir.student_id_exclude or "").split(",")))
        students = {Path(path).parent.name for path in glob.glob(pattern) if os.path.isdir(path)}
        return sorted(students - excluded)

    def submitted_files(self, student: str) -> list[Path]:
        """The files of a submission, as nbgrader would see them (ignore patterns applied)."""
        folder, ignore = self.submitted(student), list(self.coursedir.ignore)
        files = []
        for dirpath, dirnames, filenames in os.walk(folder):
            dirnames[:] = sorted(d for d in dirnames if not _ignored(d, ignore))
            files += [Path(dirpath) / f for f in sorted(filenames) if not _ignored(f, ignore)]
        return files

    # settings ---------------------------------------------------------------------
    def execute_settings(self):
        """The course's settings of the sandboxed Execute step (timeouts, limits)."""
        from ..grading.execute import SandboxedExecute
        return SandboxedExecute(config=self.config)

    @property
    def cell_timeout(self) -> int | None:
        """nbgrader's per-cell timeout under the course config (``Execute.timeout``)."""
        timeout = self.execute_settings().timeout
        return timeout if timeout and timeout > 0 else None

    def test_cells(self) -> int:
        """How many autograded test cells the assignment's notebooks hold."""
        with self.gradebook() as gb:
            assignment = gb.find_assignment(self.assignment)
            return sum(1 for nb in assignment.notebooks for cell in nb.grade_cells
                       if cell.cell_type == "code")

    # gradebook --------------------------------------------------------------------
    def gradebook(self) -> Gradebook:
        return open_gradebook(self.coursedir.db_url, self.coursedir.course_id)

    def has_assignment(self) -> bool:
        with self.gradebook() as gb:
            try:
                gb.find_assignment(self.assignment)
            except MissingEntry:
                return False
            return True

    def students_with_submission(self) -> set[str]:
        with self.gradebook() as gb:
            return {s.student.id for s in gb.assignment_submissions(self.assignment)}

    def record_failure(self, student: str) -> None:
        """A submission that could not be graded: every autograded (code) grade cell
        scores 0 and is flagged for manual review; a half-written autograded folder
        is removed, as nbgrader does on failure."""
        if self.autograded(student).exists():
            rmtree(str(self.autograded(student)))
        with self.lock, self.gradebook() as gb:
            gb.update_or_create_student(student)
            submission = gb.update_or_create_submission(self.assignment, student)
            for notebook in submission.notebooks:
                for grade in notebook.grades:
                    if grade.cell.cell_type == "code":
                        grade.auto_score = 0
                        grade.needs_manual_grade = True
            gb.db.commit()


def _ignored(name: str, patterns: list[str]) -> bool:
    return any(fnmatch.fnmatch(name, pattern) for pattern in patterns)
