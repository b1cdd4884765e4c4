"""Importing filled-in score sheets into the course's rubric database.

The paths given may be workbooks or folders (read one level deep).  Every file
is accounted for: an .xlsx is read; an old .xls, a .csv or another spreadsheet
is an error saying what to do (save it as .xlsx); any other file in a folder,
and a subfolder, is a warning; a folder without a single .xlsx is an error.
Excel's lock files (``~$…``) and hidden files are skipped.

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

from ..i18n import LANGUAGES, t

from .course import CourseContext, open_course
from .model import RaterStatement
from .problems import Problem, error, raise_errors, warning
from .raters import missing_raters, rater_label
from .sheet_reading import RESAVABLE_SUFFIXES, WORKBOOK_SUFFIXES, not_a_score_sheet, read_score_sheet
from .store import load_scores, previous_subjects, save_statements


@dataclass(frozen=True)
class ImportReport:
    """What an import stored and what the teacher should know about."""

    statements: list[RaterStatement]
    """The statements stored, one per workbook with scores."""
    problems: list[Problem]
    """Warnings (an import with errors raises instead)."""


def import_sheets(paths, course_dir=".", *, progress: bool = True) -> ImportReport:
    """Read, check and store the score workbooks in ``paths`` (files or folders) for the
    course in ``course_dir``; :class:`~.problems.RubricError` lists every error."""
    course = open_course(course_dir)
    files, problems = score_sheet_files(paths)
    statements, found = read_batch(course, files, progress=progress)
    problems += found
    raise_errors(problems)
    for statement in statements:
        problems += _dropped(course, statement)
    save_statements(course.engine, statements)
    problems += missing_warnings(course)
    return ImportReport(statements, problems)


def score_sheet_files(paths) -> tuple[list[Path], list[Problem]]:
    """(the workbooks to read, problems for everything else) among ``paths``.

    A file given by name is always read, so a wrong type is reported by
    :func:`~.sheet_reading.read_score_sheet`; see the module docstring for folders.
    """
    files, problems = [], []
    for path in map(Path, paths):
        if not path.is_dir():
            files.append(path)
            continue
        found = []
        for entry in sorted(path.iterdir()):
            if entry.name.startswith(("~$", ".")) or entry.name.lower() in ("thumbs.db", "desktop.ini"):
                continue  # Excel's lock files and the system's own files are nobody's scores
            if entry.is_dir():
                problems.append(warning("rubric.import.subfolder", folder=str(entry)))
            elif entry.suffix.lower() in WORKBOOK_SUFFIXES:
                found.append(entry)
            else:  # another spreadsheet may be a rater's scores: stop; anything else: tell
                is_sheet = entry.suffix.lower() in RESAVABLE_SUFFIXES + (".csv",)
                problems.append(not_a_score_sheet(entry, "error" if is_sheet else "warning"))
        if not found:
            problems.append(error("rubric.import.no_sheets", folder=str(path)))
        files += found
    return files, problems


def read_batch(course: CourseContext, paths: list[Path], *, progress: bool = True):
    """(statements, problems) of all workbooks, with duplicate raters reported as errors."""
    statements, problems, first_file = [], [], {}
    for path in tqdm(paths, desc=t("rubric.import.progress"), unit=t("rubric.progress.unit_sheet"),
                     disable=not progress):
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
