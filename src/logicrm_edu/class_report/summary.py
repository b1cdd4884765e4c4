"""The class report as plain data: pass rates, mistakes and headcounts per step, class and group.

A student **passes** a step when every test cell of the step (the visible test
and the hidden one on other data) earned full points; the **share** of a step
is the points earned over the step's points.  Rates and means count graded
students only: one who handed nothing in is counted as such, not as 0 %.
A student **hit** a mistake in a step when any cell of the step recorded it
(once per student, however many cells).  A typed-in answer (``checks.hardcoded``,
the answer did not change on a second dataset) is not counted among the mistakes:
it says nothing about which idea the class got wrong, so it is reported as typed
in (per step in :class:`StepStats`, per student in :class:`StudentRow`) instead.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from ..course.roster import class_roster
from .verdict_files import StudentVerdicts, Unreadable, read_verdicts

GRADED, MISSING, UNREADABLE = "graded", "missing", "unreadable"
TYPED_IN = "checks.hardcoded"


@dataclass(frozen=True)
class StepStats:
    """How a set of students did in one step."""

    step: str
    judged: int
    """graded students with test cells in this step"""
    passed: int
    mean_share: float | None
    """mean over the judged students of their share of the step's points (None: nobody judged)"""
    follow_through: int
    """students right in this step given their own earlier wrong answer"""
    hardcoded: int
    """students whose answer in this step did not change on a second dataset"""

    @property
    def pass_rate(self) -> float | None:
        return self.passed / self.judged if self.judged else None


@dataclass(frozen=True)
class Cohort:
    """The whole course (class and group None), one class (group None) or one group of a class."""

    class_name: str | None
    group: str | None
    students: int
    graded: int
    not_handed_in: int
    unreadable: int
    """students whose verdict file could not be read (neither graded nor missing)"""
    steps: dict[str, StepStats]


@dataclass(frozen=True)
class MistakeCount:
    """One mistake in one step: how many students made it, in all, per class and per group."""

    mistake: str
    """catalogue key, e.g. ``"checks.sorted_ascending"``"""
    step: str
    students: int
    by_class: dict[str, int]
    by_group: dict[tuple[str, str], int]
    """(class, group) → students; only groups where someone made it"""


@dataclass(frozen=True)
class StudentStep:
    """One student's result in one step."""

    score: float
    points: float
    passed: bool
    follow_through: bool
    mistakes: tuple[str, ...]


@dataclass(frozen=True)
class StudentRow:
    """One student of the roster (or with a verdict file only), and how they did."""

    id: str
    name: str
    class_name: str
    group: str
    state: str
    """``"graded"``, ``"missing"`` (no verdict file) or ``"unreadable"``"""
    steps: dict[str, StudentStep]
    hardcoded: tuple[str, ...]


@dataclass(frozen=True)
class ClassReport:
    """What a course's students got wrong in one assignment."""

    assignment: str
    steps: tuple[str, ...]
    """the autograded steps, in order"""
    step_points: dict[str, float]
    """points of each step (the most any student's cells of the step were worth)"""
    course: Cohort
    classes: tuple[Cohort, ...]
    groups: tuple[Cohort, ...]
    mistakes: tuple[MistakeCount, ...]
    """most frequent first (then by step, then by key)"""
    students: tuple[StudentRow, ...]
    unreadable: tuple[Unreadable, ...]

    def review(self, count: int = 3) -> tuple[MistakeCount, ...]:
        """The mistakes to go over in the next lesson: the most frequent ones."""
        return self.mistakes[:count]

    def groups_by_class(self) -> tuple[Cohort, ...]:
        """The groups, class after class (in the classes' order)."""
        return tuple(g for c in self.classes for g in self.groups
                     if g.class_name == c.class_name)

    def typed_in(self) -> tuple[StudentRow, ...]:
        """The students with typed-in answers in any step, in roster order."""
        return tuple(s for s in self.students if s.hardcoded)


def class_report(course_dir, assignment: str) -> ClassReport:
    """The report of ``assignment`` from the roster and the verdicts autograding kept."""
    verdicts, unreadable = read_verdicts(course_dir, assignment)
    students = _students(class_roster(course_dir), verdicts, {u.student for u in unreadable})
    steps = tuple(sorted({s for v in verdicts.values() for s in _steps_of(v)}, key=step_order))
    step_points = {step: max((r.steps[step].points for r in students if step in r.steps),
                             default=0.0) for step in steps}
    classes = list(dict.fromkeys(r.class_name for r in students))
    groups = list(dict.fromkeys((r.class_name, r.group) for r in students))
    return ClassReport(
        assignment=assignment, steps=steps, step_points=step_points,
        course=_cohort(students, steps, None, None),
        classes=tuple(_cohort([r for r in students if r.class_name == c], steps, c, None)
                      for c in classes),
        groups=tuple(_cohort([r for r in students if (r.class_name, r.group) == g], steps, *g)
                     for g in groups),
        mistakes=_mistakes(students), students=tuple(students),
        unreadable=tuple(unreadable))


def step_order(step: str) -> tuple:
    """``step2`` before ``step10``; names without a number after those with one."""
    number = re.search(r"\d+", step)
    return (int(number.group()) if number else float("inf"), step)


def _steps_of(verdicts: StudentVerdicts) -> set[str]:
    return {cell.step for cell in verdicts.cells} | set(verdicts.hardcoded)


def _students(roster, verdicts: dict[str, StudentVerdicts],
              unreadable: set[str]) -> list[StudentRow]:
    """The roster in its order, then students who have a verdict file but are not on it."""
    people = list(roster[["id", "name", "class", "group"]].itertuples(index=False, name=None))
    on_roster = {p[0] for p in people}
    people += [(sid, "", "", "") for sid in sorted((verdicts.keys() | unreadable) - on_roster)]
    rows = []
    for sid, name, class_name, group in people:
        state = GRADED if sid in verdicts else UNREADABLE if sid in unreadable else MISSING
        mine = verdicts.get(sid)
        rows.append(StudentRow(sid, name, class_name, group, state,
                               _student_steps(mine) if mine else {},
                               tuple(sorted(mine.hardcoded, key=step_order)) if mine else ()))
    return rows


def _student_steps(verdicts: StudentVerdicts) -> dict[str, StudentStep]:
    steps = {}
    for step in sorted({c.step for c in verdicts.cells}, key=step_order):
        cells = [c for c in verdicts.cells if c.step == step]
        steps[step] = StudentStep(
            score=sum(c.score for c in cells), points=sum(c.points for c in cells),
            passed=all(c.passed for c in cells),
            follow_through=any(c.follow_through for c in cells),
            mistakes=tuple(dict.fromkeys(c.mistake for c in cells if c.mistake)))
    return steps


def _cohort(rows: list[StudentRow], steps, class_name, group) -> Cohort:
    graded = [r for r in rows if r.state == GRADED]
    stats = {}
    for step in steps:
        results = [r.steps[step] for r in graded if step in r.steps]
        stats[step] = StepStats(
            step, judged=len(results), passed=sum(s.passed for s in results),
            mean_share=sum(s.score / s.points for s in results) / len(results) if results else None,
            follow_through=sum(s.follow_through for s in results),
            hardcoded=sum(step in r.hardcoded for r in graded))
    return Cohort(class_name, group, students=len(rows), graded=len(graded),
                  not_handed_in=sum(r.state == MISSING for r in rows),
                  unreadable=sum(r.state == UNREADABLE for r in rows), steps=stats)


def _mistakes(rows: list[StudentRow]) -> tuple[MistakeCount, ...]:
    hits: dict[tuple[str, str], list[StudentRow]] = {}
    for row in rows:
        for step, result in row.steps.items():
            for mistake in result.mistakes:
                if mistake != TYPED_IN:
                    hits.setdefault((mistake, step), []).append(row)
    counts = [MistakeCount(mistake, step, len(who), dict(Counter(r.class_name for r in who)),
                           dict(Counter((r.class_name, r.group) for r in who)))
              for (mistake, step), who in hits.items()]
    return tuple(sorted(counts, key=lambda m: (-m.students, step_order(m.step), m.mistake)))
