"""``logicrm demo``: the whole course on a simulated class."""
from __future__ import annotations

import time
from pathlib import Path

import click

from ..i18n import t
from .autograde import do_autograde
from .collect import do_collect
from .export import do_export
from .feedback import do_feedback
from .layer import Expected, command, option
from .release import do_release
from .report import do_report
from .status import do_status


@command("demo", "cli.demo.help", course=False)
@click.argument("directory", type=click.Path(path_type=Path), default=Path("demo-course"))
@option("--seed", type=int, default=0, show_default=True, help="cli.demo.opt_seed")
@option("--workers", type=click.IntRange(1, 64), default=None, help="cli.autograde.opt_workers")
def demo(directory, seed, workers):
    import pandas as pd

    from ..course.release import source_assignments
    from ..course.template import TemplateMissing, init_course
    from ..course.demo_class import build_lms_zip, deadline, demo_roster_path
    from ..course.roster import import_roster
    from ..rubric.demo import simulate_presentations, write_final_grades

    start = time.perf_counter()
    try:
        course = init_course(directory).resolve()
    except FileExistsError:
        raise Expected("cli.init.not_empty", directory=directory) from None
    except TemplateMissing as exc:
        raise Expected("cli.init.no_template", searched=str(exc)) from None
    click.echo(t("cli.demo.step", step=1, what=t("cli.demo.s_init", directory=course)))
    roster_file = demo_roster_path()
    table = import_roster(course, roster_file).table
    click.echo(t("cli.demo.step", step=2, what=t("cli.demo.s_roster", students=len(table),
                                                    groups=table["group"].nunique())))
    plans, reports = {}, {}
    # every assignment the course ships, each through the teacher's whole path, two weeks apart
    for number, assignment in enumerate(source_assignments(course)):
        click.echo(t("cli.demo.step", step=3, what=t("cli.demo.s_release", assignment=assignment)))
        do_release(course, assignment)
        lms_zip = course / "lms_download" / f"{assignment}.zip"
        plans[assignment] = build_lms_zip(course, assignment, table, lms_zip, seed=seed,
                                          due=deadline(number))
        click.echo(t("cli.demo.step", step=4, what=t("cli.demo.s_collect", file=lms_zip)))
        do_collect(course, assignment, lms_zip, deadline(number).astimezone())
        click.echo(t("cli.demo.step", step=5, what=t("cli.demo.s_autograde")))
        do_autograde(course, assignment, workers=workers)
        click.echo(t("cli.demo.step", step=6, what=t("cli.demo.s_feedback")))
        feedback = do_feedback(course, assignment)
        click.echo(t("cli.demo.step", step=7, what=t("cli.demo.s_report")))
        reports[assignment] = do_report(course, assignment)["html"]
    click.echo(t("cli.demo.step", step=8, what=t("cli.demo.s_export")))
    exported = do_export(course)
    click.echo(t("cli.demo.step", step=9, what=t("cli.demo.s_rubric")))
    report = simulate_presentations(course, table, seed, progress=True)
    for problem in report.problems:
        click.echo(problem.text(), err=True)
    final = write_final_grades(course)
    click.echo()
    do_status(course)
    kinds = pd.Series([kind for plan in plans.values() for kind in plan.values()])
    kinds = kinds.map(lambda k: t("cli.demo.kind." + k.split("_")[0]))
    click.echo(t("cli.demo.kinds", counts=", ".join(f"{k} {n}" for k, n in
                                                     kinds.value_counts().items())))
    click.echo(t("cli.demo.done", seconds=f"{time.perf_counter() - start:.0f}"))
    click.echo(t("cli.demo.grade_sheet", path=final["xlsx"]))
    click.echo(t("cli.demo.students", path=final["students"]))
    click.echo(t("cli.demo.export", path=exported["xlsx"]))
    click.echo(t("cli.demo.feedback", path=feedback))
    for path in reports.values():
        click.echo(t("cli.demo.report", path=path))
