"""The class report: what a class got wrong in an assignment, to review in the next lesson.

Autograding keeps every test cell's verdict per student
(:mod:`.verdict_files`); ``class_report(course_dir, assignment)`` joins them
with the roster into plain data (:mod:`.summary`): per class, group and the
whole course the headcount and, per step, the pass rate, the mean share of
points, follow-through and typed-in answers; per mistake and step how many
students made it, per class and per group (typed-in answers are kept apart, not
counted as mistakes).  ``write_report(report, out_dir)`` writes ``report.xlsx``
(:mod:`.workbook`, with native Excel charts) and ``report.html`` (:mod:`.page`,
with the charts of :mod:`.charts`) in the language in force.  ``logicrm report ASSIGNMENT`` is the
command-line form.
"""
from __future__ import annotations

from pathlib import Path

from ..i18n import resolve
from ..course.safe_files import write_text, write_with
from .page import render_page
from .summary import (ClassReport, Cohort, MistakeCount, StepStats, StudentRow, StudentStep,
                      class_report)
from .verdict_files import Unreadable, verdict_folder
from .workbook import write_workbook


def write_report(report: ClassReport, out_dir, *, lang: str | None = None) -> dict[str, Path]:
    """Write ``report.xlsx`` and ``report.html`` into ``out_dir`` (each atomically);
    returns their paths under the keys "xlsx" and "html"."""
    lang = resolve(lang)
    out_dir = Path(out_dir)
    paths = {"xlsx": out_dir / "report.xlsx", "html": out_dir / "report.html"}
    write_with(paths["xlsx"], lambda path: write_workbook(report, path, lang))
    write_text(paths["html"], render_page(report, lang))
    return paths


__all__ = ["ClassReport", "Cohort", "MistakeCount", "StepStats", "StudentRow", "StudentStep",
           "Unreadable", "class_report", "verdict_folder", "write_report"]
