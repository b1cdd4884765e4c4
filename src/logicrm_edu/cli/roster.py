"""``logicrm roster``: the class list — imported from a spreadsheet as a sync with a
preview, shown, and changed one student at a time (remove, rename, move)."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from ..i18n import t
from .layer import command, course_folder, group, headed, option, table_text


@group("roster", "cli.roster.help")
def roster():
    pass


@command("import", "cli.roster.import_help", parent=roster)
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@option("--sheet", default=None, help="roster.opt_sheet")
@option("--yes", "-y", is_flag=True, help="roster.opt_yes")
def roster_import(file, sheet, yes, course_dir):
    from ..course.roster import apply_sync, plan_sync

    course_dir = course_folder(course_dir)
    sync = plan_sync(course_dir, file, sheet=sheet)
    _notes(sync)
    if sync.first_import:  # an empty course: nothing in it can change or be lost
        apply_sync(course_dir, sync)
        _summary(sync)
        return _classroom_in_step(course_dir)
    _preview(sync)
    if not sync.has_changes:
        return
    if not (yes or (_interactive() and click.confirm(t("roster.confirm"), default=False))):
        click.echo(t("roster.not_applied", file=file))
        return
    apply_sync(course_dir, sync)
    _summary(sync)
    _classroom_in_step(course_dir)


def _classroom_in_step(course_dir) -> None:
    """The classroom's accounts follow the roster (nothing when it never started, nor off
    Linux, where it cannot run)."""
    if not sys.platform.startswith("linux"):
        return
    from ..classroom import sync_hub_users

    users = sync_hub_users(course_dir)
    if users is not None:
        click.echo(t("classroom.accounts", added=len(users.added), closed=len(users.closed),
                     returned=len(users.returned), handout=users.handout))


def _interactive() -> bool:
    """Someone at a terminal can answer; a script or a pipe cannot."""
    return sys.stdin.isatty()


def _notes(sync) -> None:
    """What the teacher should know about the file itself, whatever happens next."""
    source = sync.source
    for fix in source.name_fixes:
        click.echo(t("roster.note.name_fixed", row=fix.row, typed=fix.typed, stored=fix.stored), err=True)
    for note in source.notes:
        click.echo(str(note), err=True)
    if source.unknown_columns:
        click.echo(t("cli.roster.unknown_columns", columns=", ".join(source.unknown_columns)), err=True)


def _preview(sync) -> None:
    click.echo(t("roster.preview.title", file=sync.source.file))
    if not sync.has_changes and sync.kept.empty:
        click.echo(t("roster.preview.same"))
    if len(sync.added):
        click.echo(t("roster.preview.added", count=len(sync.added)))
        click.echo(_indented(table_text(headed(sync.added))))
    if sync.changed:
        click.echo(t("roster.preview.changed", count=len(sync.changed)))
        for change in sync.changed:
            click.echo(_student_line(change.id, change.name, change.text()))
    if len(sync.removed):
        click.echo(t("roster.preview.removed", count=len(sync.removed)))
        click.echo(_indented(table_text(headed(sync.removed))))
    if len(sync.kept):
        click.echo(t("roster.preview.kept", count=len(sync.kept)))
        for student in sync.kept.itertuples(index=False):
            click.echo(_student_line(student.id, student.name, sync.work[student.id].text()))


def _student_line(sid: str, name: str, details: str) -> str:
    return f"  {sid} {name}{t('where.colon')}{details}"


def _indented(text: str) -> str:
    return "\n".join("  " + line for line in text.splitlines())


def _summary(sync) -> None:
    final = sync.final
    click.echo(t("cli.roster.imported", students=len(final), classes=len(set(final["class"]) - {""}),
                 groups=len(set(final["group"]) - {""}), added=len(sync.added), changed=len(sync.changed),
                 removed=len(sync.removed), kept=len(sync.kept)))


@command("show", "cli.roster.show_help", parent=roster)
def roster_show(course_dir):
    from ..course.roster import class_roster

    table = class_roster(course_folder(course_dir))
    click.echo(table_text(headed(table)) if len(table) else t("cli.roster.empty"))


@command("remove", "roster.remove_help", parent=roster)
@click.argument("student_id")
@option("--discard-work", is_flag=True, help="roster.opt_discard")
def roster_remove(student_id, discard_work, course_dir):
    from ..course.roster import class_roster, remove_student

    course_dir = course_folder(course_dir)
    names = dict(class_roster(course_dir)[["id", "name"]].itertuples(index=False))
    work, moved_to = remove_student(course_dir, student_id, discard_work=discard_work)
    click.echo(t("roster.removed", id=student_id, name=names.get(student_id, "")))
    if work:
        click.echo(t("roster.removed_work", work=work.text(), folder=moved_to or "-"))
    _classroom_in_step(course_dir)


@command("rename", "roster.rename_help", parent=roster)
@click.argument("student_id")
@click.argument("new_name")
def roster_rename(student_id, new_name, course_dir):
    _update(course_dir, student_id, name=new_name)


@command("move", "roster.move_help", parent=roster)
@click.argument("student_id")
@option("--class", "class_name", default=None, help="roster.opt_class")
@option("--group", "group_name", default=None, help="roster.opt_group")
def roster_move(student_id, class_name, group_name, course_dir):
    _update(course_dir, student_id, class_name=class_name, group=group_name)


def _update(course_dir, student_id, **details) -> None:
    from ..course.roster import update_student

    change = update_student(course_folder(course_dir), student_id, **details)
    if change.changes:
        click.echo(t("roster.updated", id=student_id, details=change.text()))
    else:
        click.echo(t("roster.unchanged", id=student_id, name=change.name))
