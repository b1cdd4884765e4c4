"""``logicrm feedback``: feedback pages per student, released through the exchange."""
from __future__ import annotations

import shutil
from pathlib import Path

import click

from ..i18n import t
from .layer import Expected, command, course_folder, option, released_assignment

SECRET = "submission_secret.txt"  # nbgrader's proof that a feedback page is this student's


@command("feedback", "cli.feedback.help")
@click.argument("assignment")
@option("--no-exchange", is_flag=True, help="cli.feedback.opt_no_exchange")
def feedback(assignment, no_exchange, course_dir):
    do_feedback(course_folder(course_dir), assignment, exchange=not no_exchange)


def do_feedback(course_dir: Path, assignment: str, *, exchange=True) -> Path:
    from ..grading.feedback import generate_feedback
    from ..course.nbgrader_app import nbgrader_api
    from ..course.roster import class_roster

    released_assignment(course_dir, assignment)
    if not any((course_dir / "autograded").glob(f"*/{assignment}")):
        raise Expected("cli.feedback.nothing", assignment=assignment)
    report = generate_feedback(course_dir, assignment)
    count = len(report.done)
    click.echo(t("cli.feedback.done", assignment=assignment, count=count,
                 folder=course_dir / "feedback"))
    if report.failed:
        names = dict(class_roster(course_dir)[["id", "name"]].itertuples(index=False))
        click.echo(t("cli.feedback.failed", count=len(report.failed), assignment=assignment), err=True)
        for failure in report.failed:
            click.echo(t("cli.feedback.failed_student", student=failure.student,
                         name=names.get(failure.student, ""), reason=failure.text()), err=True)
    if report.pending:
        click.echo(t("feedback.manual_pending", count=len(report.pending), assignment=assignment,
                     students=", ".join(s.student for s in report.pending[:15])), err=True)
    if exchange:  # only submissions that came through the exchange carry its secret
        api = nbgrader_api(course_dir)
        via_exchange = [sid for sid in report.done
                        if (course_dir / "submitted" / sid / assignment / SECRET).is_file()]
        for sid in via_exchange:  # nbgrader releases a page only beside the student's secret
            shutil.copy2(course_dir / "submitted" / sid / assignment / SECRET,
                         course_dir / "feedback" / sid / assignment / SECRET)
        failed = [sid for sid in via_exchange
                  if not (api.release_feedback(assignment, sid) or {}).get("success")]
        click.echo(t("cli.feedback.released", count=len(via_exchange) - len(failed),
                     others=count - len(via_exchange) + len(failed)))
    return course_dir / "feedback"
