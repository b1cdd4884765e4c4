"""``logicrm rubric …`` commands (also ``python -m logicrm_edu.rubric …``).

The main CLI attaches the group; the commands go through :mod:`.layer`, so help
and output follow ``--lang zh|en``.  Every command but ``check FILE…`` works on a
course folder (``--course DIR``, default ``.``): it must hold
``nbgrader_config.py``, otherwise the command stops before creating anything.
The rubric database is ``DIR/rubric.db``, the settings ``DIR/course.toml``; the
roster comes from ``logicrm roster import``.  Mistakes in inputs end the command
with exit code 1 and a message naming the file, sheet and cell; warnings are
printed and the command goes on.
"""
from __future__ import annotations

from datetime import timezone
from pathlib import Path

import click

from ..i18n import t
from .layer import command, course_folder, group, option, table_text

NO_VALUE = "-"
"""Shown for a number that does not exist (e.g. no peer-group ratings)."""


def _echo_problems(problems) -> None:
    for problem in problems:
        click.echo(f"{t('rubric.cli.' + problem.level)}{problem.text()}", err=True)


def _number(value, decimals: int) -> str:
    return NO_VALUE if value is None or value != value else f"{value:.{decimals}f}"


def _shown(table, numbers: dict[str, int]):
    """``table`` for the screen: numbers rounded (``numbers``: column → decimals), yes/no
    and notes in words, headings from the catalogue."""
    shown = table.copy()
    for column, decimals in numbers.items():
        shown[column] = [_number(v, decimals) for v in shown[column]]
    if "submitted" in shown:
        shown["submitted"] = [t("rubric.report.yes" if v else "rubric.report.no") for v in shown["submitted"]]
    if "note" in shown:
        shown["note"] = [t(key) if key else "" for key in shown["note"]]
    return shown.rename(columns=lambda c: t(f"rubric.col.{c}"))


def _local_time(moment) -> str:
    """A stored UTC time (naive) as the computer's local time, to the minute."""
    if moment is None or moment != moment:  # None, or NaT
        return ""
    if hasattr(moment, "to_pydatetime"):
        moment = moment.to_pydatetime()
    return moment.replace(tzinfo=timezone.utc).astimezone().strftime("%Y-%m-%d %H:%M")


def _audit_shown(trail, roster):
    """The audit trail for a teacher: who, when, which rubric, file and sheet, how many
    scores, and whether they are still in force (digests stay in the database)."""
    import pandas as pd

    from ..rubric.raters import Rater, rater_label

    names = dict(zip(roster["id"], roster["name"]))
    rows = []
    for s in trail.itertuples(index=False):
        if s.rater_kind == "member" and s.rater not in names:
            who = s.rater  # no longer in the roster: the id is all there is
        else:
            who = rater_label(Rater(s.rater_kind, s.rater, names.get(s.rater, ""), ()))
        replaced = _local_time(s.replaced)
        status = t("rubric.cli.replaced", time=replaced) if replaced else t("rubric.cli.in_force")
        rows.append((who, _local_time(s.received), s.rubric, s.source, s.sheet or "", s.n_scores, status))
    columns = ["rater", "received", "rubric", "source", "sheet", "n_scores", "status"]
    return pd.DataFrame(rows, columns=columns).rename(columns=lambda c: t(f"rubric.col.{c}"))


@group("rubric", "rubric.cli.group_help")
def rubric():
    pass


@command("check", "rubric.cli.check_help", parent=rubric)
@click.argument("files", nargs=-1, type=click.Path(dir_okay=False, path_type=Path))
def check(files, course_dir):
    from ..rubric.course import load_rubrics
    from ..rubric.rubric_files import load_rubric
    from ..rubric.settings import load_settings

    if files:
        rubrics = [load_rubric(f) for f in files]
    else:  # the course's own choice
        presentations, member = load_rubrics(load_settings(course_folder(course_dir)))
        rubrics = [*presentations, member]
    for item in rubrics:
        click.echo(t("rubric.cli.rubric_ok", rubric=item.id, criteria=len(item.criteria),
                     max=f"{item.max_total:g}", source=item.source))


@command("sheets", "rubric.cli.sheets_help", parent=rubric)
@option("--out", type=click.Path(file_okay=False, path_type=Path), default=None,
        help="rubric.cli.sheets_out")
def sheets(out, course_dir):
    from ..rubric.course import open_course
    from ..rubric.sheets import write_score_sheets

    course_dir = course_folder(course_dir)
    course = open_course(course_dir)
    out = out or course_dir / "rubric_sheets"
    for item in (*course.presentations, course.member_rubric):
        paths = write_score_sheets(item, course.roster, out,
                                   self_rating=course.settings.rubric.self_rating)
        click.echo(t("rubric.cli.sheets_written", count=len(paths), rubric=item.id, folder=out))


@command("import", "rubric.cli.import_help", parent=rubric)
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
def import_(paths, course_dir):
    from ..rubric.importing import import_sheets

    report = import_sheets(paths, course_folder(course_dir))
    _echo_problems(report.problems)
    click.echo(t("rubric.cli.imported", sheets=len(report.statements),
                 scores=sum(len(s.scores) for s in report.statements)))


@command("marks", "rubric.cli.marks_help", parent=rubric)
def marks(course_dir):
    from ..rubric.course import open_course
    from ..rubric.importing import missing_warnings
    from ..rubric.marks import course_marks
    from ..rubric.report import flag_messages

    course = open_course(course_folder(course_dir))
    decimals = course.settings.grades.decimals
    _echo_problems(missing_warnings(course))
    for rubric in course.presentations:
        result = course_marks(course, rubric)
        if len(course.presentations) > 1:
            click.echo(t("rubric.cli.presentation", rubric=rubric.id))
        click.echo(table_text(_shown(result.groups,
                                     dict.fromkeys(["teacher", "peer_mean", "score"], decimals))))
        click.echo()
        members = result.members.drop(columns="note")  # the group's note, shown above
        click.echo(table_text(_shown(members, {"group_score": decimals, "factor": 3,
                                               "mark": decimals})))
        for message in flag_messages(result.flags, course.roster, None):
            click.echo(t("rubric.cli.flag", message=message))
    click.echo(t("rubric.cli.factor_explained"))


@command("grades", "rubric.cli.grades_help", parent=rubric)
@option("--out", type=click.Path(file_okay=False, path_type=Path), default=None,
        help="rubric.cli.grades_out")
def grades(out, course_dir):
    from ..rubric.grade_sheet import export_final_grades

    paths = export_final_grades(course_folder(course_dir), out)
    click.echo(t("rubric.cli.written", paths=", ".join(str(p) for p in paths.values())))


@command("report", "rubric.cli.report_help", parent=rubric)
@option("--out", type=click.Path(file_okay=False, path_type=Path), default=None,
        help="rubric.cli.report_out")
def report(out, course_dir):
    from ..rubric.course import open_course
    from ..rubric.marks import course_marks
    from ..rubric.report import write_group_reports

    course_dir = course_folder(course_dir)
    course = open_course(course_dir)
    out = out or course_dir / "rubric_reports"
    several = len(course.presentations) > 1
    for rubric in course.presentations:  # one folder per presentation when there are several
        paths = write_group_reports(course, course_marks(course, rubric),
                                    out / rubric.id if several else out)
        click.echo(t("rubric.cli.written", paths=", ".join(str(p) for p in paths)))


@command("audit", "rubric.cli.audit_help", parent=rubric)
def audit(course_dir):
    from ..rubric.store import DB_FILE, audit_trail, load_roster, open_store

    course_dir = course_folder(course_dir)
    if not (course_dir / DB_FILE).is_file():  # looking must not create the database
        click.echo(t("rubric.cli.audit_empty"))
        return
    engine = open_store(course_dir)
    trail = audit_trail(engine)
    if trail.empty:
        click.echo(t("rubric.cli.audit_empty"))
        return
    click.echo(table_text(_audit_shown(trail, load_roster(engine, required=False))))
