"""``logicrm``: the instructor's command line (one command per step of the course).

``logicrm init`` → ``roster import`` → ``release`` → ``collect`` → ``autograde`` →
``feedback`` → ``export``; ``status`` at any time; ``rubric …`` for group
presentations; ``demo`` runs everything on a simulated class.  Every command
takes ``--course DIR`` (default ``.``) and ``--lang zh|en``; without ``--lang``
the language is ``LOGICRM_LANG``, else the locale (``LC_ALL``, ``LC_MESSAGES``,
``LANG``; English when it starts with "en"), else Chinese.  Help texts are
catalogue keys translated when shown, so ``logicrm --lang en --help`` is English.
Expected mistakes end with exit code 1 and a message naming the file and row.
"""
from __future__ import annotations

import functools
import os
import re
import signal
import time
from datetime import datetime, time as day_time
from pathlib import Path

import click
import pandas as pd

from .errors import DataError
from .i18n import set_language, t
from .messages import CATALOGUE

_LANG_KEY = "logicrm.lang"


# language and bilingual help ------------------------------------------------------------

def env_language() -> str:
    """``LOGICRM_LANG``, else the locale variables; "en" when the value starts with "en"."""
    for name in ("LOGICRM_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name, "")
        if value:
            return "en" if value.lower().startswith("en") else "zh"
    return "zh"


def _language() -> str:
    ctx = click.get_current_context(silent=True)
    return (ctx.meta.get(_LANG_KEY) if ctx else None) or env_language()


def _tr(text):
    """A catalogue key → its text in the language in force; other text unchanged."""
    return t(text, _language()) if isinstance(text, str) and text in CATALOGUE else text


class _Swap:
    """Translate ``obj.help`` while click formats it."""

    def __init__(self, obj):
        self.obj = obj

    def __enter__(self):
        self.key = self.obj.help
        self.obj.help = _tr(self.key)

    def __exit__(self, *exc):
        self.obj.help = self.key


class Option(click.Option):
    def get_help_record(self, ctx):
        with _Swap(self):
            return super().get_help_record(ctx)


class Command(click.Command):
    def format_help_text(self, ctx, formatter):
        with _Swap(self):
            super().format_help_text(ctx, formatter)

    def get_short_help_str(self, limit: int = 45) -> str:
        """The first sentence (Chinese has no spaces for click to shorten at)."""
        text = _tr(self.help) or ""
        first = re.split(r"[。：；]|: |\. ", text, maxsplit=1)[0].strip().rstrip("。.")
        return first if len(first) <= 2 * limit else first[:2 * limit] + "…"

    def get_help_option(self, ctx):
        option = super().get_help_option(ctx)
        if option is not None:
            option.help = _tr("cli.opt.help")
        return option


class Group(click.Group, Command):
    command_class = Command
    group_class = type  # subgroups are of this class too


def _remember_language(ctx, param, value):
    if value:
        ctx.meta[_LANG_KEY] = value
    set_language(ctx.meta.get(_LANG_KEY) or env_language())
    return value


_lang_option = click.option("--lang", type=click.Choice(["zh", "en"]), default=None,
                            is_eager=True, expose_value=False, callback=_remember_language,
                            cls=Option, help="cli.opt.lang")


def _opt(*names, **kwargs):
    return click.option(*names, cls=Option, **kwargs)


def _command(group, name, help_key, *, course=True):
    """Register a command with ``--lang`` (and ``--course``); turn expected mistakes into
    exit code 1 with the catalogue message."""
    def decorate(function):
        @functools.wraps(function)
        def wrapper(*args, **kwargs):
            try:
                return function(*args, **kwargs)
            except DataError as exc:
                raise click.ClickException(str(exc)) from None
            except _Expected as exc:
                raise click.ClickException(exc.text) from None

        wrapped = wrapper
        if course:
            wrapped = _opt("--course", "course_dir", default=".", show_default=True,
                           type=click.Path(file_okay=False, path_type=Path),
                           help="cli.opt.course")(wrapped)
        wrapped = _lang_option(wrapped)
        return group.command(name, cls=Command, help=help_key)(wrapped)
    return decorate


class _Expected(Exception):
    def __init__(self, key: str, **fields):
        super().__init__(key)
        self.text = t(key, **fields)


def _course(course_dir: Path) -> Path:
    if not (course_dir / "nbgrader_config.py").is_file():
        raise _Expected("cli.err.not_course", course=course_dir)
    return course_dir.resolve()


def _assignment(course_dir: Path, assignment: str) -> None:
    from .release import UnknownAssignment, check_assignment

    try:
        check_assignment(course_dir, assignment)
    except UnknownAssignment as exc:
        raise _Expected("cli.err.unknown_assignment", assignment=assignment,
                        known=", ".join(exc.known) or "-") from None


def _table(frame: pd.DataFrame) -> str:
    with pd.option_context("display.unicode.east_asian_width", True, "display.width", 200,
                           "display.max_columns", 50, "display.max_rows", 500):
        return frame.to_string(index=False)


def _headed(frame: pd.DataFrame) -> pd.DataFrame:
    return frame.rename(columns=lambda c: t(f"cli.col.{c}") if f"cli.col.{c}" in CATALOGUE else c)


# the group ----------------------------------------------------------------------------------

@click.group(cls=Group, help="cli.main_help", context_settings={"max_content_width": 100})
@_lang_option
def main():
    from .nbgrader_imports import skip_iri_grammar
    skip_iri_grammar()  # before any command imports nbgrader


# init -----------------------------------------------------------------------------------------

@_command(main, "init", "cli.init.help", course=False)
@click.argument("directory", type=click.Path(path_type=Path))
@_opt("--textbook-data", is_flag=True, help="cli.init.opt_textbook")
@_opt("--customers", type=click.IntRange(5, 500), default=20, show_default=True,
      help="cli.init.opt_customers")
def init(directory, textbook_data, customers):
    from .course_template import TemplateMissing, init_course

    try:
        init_course(directory, textbook_data=textbook_data, customers=customers)
    except FileExistsError:
        raise _Expected("cli.init.not_empty", directory=directory) from None
    except TemplateMissing as exc:
        raise _Expected("cli.init.no_template", searched=str(exc)) from None
    click.echo(t("cli.init.done", directory=directory,
                 dataset=t("cli.init.textbook" if textbook_data else "cli.init.per_student")))
    click.echo(t("cli.init.next", directory=directory))


# tier: a teacher's own spreadsheet ------------------------------------------------------------

@_command(main, "tier", "cli.tier.help", course=False)
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@_opt("--sheet", default=None, help="cli.tier.opt_sheet")
@_opt("--cuts", nargs=2, type=float, default=(80, 95), show_default=True, help="cli.tier.opt_cuts")
@_opt("--boundary", type=click.Choice(["le", "lt", "cross"]), default="le", show_default=True,
      help="cli.tier.opt_boundary")
@_opt("--ties", type=click.Choice(["same", "order"]), default="same", show_default=True,
      help="cli.tier.opt_ties")
@_opt("--out", type=click.Path(file_okay=False, path_type=Path), default=Path("tier-report"),
      show_default=True, help="cli.tier.opt_out")
def tier(file, sheet, cuts, boundary, ties, out):
    from .customer_files import read_customers
    from .tier_report import write_tier_report

    customers = read_customers(file, sheet=int(sheet) if sheet and sheet.isdigit() else sheet)
    cuts = tuple(int(c) if float(c).is_integer() else c for c in cuts)
    write_tier_report(customers, out, cuts=cuts, boundary=boundary, ties=ties, echo=click.echo)


# roster -------------------------------------------------------------------------------------------

@main.group("roster", cls=Group, help="cli.roster.help")
def roster():
    pass


@_command(roster, "import", "cli.roster.import_help")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
def roster_import(file, course_dir):
    from .roster_import import import_roster

    result = import_roster(_course(course_dir), file)
    click.echo(t("cli.roster.imported", students=result.students, classes=result.classes,
                 groups=result.groups, added=len(result.added), updated=len(result.updated)))
    if result.unknown_columns:
        click.echo(t("cli.roster.unknown_columns", columns=", ".join(result.unknown_columns)),
                   err=True)
    if result.kept:
        click.echo(t("cli.roster.kept", count=len(result.kept), ids=", ".join(result.kept[:10])),
                   err=True)


@_command(roster, "show", "cli.roster.show_help")
def roster_show(course_dir):
    from .roster_import import class_roster

    table = class_roster(_course(course_dir))
    click.echo(_table(_headed(table)) if len(table) else t("cli.roster.empty"))


# release ------------------------------------------------------------------------------------------

@_command(main, "release", "cli.release.help")
@click.argument("assignment")
@_opt("--no-exchange", is_flag=True, help="cli.release.opt_no_exchange")
def release(assignment, no_exchange, course_dir):
    do_release(_course(course_dir), assignment, exchange=not no_exchange)


def do_release(course_dir: Path, assignment: str, *, exchange: bool = True, progress=True):
    from .release import NoSeed, release_assignment
    from .roster_import import class_roster

    _assignment(course_dir, assignment)
    students = [(r.id, r.name) for r in class_roster(course_dir).itertuples()]
    try:
        result = release_assignment(course_dir, assignment, students, exchange=exchange,
                                    progress=progress)
    except NoSeed as exc:
        raise _Expected("cli.release.no_seed", file=str(exc)) from None
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
    return result


# collect ------------------------------------------------------------------------------------------

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
        raise _Expected("cli.collect.bad_deadline", given=text) from None
    return moment if moment.tzinfo else moment.astimezone()


@_command(main, "collect", "cli.collect.help")
@click.argument("assignment")
@_opt("--from", "source", type=click.Path(exists=True, path_type=Path), default=None,
      help="cli.collect.opt_from")
@_opt("--deadline", default=None, help="cli.collect.opt_deadline")
@_opt("--no-exchange", is_flag=True, help="cli.collect.opt_no_exchange")
def collect(assignment, source, deadline, no_exchange, course_dir):
    do_collect(_course(course_dir), assignment, source, _deadline(deadline),
               exchange=not no_exchange)


def do_collect(course_dir: Path, assignment: str, source=None, deadline=None, *, exchange=True):
    import zipfile

    from .collect import CollectReport, collect_exchange, collect_uploads, note_unknown_students
    from .grading.context import TeacherSetupError
    from .grading.data_check import check_course
    from .roster_import import class_roster

    _assignment(course_dir, assignment)
    roster = class_roster(course_dir)
    report = CollectReport(assignment)
    if exchange:
        collect_exchange(course_dir, assignment, report, deadline)
    if source is not None:
        try:
            collect_uploads(course_dir, assignment, source,
                            list(zip(roster["id"], roster["name"])), deadline=deadline,
                            report=report)
        except zipfile.BadZipFile:
            raise _Expected("cli.collect.bad_zip", file=source) from None
    note_unknown_students(course_dir, assignment, roster["id"], report)
    _print_collect(report, roster, course_dir)
    try:
        checks = check_course(course_dir, assignment)
    except TeacherSetupError as exc:
        raise _Expected("cli.collect.cannot_check", reason=str(exc)) from None
    _print_data_checks(checks, roster)
    return report


def _print_data_checks(checks: dict, roster) -> None:
    """The submissions whose data file is not the one handed out (likely copying), and how
    many came without one (graded with the data handed out all the same)."""
    names = dict(zip(roster["id"], roster["name"]))
    flagged = [{"student": s, "name": names.get(s, ""), "detail": c.text()}
               for s, c in sorted(checks.items()) if c.flagged]
    if flagged:
        click.echo(t("cli.collect.data_flagged", count=len(flagged)))
        click.echo(_table(_headed(pd.DataFrame(flagged))))
    without = sum(c.status == "missing" for c in checks.values())
    if without:
        click.echo(t("cli.collect.data_missing", count=without))


def _print_collect(report, roster, course_dir: Path) -> None:
    names = dict(zip(roster["id"], roster["name"]))
    click.echo(t("cli.collect.summary", assignment=report.assignment,
                 collected=report.count("collected") + report.count("exchange"),
                 kept=report.count("kept_existing"), late=len(report.late),
                 duplicates=report.count("duplicate"),
                 unmatched=report.count("unmatched") + report.count("corrupt")))
    shown = [o for o in report.outcomes if o.status != "collected" or o.late]
    if shown:
        rows = [{"file": o.file, "student": o.student, "name": names.get(o.student, ""),
                 "time": o.time.astimezone().strftime("%Y-%m-%d %H:%M") if o.time else "",
                 "status": t(f"cli.collect.status.{o.status}") + (
                     t("cli.collect.late_mark") if o.late else ""),
                 "detail": t(f"cli.collect.why.{o.detail}") if f"cli.collect.why.{o.detail}"
                 in CATALOGUE else o.detail}
                for o in shown]
        click.echo(_table(_headed(pd.DataFrame(rows))))
    if report.not_in_roster:
        click.echo(t("cli.collect.not_in_roster", ids=", ".join(report.not_in_roster)), err=True)
    if report.set_aside:
        click.echo(t("cli.collect.set_aside", folder=report.set_aside))
    missing = sorted(set(roster["id"]) - {p.parent.name for p in
                                          (course_dir / "submitted").glob(f"*/{report.assignment}")})
    if missing:
        click.echo(t("cli.collect.missing", count=len(missing),
                     ids=", ".join(f"{s} {names.get(s, '')}" for s in missing[:15])))


# autograde ------------------------------------------------------------------------------------------

@_command(main, "autograde", "cli.autograde.help")
@click.argument("assignment")
@_opt("--workers", type=click.IntRange(1, 64), default=None, help="cli.autograde.opt_workers")
@_opt("--force", is_flag=True, help="cli.autograde.opt_force")
@_opt("--student", "students", multiple=True, help="cli.autograde.opt_student")
@_opt("--unsandboxed", is_flag=True, help="cli.autograde.opt_unsandboxed")
def autograde(assignment, workers, force, students, unsandboxed, course_dir):
    do_autograde(_course(course_dir), assignment, workers=workers, force=force,
                 students=list(students) or None, sandboxed=not unsandboxed)


def do_autograde(course_dir: Path, assignment: str, *, workers=None, force=False, students=None,
                 sandboxed=True):
    from .roster_import import class_roster

    _assignment(course_dir, assignment)
    from .autograde import (AssignmentNotGenerated, BatchInterrupted, UnknownStudents,
                            autograde_submissions)
    from .grading.context import TeacherSetupError
    from .sandbox.bwrap import CourseVisible
    from .sandbox.probe import SandboxUnavailable

    if not sandboxed:
        click.echo(t("cli.autograde.unsandboxed"), err=True)
    workers = workers or max(1, min(4, os.cpu_count() or 1))
    start = time.perf_counter()
    stop = signal.signal(signal.SIGTERM, _interrupt)  # say whom it was grading, as on Ctrl-C
    try:
        results = autograde_submissions(course_dir, assignment, students=students,
                                        workers=workers, force=force, progress=True,
                                        sandboxed=sandboxed)
    except (UnknownStudents, AssignmentNotGenerated) as exc:  # the message says which
        raise _Expected("cli.autograde.lookup", reason=str(exc)) from None
    except BatchInterrupted as exc:
        raise _Expected("autograde.interrupted", students=", ".join(exc.students) or "-") from None
    except SandboxUnavailable as exc:
        raise _Expected("cli.autograde.no_sandbox", reason=exc.reason) from None
    except CourseVisible as exc:
        raise _Expected("cli.autograde.course_visible", reason=str(exc)) from None
    except TeacherSetupError as exc:
        raise _Expected("cli.autograde.setup", reason=str(exc)) from None
    finally:
        signal.signal(signal.SIGTERM, stop)
    elapsed = time.perf_counter() - start
    names = dict(class_roster(course_dir)[["id", "name"]].itertuples(index=False))
    scores = _scores(course_dir, assignment)
    rows = [{"student": r.student, "name": names.get(r.student, ""),
             "status": t(f"cli.autograde.status.{r.status}")
             if f"cli.autograde.status.{r.status}" in CATALOGUE else r.status,
             "score": scores.get(r.student, ""), "seconds": round(float(r.seconds), 1),
             "note": r.note or ""} for r in results]
    if rows:
        click.echo(_table(_headed(pd.DataFrame(rows))))
    counts = {s: sum(r.status == s for r in results) for s in ("graded", "skipped", "failed")}
    click.echo(t("cli.autograde.summary", assignment=assignment, seconds=f"{elapsed:.0f}",
                 workers=workers, **counts))
    if not sandboxed:
        click.echo(t("cli.autograde.unsandboxed"), err=True)
    return results


def _interrupt(signum, frame):
    raise KeyboardInterrupt


def _scores(course_dir: Path, assignment: str) -> dict[str, str]:
    from .nbgrader_course import gradebook

    with gradebook(course_dir) as gb:
        try:
            return {s.student.id: f"{s.score:g}/{s.max_score:g}"
                    for s in gb.assignment_submissions(assignment)}
        except Exception:  # noqa: BLE001 - not in the gradebook yet: no scores to show
            return {}


# feedback -----------------------------------------------------------------------------------------

@_command(main, "feedback", "cli.feedback.help")
@click.argument("assignment")
@_opt("--no-exchange", is_flag=True, help="cli.feedback.opt_no_exchange")
def feedback(assignment, no_exchange, course_dir):
    do_feedback(_course(course_dir), assignment, exchange=not no_exchange)


def do_feedback(course_dir: Path, assignment: str, *, exchange=True) -> Path:
    from .grading.feedback import generate_feedback
    from .nbgrader_course import nbgrader_api
    from .roster_import import class_roster

    _assignment(course_dir, assignment)
    if not any((course_dir / "autograded").glob(f"*/{assignment}")):
        raise _Expected("cli.feedback.nothing", assignment=assignment)
    report = generate_feedback(course_dir, assignment)
    count = len(report.done)
    click.echo(t("cli.feedback.done", assignment=assignment, count=count,
                 folder=course_dir / "feedback"))
    if report.failed:
        names = dict(class_roster(course_dir)[["id", "name"]].itertuples(index=False))
        click.echo(t("cli.feedback.failed", count=len(report.failed), assignment=assignment), err=True)
        for failure in report.failed:
            click.echo(t("cli.feedback.failed_student", student=failure.student,
                         name=names.get(failure.student, ""), reason=failure.reason), err=True)
    if report.pending:
        click.echo(t("feedback.manual_pending", count=len(report.pending), assignment=assignment,
                     students=", ".join(s.student for s in report.pending[:15])), err=True)
    if exchange:  # only submissions that came through the exchange carry its secret
        api = nbgrader_api(course_dir)
        via_exchange = [sid for sid in report.done
                        if (course_dir / "submitted" / sid / assignment / "submission_secret.txt").is_file()]
        failed = [sid for sid in via_exchange
                  if not (api.release_feedback(assignment, sid) or {}).get("success")]
        click.echo(t("cli.feedback.released", count=len(via_exchange) - len(failed),
                     others=count - len(via_exchange) + len(failed)))
    return course_dir / "feedback"


# export, status -----------------------------------------------------------------------------------

@_command(main, "export", "cli.export.help")
@_opt("--out", type=click.Path(file_okay=False, path_type=Path), default=None,
      help="cli.export.opt_out")
def export(out, course_dir):
    do_export(_course(course_dir), out)


def do_export(course_dir: Path, out=None) -> dict[str, Path]:
    from .grade_export import export_grades

    try:
        paths = export_grades(course_dir, out)
    except PermissionError as exc:  # Excel keeps an open workbook locked on Windows
        raise _Expected("cli.export.locked", file=exc.filename or out) from None
    for path in paths.values():
        click.echo(t("cli.wrote", path=path))
    return paths


@_command(main, "status", "cli.status.help")
def status(course_dir):
    do_status(_course(course_dir))


def do_status(course_dir: Path) -> pd.DataFrame:
    from .course_status import course_status

    table, students = course_status(course_dir)
    click.echo(t("cli.status.students", count=students))
    if table.empty:
        click.echo(t("cli.status.none"))
        return table
    shown = table.assign(released=table["released"].map({True: t("cli.yes"), False: t("cli.no")}))
    click.echo(_table(_headed(shown)))
    return table


# report: what the class got wrong -----------------------------------------------------------------

@_command(main, "report", "cli.report.help")
@click.argument("assignment")
@_opt("--out", type=click.Path(file_okay=False, path_type=Path), default=None,
      help="cli.report.opt_out")
def report(assignment, out, course_dir):
    do_report(_course(course_dir), assignment, out)


def do_report(course_dir: Path, assignment: str, out=None) -> dict[str, Path]:
    from .class_report import class_report, verdict_folder, write_report
    from .class_report.labels import mistake_label, percent, step_label

    _assignment(course_dir, assignment)
    folder = verdict_folder(course_dir, assignment)
    if not any(folder.glob("*.json")):
        raise _Expected("cli.report.nothing", assignment=assignment, folder=folder)
    result = class_report(course_dir, assignment)
    out = out or course_dir / "reports" / assignment
    try:
        paths = write_report(result, out)
    except PermissionError as exc:  # Excel keeps an open workbook locked on Windows
        raise _Expected("cli.export.locked", file=exc.filename or out) from None
    course = result.course
    click.echo(t("cli.report.summary", assignment=assignment, graded=course.graded,
                 missing=course.not_handed_in, unreadable=course.unreadable))
    click.echo(t("cli.report.pass_rates", rates=t("where.sep").join(
        f"{step_label(s)} {percent(course.steps[s].pass_rate)}" for s in result.steps)))
    review = [t("cli.report.mistake", mistake=mistake_label(m), count=m.students)
              for m in result.review()]
    click.echo(t("cli.report.review", mistakes=t("where.sep").join(review)) if review
               else t("cli.report.no_mistakes"))
    for path in paths.values():
        click.echo(t("cli.wrote", path=path))
    return paths


# demo ---------------------------------------------------------------------------------------------

@_command(main, "demo", "cli.demo.help", course=False)
@click.argument("directory", type=click.Path(path_type=Path), default=Path("demo-course"))
@_opt("--seed", type=int, default=0, show_default=True, help="cli.demo.opt_seed")
@_opt("--workers", type=click.IntRange(1, 64), default=None, help="cli.autograde.opt_workers")
def demo(directory, seed, workers):
    from .course_template import TemplateMissing, init_course
    from .demo_class import DEADLINE, build_lms_zip, demo_roster_path
    from .roster_import import import_roster, read_class_roster
    from .rubric.demo import simulate_presentations, write_final_grades

    start = time.perf_counter()
    assignment = "abc_tiering"
    try:
        course = init_course(directory).resolve()
    except FileExistsError:
        raise _Expected("cli.init.not_empty", directory=directory) from None
    except TemplateMissing as exc:
        raise _Expected("cli.init.no_template", searched=str(exc)) from None
    click.echo(t("cli.demo.step", step=1, what=t("cli.demo.s_init", directory=course)))
    roster_file = demo_roster_path()
    import_roster(course, roster_file)
    table, _ = read_class_roster(roster_file)
    click.echo(t("cli.demo.step", step=2, what=t("cli.demo.s_roster", students=len(table),
                                                    groups=table["group"].nunique())))
    click.echo(t("cli.demo.step", step=3, what=t("cli.demo.s_release")))
    do_release(course, assignment)
    lms_zip = course / "lms_download" / f"{assignment}.zip"
    plan = build_lms_zip(course, assignment, table, lms_zip, seed=seed)
    click.echo(t("cli.demo.step", step=4, what=t("cli.demo.s_collect", file=lms_zip)))
    do_collect(course, assignment, lms_zip, DEADLINE.astimezone())
    click.echo(t("cli.demo.step", step=5, what=t("cli.demo.s_autograde")))
    do_autograde(course, assignment, workers=workers)
    click.echo(t("cli.demo.step", step=6, what=t("cli.demo.s_feedback")))
    feedback_dir = do_feedback(course, assignment)
    click.echo(t("cli.demo.step", step=7, what=t("cli.demo.s_report")))
    class_report = do_report(course, assignment)
    click.echo(t("cli.demo.step", step=8, what=t("cli.demo.s_export")))
    exported = do_export(course)
    click.echo(t("cli.demo.step", step=9, what=t("cli.demo.s_rubric")))
    report = simulate_presentations(course, table, seed, progress=True)
    for problem in report.problems:
        click.echo(problem.text(), err=True)
    final = write_final_grades(course)
    click.echo()
    do_status(course)
    kinds = pd.Series(plan).map(lambda k: t("cli.demo.kind." + k.split("_")[0]))
    click.echo(t("cli.demo.kinds", counts=", ".join(f"{k} {n}" for k, n in
                                                     kinds.value_counts().items())))
    click.echo(t("cli.demo.done", seconds=f"{time.perf_counter() - start:.0f}"))
    click.echo(t("cli.demo.grade_sheet", path=final["xlsx"]))
    click.echo(t("cli.demo.export", path=exported["xlsx"]))
    click.echo(t("cli.demo.feedback", path=feedback_dir))
    click.echo(t("cli.demo.report", path=class_report["html"]))


# the rubric commands (logicrm rubric …) --------------------------------------------------------------

from .rubric.cli import rubric  # noqa: E402  (imported last: it is a finished click group)

main.add_command(rubric)
