"""``logicrm report``: what the class got wrong, per step and mistake."""
from __future__ import annotations

from pathlib import Path

import click

from ..i18n import t
from .layer import Expected, command, course_folder, known_assignment, option


@command("report", "cli.report.help")
@click.argument("assignment")
@option("--out", type=click.Path(file_okay=False, path_type=Path), default=None,
      help="cli.report.opt_out")
def report(assignment, out, course_dir):
    do_report(course_folder(course_dir), assignment, out)


def do_report(course_dir: Path, assignment: str, out=None) -> dict[str, Path]:
    from ..class_report import class_report, verdict_folder, write_report
    from ..class_report.labels import mistake_label, percent, step_label

    known_assignment(course_dir, assignment)
    folder = verdict_folder(course_dir, assignment)
    if not any(folder.glob("*.json")):
        raise Expected("cli.report.nothing", assignment=assignment, folder=folder)
    result = class_report(course_dir, assignment)
    out = out or course_dir / "reports" / assignment
    try:
        paths = write_report(result, out)
    except PermissionError as exc:  # Excel keeps an open workbook locked on Windows
        raise Expected("cli.export.locked", file=exc.filename or out) from None
    course = result.course
    click.echo(t("cli.report.summary", assignment=assignment, graded=course.graded,
                 missing=course.not_handed_in, unreadable=course.unreadable))
    click.echo(t("cli.report.pass_rates", rates=t("where.sep").join(
        f"{step_label(s)} {percent(course.steps[s].pass_rate)}" for s in result.steps)))
    review = [t("cli.report.mistake", mistake=mistake_label(m), count=m.students)
              for m in result.review()]
    click.echo(t("cli.report.review", mistakes=t("where.sep").join(review)) if review
               else t("cli.report.no_mistakes"))
    if result.typed_in():
        click.echo(t("cli.report.typed_in", count=len(result.typed_in())))
    for path in paths.values():
        click.echo(t("cli.wrote", path=path))
    return paths
