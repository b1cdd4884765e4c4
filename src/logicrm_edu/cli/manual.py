"""``logicrm manual``: the steps a teacher marks, through an Excel sheet.

``manual export ASSIGNMENT`` writes the sheet (answers, mark scheme, points);
``manual import ASSIGNMENT FILE`` writes the filled-in scores and comments into the
gradebook, or nothing at all when the sheet has a mistake (every mistake is listed).
"""
from __future__ import annotations

from pathlib import Path

import click

from ..i18n import t
from .layer import Expected, command, course_folder, group, known_assignment, option


@group("manual", "manual.cli.help")
def manual():
    pass


@command("export", "manual.cli.export_help", parent=manual)
@click.argument("assignment")
@option("--out", type=click.Path(dir_okay=False, path_type=Path), default=None,
        help="manual.cli.opt_out")
def manual_export(assignment, out, course_dir):
    from ..course.manual_grades import NoManualSteps, NothingGraded
    from ..course.manual_sheet import default_path, export_sheet

    course_dir = course_folder(course_dir)
    known_assignment(course_dir, assignment)
    try:
        done = export_sheet(course_dir, assignment, out)
    except NoManualSteps:
        raise Expected("manual.cli.no_steps", assignment=assignment) from None
    except NothingGraded:
        raise Expected("manual.cli.nothing_graded", assignment=assignment) from None
    except OSError as exc:  # e.g. the old sheet is open in Excel on Windows
        raise Expected("manual.cli.not_written", path=out or default_path(course_dir, assignment),
                       reason=exc.strerror or type(exc).__name__) from None
    if done.kept_aside:
        click.echo(t("manual.cli.kept_aside", path=done.kept_aside))
    click.echo(t("manual.cli.exported", path=done.path, assignment=assignment,
                 students=len({g.student for g in done.grades}),
                 steps=len({g.step.label for g in done.grades}),
                 pending=sum(g.score is None for g in done.grades)))


@command("import", "manual.cli.import_help", parent=manual)
@click.argument("assignment")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
def manual_import(assignment, file, course_dir):
    from ..course.manual_grades import NoManualSteps, NothingGraded
    from ..course.manual_sheet import import_sheet

    course_dir = course_folder(course_dir)
    known_assignment(course_dir, assignment)
    try:
        done = import_sheet(course_dir, assignment, file)
    except NoManualSteps:
        raise Expected("manual.cli.no_steps", assignment=assignment) from None
    except NothingGraded:
        raise Expected("manual.cli.nothing_graded", assignment=assignment) from None
    click.echo(t("manual.cli.imported", scores=done.scores, comments=done.comments,
                 pending=done.pending, assignment=assignment))
