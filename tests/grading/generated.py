"""Real course copies for the grading tests: nbgrader's generate_assignment, a real gradebook.

- :func:`textbook_course`: the repository's course as it is (textbook data for everyone);
- :func:`per_student_course`: the same with ``DATASET = "per-student"``, a ``course.toml``
  seed and students' handouts written by ``logicrm release``'s code.
"""
from __future__ import annotations

import shutil
from pathlib import Path

from logicrm_edu.autograde.course import CourseAssignment
from logicrm_edu.course.template import set_teacher_setting
from logicrm_edu.course.nbgrader_app import nbgrader_api, run
from logicrm_edu.course.release import release_assignment

ROOT = Path(__file__).parents[2]
ASSIGNMENT = "abc_tiering"
NOTEBOOK = ASSIGNMENT  # the notebook's name (without .ipynb) inside the assignment
SEED = "grading-tests-seed"
CUSTOMERS = 12


def copy_course(root: Path) -> Path:
    root.mkdir(parents=True)
    shutil.copy(ROOT / "course" / "nbgrader_config.py", root)
    shutil.copytree(ROOT / "course" / "source", root / "source")
    return root


def textbook_course(root: Path) -> Path:
    """The course copied to ``root`` and its assignment generated (gradebook + release)."""
    copy_course(root)
    run(nbgrader_api(root).generate_assignment(ASSIGNMENT, force=True), "generate_assignment")
    return root


def per_student_course(root: Path, students: list[tuple[str, str]]) -> Path:
    """The course with per-student data, released with a handout for each of ``students``."""
    copy_course(root)
    (root / "course.toml").write_text(
        f'[course]\nseed = "{SEED}"\ncustomers = {CUSTOMERS}\n', encoding="utf-8")
    set_teacher_setting(root / "source" / ASSIGNMENT / f"{NOTEBOOK}.ipynb", "DATASET",
                        "per-student")
    release_assignment(root, ASSIGNMENT, students, exchange=False, progress=False)
    return root


def fresh_copy(generated: Path, tmp_path: Path) -> Path:
    """A copy of a generated course that one test may change."""
    root = tmp_path / "course"
    shutil.copytree(generated, root)
    return root


def course_assignment(root: Path) -> CourseAssignment:
    return CourseAssignment.load(root, ASSIGNMENT)


def submitted_dir(root: Path, student: str) -> Path:
    folder = root / "submitted" / student / ASSIGNMENT
    folder.mkdir(parents=True, exist_ok=True)
    return folder
