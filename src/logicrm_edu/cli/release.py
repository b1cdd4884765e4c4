"""``logicrm release``: the student version of an assignment, per-student data, the exchange."""
from __future__ import annotations

from pathlib import Path

import click

from ..i18n import t
from .layer import Expected, command, course_folder, known_assignment, option


@command("release", "cli.release.help")
@click.argument("assignment")
@option("--no-exchange", is_flag=True, help="cli.release.opt_no_exchange")
def release(assignment, no_exchange, course_dir):
    do_release(course_folder(course_dir), assignment, exchange=not no_exchange)


def do_release(course_dir: Path, assignment: str, *, exchange: bool = True, progress=True):
    from ..course.release import NoSeed, release_assignment
    from ..course.roster import class_roster
    from ..grading.context import TeacherSetupError

    known_assignment(course_dir, assignment)
    students = [(r.id, r.name) for r in class_roster(course_dir).itertuples()]
    try:
        result = release_assignment(course_dir, assignment, students, exchange=exchange,
                                    progress=progress)
    except NoSeed as exc:
        raise Expected("cli.release.no_seed", file=str(exc)) from None
    except TeacherSetupError as exc:  # the teacher's notebook: the message says what to fix
        raise Expected("cli.release.setup", reason=str(exc)) from None
    for key, fields in result.warnings:
        click.echo(t(key, **fields), err=True)
    click.echo(t("cli.release.done", assignment=assignment, folder=course_dir / "release" / assignment))
    if result.exchange:
        click.echo(t("cli.release.exchange", assignment=assignment))
    if result.per_student:
        if not students:
            click.echo(t("cli.release.no_students"), err=True)
        else:
            click.echo(t("cli.release.handouts", count=len(result.handouts),
                         folder=course_dir / "handout",
                         zips=result.zips[0].parent if result.zips else "-"))
            from ..classroom.own_data import place_own_data

            if place_own_data(course_dir, [sid for sid, _ in students]):  # only with a classroom
                click.echo(t("classroom.own_data", assignment=assignment))
    return result
