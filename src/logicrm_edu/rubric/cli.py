"""``logicrm rubric …`` commands (also ``python -m logicrm_edu.rubric …``).

The main CLI attaches the group with ``main.add_command(rubric)``.  Every
command takes ``--course DIR`` (default ``.``; the nbgrader gradebook is
``DIR/gradebook.db``, the rubric database ``DIR/rubric.db``, settings
``DIR/course.toml``) and ``--lang zh|en``.  Mistakes in inputs end the command
with exit code 1 and a message naming the file, sheet and cell; warnings are
printed and the command goes on.
"""
from __future__ import annotations

import functools
from pathlib import Path

import click

from ..errors import DataError
from ..i18n import set_language, t
from .course import load_rubrics, open_course
from .grade_sheet import export_final_grades
from .importing import import_sheets, missing_warnings
from .marks import course_marks
from .problems import RubricError
from .report import flag_messages, write_group_reports
from .roster import read_roster
from .rubric_files import load_rubric
from .settings import load_settings
from .sheets import write_score_sheets
from .store import audit_trail, open_store, save_roster


def _command(function):
    """Add ``--course`` and ``--lang``, set the language, turn input errors into exit code 1."""
    @click.option("--course", "course_dir", default=".", show_default=True,
                  type=click.Path(file_okay=False, path_type=Path), help=t("rubric.cli.course_option"))
    @click.option("--lang", type=click.Choice(["zh", "en"]), default=None, help=t("rubric.cli.lang_option"))
    @functools.wraps(function)
    def wrapper(*args, lang=None, **kwargs):
        set_language(lang)
        try:
            return function(*args, **kwargs)
        except (RubricError, DataError) as exc:
            raise click.ClickException(str(exc)) from None
    return wrapper


def _echo_problems(problems) -> None:
    for problem in problems:
        click.echo(f"{t('rubric.cli.' + problem.level)} {problem.text()}", err=True)


def _shown(table):
    """``table`` with headings from the catalogue and notes as text."""
    shown = table.assign(note=[t(key) if key else "" for key in table["note"]])
    return shown.rename(columns=lambda c: t(f"rubric.col.{c}"))


@click.group(name="rubric", help=t("rubric.cli.group_help"))
def rubric():
    pass


@rubric.command("check", help=t("rubric.cli.check_help"))
@click.argument("files", nargs=-1, type=click.Path(dir_okay=False, path_type=Path))
@_command
def check(files, course_dir):
    rubrics = [load_rubric(f) for f in files] if files else list(load_rubrics(load_settings(course_dir)))
    for item in rubrics:
        click.echo(t("rubric.cli.rubric_ok", rubric=item.id, criteria=len(item.criteria),
                     max=f"{item.max_total:g}", source=item.source))


@rubric.command("roster", help=t("rubric.cli.roster_help"))
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@_command
def roster(file, course_dir):
    table = read_roster(file)
    save_roster(open_store(course_dir), table)
    click.echo(t("rubric.cli.roster_saved", students=len(table), groups=table["group"].nunique()))


@rubric.command("sheets", help=t("rubric.cli.sheets_help"))
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), default=None,
              help=t("rubric.cli.sheets_out"))
@_command
def sheets(out, course_dir):
    course = open_course(course_dir)
    out = out or course_dir / "rubric_sheets"
    for item in (course.group_rubric, course.member_rubric):
        paths = write_score_sheets(item, course.roster, out,
                                   self_rating=course.settings.rubric.self_rating)
        click.echo(t("rubric.cli.sheets_written", count=len(paths), rubric=item.id, folder=out))


@rubric.command("import", help=t("rubric.cli.import_help"))
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@_command
def import_(paths, course_dir):
    files = [f for p in paths for f in (sorted(p.glob("*.xlsx")) if p.is_dir() else [p])
             if not f.name.startswith("~$")]  # skip Excel's lock files
    report = import_sheets(files, course_dir)
    _echo_problems(report.problems)
    click.echo(t("rubric.cli.imported", sheets=len(report.statements),
                 scores=sum(len(s.scores) for s in report.statements)))


@rubric.command("marks", help=t("rubric.cli.marks_help"))
@_command
def marks(course_dir):
    course = open_course(course_dir)
    result = course_marks(course)
    _echo_problems(missing_warnings(course))
    click.echo(_shown(result.groups).round(2).to_string(index=False))
    click.echo()
    click.echo(_shown(result.members).round(3).to_string(index=False))
    for message in flag_messages(result.flags, course.roster, None):
        click.echo(t("rubric.cli.flag", message=message))


@rubric.command("grades", help=t("rubric.cli.grades_help"))
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), default=None,
              help=t("rubric.cli.grades_out"))
@_command
def grades(out, course_dir):
    paths = export_final_grades(course_dir, out)
    click.echo(t("rubric.cli.written", paths=", ".join(str(p) for p in paths.values())))


@rubric.command("report", help=t("rubric.cli.report_help"))
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), default=None,
              help=t("rubric.cli.report_out"))
@_command
def report(out, course_dir):
    course = open_course(course_dir)
    paths = write_group_reports(course, course_marks(course), out or course_dir / "rubric_reports")
    click.echo(t("rubric.cli.written", paths=", ".join(str(p) for p in paths)))


@rubric.command("audit", help=t("rubric.cli.audit_help"))
@_command
def audit(course_dir):
    click.echo(audit_trail(open_store(course_dir)).to_string(index=False))
