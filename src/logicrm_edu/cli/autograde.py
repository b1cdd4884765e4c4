"""``logicrm autograde``: grade the collected submissions, in parallel and sandboxed."""
from __future__ import annotations

import os
import signal
import sys
import time
from pathlib import Path

import click

from ..i18n import t
from ..messages import CATALOGUE
from .layer import Expected, command, course_folder, headed, option, released_assignment, table_text


@command("autograde", "cli.autograde.help")
@click.argument("assignment")
@option("--workers", type=click.IntRange(1, 64), default=None, help="cli.autograde.opt_workers")
@option("--force", is_flag=True, help="cli.autograde.opt_force")
@option("--student", "students", multiple=True, help="cli.autograde.opt_student")
@option("--unsandboxed", is_flag=True, help="cli.autograde.opt_unsandboxed")
def autograde(assignment, workers, force, students, unsandboxed, course_dir):
    do_autograde(course_folder(course_dir), assignment, workers=workers, force=force,
                 students=list(students) or None, sandboxed=not unsandboxed)


def do_autograde(course_dir: Path, assignment: str, *, workers=None, force=False, students=None,
                 sandboxed=True):
    if not sys.platform.startswith("linux"):  # students' code runs in a Linux sandbox only
        raise Expected("cli.autograde.not_linux", platform=sys.platform)
    import pandas as pd

    from ..autograde import (AssignmentNotGenerated, BatchInterrupted, UnknownStudents,
                             autograde_submissions)
    from ..course.roster import class_roster
    from ..grading.context import TeacherSetupError
    from ..sandbox.bwrap import CourseVisible
    from ..sandbox.probe import SandboxUnavailable

    released_assignment(course_dir, assignment)
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
        raise Expected("cli.autograde.lookup", reason=str(exc)) from None
    except BatchInterrupted as exc:
        raise Expected("autograde.interrupted", students=", ".join(exc.students) or "-") from None
    except SandboxUnavailable as exc:
        raise Expected("cli.autograde.no_sandbox", reason=exc.reason) from None
    except CourseVisible as exc:
        raise Expected("cli.autograde.course_visible", reason=str(exc)) from None
    except TeacherSetupError as exc:
        raise Expected("cli.autograde.setup", reason=str(exc)) from None
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
        click.echo(table_text(headed(pd.DataFrame(rows))))
    counts = {s: sum(r.status == s for r in results) for s in ("graded", "skipped", "failed")}
    click.echo(t("cli.autograde.summary", assignment=assignment, seconds=f"{elapsed:.0f}",
                 workers=workers, **counts))
    if not sandboxed:
        click.echo(t("cli.autograde.unsandboxed"), err=True)
    return results


def _interrupt(signum, frame):
    raise KeyboardInterrupt


def _scores(course_dir: Path, assignment: str) -> dict[str, str]:
    """Each student's score as the teacher should read it: "18/20" when everything is
    marked, "12/12 自动 + 8 待批改" while steps wait for the teacher (not "12/20")."""
    from ..course.nbgrader_app import cell_scores

    try:
        cells = cell_scores(course_dir, assignment)
    except Exception:  # noqa: BLE001 - not in the gradebook yet: no scores to show
        return {}
    return {student: score_text(mine) for student, mine in cells.groupby("student")}


def score_text(cells) -> str:
    """The score of one student's grade cells (rows of ``cell_scores``)."""
    pending = cells["needs_manual_grade"].astype(bool) & cells["manual_score"].isna()
    done = cells[~pending]
    score, top = done["score"].fillna(0).sum(), done["max_score"].sum()
    if not pending.any():
        return f"{score:g}/{top:g}"
    marked = done["manual_score"].notna().any()  # some steps marked by hand already
    return t("manual.score.partly" if marked else "manual.score.pending", score=f"{score:g}",
             max=f"{top:g}", pending=f"{cells[pending]['max_score'].sum():g}")
