"""Importing filled-in score sheets into the course's rubric database.

All workbooks of a batch are read and checked first; if any has an error, or
two workbooks come from the same rater, nothing is stored and
:class:`~.problems.RubricError` lists every problem.  Otherwise each rater's
earlier scores for that rubric are replaced by the new ones in one
transaction.  Warnings (blank rows, subjects a re-import no longer scores,
raters still missing) come back in the :class:`ImportReport`.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from tqdm.auto import tqdm

from ..i18n import LANGUAGES

from .course import CourseContext, open_course
from .model import RaterStatement
from .problems import Problem, error, raise_errors, warning
from .raters import missing_raters, rater_label
from .sheet_reading import read_score_sheet
from .store import load_scores, previous_subjects, save_statements


@dataclass(frozen=True)
class ImportReport:
    """What an import stored and what the teacher should know about."""

    statements: list[RaterStatement]
    """The statements stored, one per workbook with scores."""
    problems: list[Problem]
    """Warnings (an import with errors raises instead)."""


def import_sheets(paths, course_dir=".", *, progress: bool = True) -> ImportReport:
    """Read, check and store the score workbooks ``paths`` for the course in ``course_dir``."""
    course = open_course(course_dir)
    statements, problems = read_batch(course, [Path(p) for p in paths], progress=progress)
    raise_errors(problems)
    for statement in statements:
        problems += _dropped(course, statement)
    save_statements(course.engine, statements)
    problems += missing_warnings(course)
    return ImportReport(statements, problems)


def read_batch(course: CourseContext, paths: list[Path], *, progress: bool = True):
    """(statements, problems) of all workbooks, with duplicate raters reported as errors."""
    statements, problems, first_file = [], [], {}
    for path in tqdm(paths, desc="import", unit="sheet", disable=not progress):
        statement, found = read_score_sheet(path, course.rubrics, course.roster,
                                            self_rating=course.settings.rubric.self_rating)
        problems += found
        if statement is None:
            continue
        who = (statement.rubric, statement.rater_kind, statement.rater)
        if who in first_file:
            problems.append(error("rubric.import.duplicate_sheet", file=statement.source,
                                  other=first_file[who], rater=statement.rater))
            continue
        first_file[who] = statement.source
        statements.append(statement)
    return statements, problems


def _dropped(course: CourseContext, statement: RaterStatement) -> list[Problem]:
    """Warnings for subjects that had scores from this rater and get none from the new sheet."""
    gone = previous_subjects(course.engine, statement) - set(statement.scores["subject"])
    return [warning("rubric.import.dropped_previous", file=statement.source, sheet=statement.sheet,
                    rater=statement.rater, subject=subject) for subject in sorted(gone)]


def missing_warnings(course: CourseContext) -> list[Problem]:
    """One warning per expected rater who has handed in nothing, per rubric in use."""
    scores = load_scores(course.engine)
    problems = []
    for rubric in course.rubrics.values():
        for rater in missing_raters(rubric, course.roster, scores,
                                    self_rating=course.settings.rubric.self_rating):
            who = {lang: rater_label(rater, lang) for lang in LANGUAGES}
            problems.append(warning("rubric.import.missing_rater", rubric=rubric.title, rater=who))
    return problems
