"""``logicrm export``: the grade sheet for the school LMS."""
from __future__ import annotations

from pathlib import Path

import click

from ..i18n import t
from .layer import Expected, command, course_folder, option


@command("export", "cli.export.help")
@option("--out", type=click.Path(file_okay=False, path_type=Path), default=None,
      help="cli.export.opt_out")
def export(out, course_dir):
    do_export(course_folder(course_dir), out)


def do_export(course_dir: Path, out=None) -> dict[str, Path]:
    from ..course.export import export_grades

    try:
        paths, tables = export_grades(course_dir, out)
    except PermissionError as exc:  # Excel keeps an open workbook locked on Windows
        raise Expected("cli.export.locked", file=exc.filename or out) from None
    for path in paths.values():
        click.echo(t("cli.wrote", path=path))
    if tables.pending:
        click.echo(t("grade_sheets.summary.pending", count=tables.pending))
    if tables.late:
        click.echo(t("grade_sheets.summary.late", count=tables.late))
    return paths
