"""``logicrm classroom``: the course's JupyterHub — start, stop, status, and a new
password for one account."""
from __future__ import annotations

import sys

import click

from ..i18n import t
from .layer import command, course_folder, group, option


@group("classroom", "cli.classroom.help")
def classroom():
    # students' servers run as their own Unix users: nothing of it works off Linux
    if not sys.platform.startswith("linux"):
        raise click.ClickException(t("cli.classroom.not_linux", platform=sys.platform))


@command("start", "cli.classroom.start_help", parent=classroom)
@option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535), help="classroom.opt_port")
@option("--lan", is_flag=True, help="classroom.opt_lan")
def classroom_start(port, lan, course_dir):
    from ..classroom import start_classroom

    course_dir = course_folder(course_dir)
    if lan:
        click.echo(t("classroom.lan_warning"), err=True)
    url = start_classroom(course_dir, port=port, lan=lan, on_prepared=_accounts_report)
    click.echo(t("classroom.started", url=url))


def _accounts_report(synced) -> None:
    for sid, reason in synced.skipped:
        click.echo(t("classroom.skipped", id=sid, reason=t(reason)), err=True)
    click.echo(t("classroom.accounts", added=len(synced.added), closed=len(synced.closed),
                 returned=len(synced.returned), handout=synced.handout))
    for name, password in synced.new_teachers.items():
        click.echo(t("classroom.teacher_password", name=name, password=password))


@command("stop", "cli.classroom.stop_help", parent=classroom)
def classroom_stop(course_dir):
    from ..classroom import stop_classroom

    stopped = stop_classroom(course_folder(course_dir))
    click.echo(t("classroom.stopped" if stopped else "classroom.not_running"))


@command("status", "cli.classroom.status_help", parent=classroom)
def classroom_status(course_dir):
    from ..classroom import classroom_status as status_of

    status = status_of(course_folder(course_dir))
    click.echo(t("classroom.running", url=status.url, pid=status.pid, log=status.log)
               if status.running else t("classroom.not_running"))


@command("password", "cli.classroom.password_help", parent=classroom)
@click.argument("name")
def classroom_password(name, course_dir):
    from ..classroom.paths import classroom_paths
    from ..classroom.sync import reset_password
    from .layer import Expected

    course_dir = course_folder(course_dir)
    if not classroom_paths(course_dir).accounts.is_file():
        raise Expected("classroom.no_classroom")
    click.echo(t("classroom.new_password", name=name, password=reset_password(course_dir, name)))
