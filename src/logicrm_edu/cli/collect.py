"""``logicrm collect``: submissions from the exchange and from an LMS download."""
from __future__ import annotations

from datetime import datetime, time as day_time
from pathlib import Path

import click

from ..i18n import t
from .layer import Expected, command, course_folder, headed, option, released_assignment, table_text


def _deadline(text: str | None) -> datetime | None:
    """'2025-03-14 23:59' or '2025-03-14' (end of that day), local time; ISO with offset too."""
    if not text:
        return None
    text = text.strip()
    for fmt in ("%Y-%m-%d %H:%M", "%Y-%m-%d %H:%M:%S", "%Y/%m/%d %H:%M"):
        try:
            return datetime.strptime(text, fmt).astimezone()
        except ValueError:
            pass
    for fmt in ("%Y-%m-%d", "%Y/%m/%d"):
        try:
            day = datetime.strptime(text, fmt).date()
            return datetime.combine(day, day_time(23, 59, 59)).astimezone()
        except ValueError:
            pass
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise Expected("cli.collect.bad_deadline", given=text) from None
    return moment if moment.tzinfo else moment.astimezone()


@command("collect", "cli.collect.help")
@click.argument("assignment")
@option("--from", "source", type=click.Path(exists=True, path_type=Path), default=None,
      help="cli.collect.opt_from")
@option("--deadline", default=None, help="cli.collect.opt_deadline")
@option("--no-exchange", is_flag=True, help="cli.collect.opt_no_exchange")
def collect(assignment, source, deadline, no_exchange, course_dir):
    do_collect(course_folder(course_dir), assignment, source, _deadline(deadline),
               exchange=not no_exchange)


def do_collect(course_dir: Path, assignment: str, source=None, deadline=None, *, exchange=True):
    import zipfile

    from ..course.collect import (CollectReport, collect_exchange, collect_uploads,
                                  note_unknown_students, set_due_date)
    from ..course.roster import class_roster
    from ..grading.context import TeacherSetupError
    from ..grading.data_check import check_course

    released_assignment(course_dir, assignment)
    roster = class_roster(course_dir)
    report = CollectReport(assignment)
    if deadline is not None:
        set_due_date(course_dir, assignment, deadline)
    if exchange:
        collect_exchange(course_dir, assignment, report, deadline)
    if source is not None:
        try:
            collect_uploads(course_dir, assignment, source,
                            list(zip(roster["id"], roster["name"])), deadline=deadline,
                            report=report)
        except zipfile.BadZipFile:
            raise Expected("cli.collect.bad_zip", file=source) from None
    note_unknown_students(course_dir, assignment, roster["id"], report)
    _print_collect(report, roster, course_dir, download=source is not None)
    try:
        checks = check_course(course_dir, assignment)
    except TeacherSetupError as exc:
        raise Expected("cli.collect.cannot_check", reason=str(exc)) from None
    _print_data_checks(checks, roster)
    return report


def _print_data_checks(checks: dict, roster) -> None:
    """The submissions whose data file is not the one handed out (likely copying), and how
    many came without one (graded with the data handed out all the same)."""
    import pandas as pd

    names = dict(zip(roster["id"], roster["name"]))
    flagged = [{"student": s, "name": names.get(s, ""), "detail": c.text()}
               for s, c in sorted(checks.items()) if c.flagged]
    if flagged:
        click.echo(t("cli.collect.data_flagged", count=len(flagged)))
        click.echo(table_text(headed(pd.DataFrame(flagged))))
    without = sum(c.status == "missing" for c in checks.values())
    if without:
        click.echo(t("cli.collect.data_missing", count=without))


def _print_collect(report, roster, course_dir: Path, *, download: bool) -> None:
    """The summaries, one row per file of the download, and who has not handed in."""
    import pandas as pd

    from ..course.collect import handed_in_states

    names = dict(zip(roster["id"], roster["name"]))
    exchange = [o for o in report.outcomes if o.status == "exchange"]
    if exchange or not download:
        click.echo(t("cli.collect.exchange_summary", assignment=report.assignment,
                     collected=len(exchange), late=sum(o.late for o in exchange)))
    if download:
        files = report.files
        click.echo(t("cli.collect.summary", assignment=report.assignment, files=len(files),
                     collected=report.count("collected"), late=sum(o.late for o in files
                                                                   if o.status == "collected"),
                     kept=report.count("kept_existing"), duplicates=report.count("duplicate"),
                     unmatched=report.count("unmatched") + report.count("corrupt"),
                     attached=report.count("attached"), not_notebook=report.count("not_notebook"),
                     unpacked=report.count("unpacked"), skipped=report.count("skipped")))
    # every file but those the computer made (counted above, listed in the record)
    shown = [o for o in report.outcomes if o.detail not in _NOT_LISTED]
    if shown:
        rows = [{"file": o.file, "student": o.student, "name": names.get(o.student, ""),
                 "time": o.time.astimezone().strftime("%Y-%m-%d %H:%M") if o.time else "",
                 "status": t(f"collect.status.{o.status}") + (
                     t("cli.collect.late_mark") if o.late else ""),
                 "detail": o.detail_text(), "kept": o.kept}
                for o in shown]
        table = headed(pd.DataFrame(rows)).rename(columns={"kept": t("collect.col.kept")})
        click.echo(table_text(table))
    if report.not_in_roster:
        click.echo(t("cli.collect.not_in_roster", ids=", ".join(report.not_in_roster)), err=True)
    if report.set_aside:
        click.echo(t("cli.collect.set_aside", folder=report.set_aside))
    if report.record:
        click.echo(t("cli.collect.record", file=report.record))
    handed_in = {s: state for s, state in handed_in_states(course_dir, report.assignment).items()
                 if s in names}
    have = {p.parent.name for p in (course_dir / "submitted").glob(f"*/{report.assignment}")}
    missing = sorted(set(roster["id"]) - have - set(handed_in))
    for state in sorted(set(handed_in.values())):
        ids = sorted(s for s, st in handed_in.items() if st == state)
        click.echo(t("cli.collect.not_gradable", count=len(ids), state=t(state),
                     ids=", ".join(f"{s} {names[s]}" for s in ids)))
    if missing:
        click.echo(t("cli.collect.missing", count=len(missing),
                     ids=", ".join(f"{s} {names.get(s, '')}" for s in missing[:15])))


_NOT_LISTED = ("collect.why.system", "collect.why.link")
