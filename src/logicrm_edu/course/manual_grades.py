"""Manual grading of the written steps through a spreadsheet; the gradebook stays the record.

``logicrm manual export`` writes one row per student and manually graded step (the
student's answer, the mark scheme, the points, the current manual score and comment);
``logicrm manual import`` reads the filled-in sheet back and, only when every row is
valid, writes the scores and comments into nbgrader's gradebook as the formgrader
does (``Grade.manual_score``, ``Comment.manual_comment``).  A blank score leaves the
step pending (never 0), and a blank cell never erases what the gradebook holds.

Which steps are manual comes from the gradebook: task cells and manually graded
answer cells (grade cells that are also solution cells).  Their names for the teacher
come from their headings (``## 第 1 步　选定分类指标（2 分）`` → ``第 1 步：选定分类指标``)
and the mark scheme from the text nbgrader saved when the assignment was generated.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .export import grade_cell_order
from .manual_answers import for_excel, step_answers
from .nbgrader_app import gradebook

_POINTS = re.compile(r"\s*[（(]\s*\d+(?:\.\d+)?\s*(?:分|points?|pts?)\s*[）)]\s*$", re.IGNORECASE)
_SCHEME = re.compile(r"^[^\n]*BEGIN MARK SCHEME[^\n]*\n(.*?)^[^\n]*END MARK SCHEME",
                     re.DOTALL | re.MULTILINE)


@dataclass(frozen=True)
class ManualStep:
    """A manually graded step of an assignment."""

    notebook: str
    """The notebook's name (without ``.ipynb``)."""
    cell: str
    """The nbgrader grade id of the step's cell."""
    label: str
    """Its name for the teacher, e.g. "第 1 步：选定分类指标" (unique in the assignment)."""
    max_score: float
    """Its points."""
    mark_scheme: str
    """The teacher's mark scheme ("" when the cell has none)."""
    is_task: bool
    """A task cell (answered in the cells after it) rather than an answer cell."""


@dataclass(frozen=True)
class ManualGrade:
    """One student's grade for one manual step."""

    student: str
    name: str
    step: ManualStep
    answer: str
    """The student's answer as plain text."""
    score: float | None
    """The manual score; None while the step is pending."""
    comment: str | None
    """The teacher's comment, if any."""


@dataclass(frozen=True)
class ManualImport:
    """What an import wrote."""

    scores: int
    """Manual scores written."""
    comments: int
    """Comments written."""
    pending: int
    """Manual steps of the assignment still without a score, over all students."""


class NoManualSteps(Exception):
    """The assignment has no manually graded step."""


class NothingGraded(Exception):
    """No submission of the assignment has been autograded yet."""


def step_label(source: str, fallback: str) -> str:
    """A step's name from the first heading of its text, without its points."""
    for line in source.splitlines():
        if line.lstrip().startswith("#"):
            title = _POINTS.sub("", line.lstrip().lstrip("#").strip())
            return re.sub(r"\u3000+", "：", title).strip() or fallback
    return fallback


def mark_scheme(source: str) -> str:
    """The text between nbgrader's BEGIN/END MARK SCHEME lines ("" when there is none)."""
    found = _SCHEME.search(source)
    return found.group(1).strip() if found else ""


def manual_steps(course_dir, assignment: str) -> list[ManualStep]:
    """The assignment's manual steps in notebook order; :class:`NothingGraded` when the
    gradebook does not know the assignment yet."""
    from nbgrader.api import MissingEntry

    order = grade_cell_order(course_dir, assignment)
    steps = []
    with gradebook(course_dir) as gb:
        try:
            notebooks = gb.find_assignment(assignment).notebooks
        except MissingEntry:  # released through nothing yet: no notebook is known
            raise NothingGraded(assignment) from None
        for notebook in notebooks:
            sources = {c.name: c.source for c in notebook.source_cells}
            answers = {c.name for c in notebook.solution_cells}
            cells = [(c, True) for c in notebook.task_cells] + [
                (c, False) for c in notebook.grade_cells if c.name in answers]
            for cell, is_task in cells:
                source = sources.get(cell.name, "")
                label = step_label(source, cell.name)
                if len(notebooks) > 1:
                    label = f"{notebook.name}：{label}"
                steps.append(ManualStep(notebook.name, cell.name, label, float(cell.max_score),
                                        for_excel(mark_scheme(source)), is_task))
    steps.sort(key=lambda s: (s.notebook, order.index(s.cell) if s.cell in order else len(order)))
    labels = [s.label for s in steps]
    return [s if labels.count(s.label) == 1 else
            ManualStep(s.notebook, s.cell, f"{s.label}（{s.cell}）", s.max_score, s.mark_scheme,
                       s.is_task) for s in steps]


def manual_grades(course_dir, assignment: str) -> list[ManualGrade]:
    """Every autograded student's grade for every manual step, students in roster order.

    Raises :class:`NoManualSteps` or :class:`NothingGraded` when there is nothing to mark.
    """
    from .roster import class_roster

    course_dir = Path(course_dir)
    steps = manual_steps(course_dir, assignment)
    if not steps:
        raise NoManualSteps(assignment)
    roster = class_roster(course_dir)
    names = dict(zip(roster["id"], roster["name"]))
    order = {sid: n for n, sid in enumerate(roster["id"])}
    current = {}
    with gradebook(course_dir) as gb:
        for submission in gb.assignment_submissions(assignment):
            for notebook in submission.notebooks:
                comments = {c.name: c.manual_comment for c in notebook.comments}
                for grade in notebook.grades:
                    current[submission.student.id, notebook.name, grade.name] = (
                        grade.manual_score, comments.get(grade.name))
    students = sorted({key[0] for key in current}, key=lambda s: (order.get(s, len(order)), s))
    if not students:
        raise NothingGraded(assignment)
    rows = []
    for student in students:
        answers = {}
        for notebook in {s.notebook for s in steps}:
            answers[notebook] = step_answers(
                course_dir / "autograded" / student / assignment / f"{notebook}.ipynb",
                course_dir / "release" / assignment / f"{notebook}.ipynb",
                {s.cell: s.is_task for s in steps if s.notebook == notebook})
        for step in steps:
            if (student, step.notebook, step.cell) not in current:
                continue
            score, comment = current[student, step.notebook, step.cell]
            rows.append(ManualGrade(student, names.get(student, ""), step,
                                    answers[step.notebook].get(step.cell, ""), score, comment))
    return rows


def write_manual_grades(course_dir, assignment: str, entries) -> ManualImport:
    """Write the scores and comments of ``entries`` (:class:`ManualGrade`\\ s; None
    leaves a value as it is) in one transaction: all of them or, on any failure, none."""
    scores = comments = 0
    with gradebook(course_dir) as gb:
        try:
            for entry in entries:
                step = entry.step
                if entry.score is not None:
                    grade = gb.find_grade(step.cell, step.notebook, assignment, entry.student)
                    grade.manual_score = entry.score
                    grade.needs_manual_grade = False  # as the formgrader does
                    scores += 1
                if entry.comment is not None:
                    gb.find_comment(step.cell, step.notebook, assignment,
                                    entry.student).manual_comment = entry.comment
                    comments += 1
            gb.db.commit()
        except BaseException:
            gb.db.rollback()
            raise
        pending = sum(grade.needs_manual_grade and grade.manual_score is None
                      for submission in gb.assignment_submissions(assignment)
                      for notebook in submission.notebooks for grade in notebook.grades)
    return ManualImport(scores, comments, int(pending))
