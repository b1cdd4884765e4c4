"""``logicrm status``: where the course stands."""
from __future__ import annotations

from pathlib import Path

import click

from ..i18n import t
from .layer import command, course_folder, headed, table_text


@command("status", "cli.status.help")
def status(course_dir):
    do_status(course_folder(course_dir))


def do_status(course_dir: Path):
    from ..course.status import course_status

    table, students = course_status(course_dir)
    click.echo(t("cli.status.students", count=students))
    if table.empty:
        click.echo(t("cli.status.none"))
        return table
    shown = table.assign(released=table["released"].map({True: t("cli.yes"), False: t("cli.no")}))
    click.echo(table_text(headed(shown)))
    return table
