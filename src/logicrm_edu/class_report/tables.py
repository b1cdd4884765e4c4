"""The report's tables, built once for the spreadsheet and the page alike.

A :class:`Table` is its columns (header, kind) and rows of plain values: rates
as fractions (None when nobody was judged), points as numbers, the rest text.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..i18n import t
from .labels import (class_label, cohort_label, generic_hint, group_label, mistake_title,
                     step_label)
from .summary import ClassReport, Cohort

TEXT, LONG_TEXT, NUMBER, COUNT, RATE = "text", "long_text", "number", "count", "rate"


@dataclass(frozen=True)
class Table:
    """Columns as (header, kind) and rows of values in the same order."""

    columns: list[tuple[str, str]]
    rows: list[list]


def overview_table(report: ClassReport, lang: str | None = None) -> Table:
    """One row per step: points, pass rate per class and of everyone, mean share, notes."""
    columns = [(t("class_report.col.step", lang), TEXT),
               (t("class_report.col.points", lang), NUMBER)]
    columns += [(t("class_report.col.pass_rate", lang, who=cohort_label(c, lang)), RATE)
                for c in (*report.classes, report.course)]
    columns += [(t("class_report.col.mean_share", lang), RATE),
                (t("class_report.col.follow_through", lang), COUNT),
                (t("class_report.col.hardcoded", lang), COUNT)]
    rows = []
    for step in report.steps:
        everyone = report.course.steps[step]
        rows.append([step_label(step, lang), report.step_points[step]]
                    + [c.steps[step].pass_rate for c in (*report.classes, report.course)]
                    + [everyone.mean_share, everyone.follow_through, everyone.hardcoded])
    return Table(columns, rows)


def mistakes_table(report: ClassReport, lang: str | None = None) -> Table:
    """One row per mistake and step, most frequent first: how many students in all, per class
    and per group, and the hint."""
    classes = [c.class_name for c in report.classes]
    groups = [(g.class_name, g.group) for g in report.groups_by_class()]
    columns = [(t("class_report.col.step", lang), TEXT),
               (t("class_report.col.mistake", lang), TEXT),
               (t("class_report.col.students", lang), COUNT)]
    columns += [(class_label(c, lang), COUNT) for c in classes]
    columns += [(group_label(*g, lang), COUNT) for g in groups]
    columns += [(t("class_report.col.hint", lang), LONG_TEXT),
                (t("class_report.col.key", lang), TEXT)]
    rows = [[step_label(m.step, lang), mistake_title(m.mistake, lang), m.students]
            + [m.by_class.get(c, 0) for c in classes]
            + [m.by_group.get(g, 0) for g in groups]
            + [generic_hint(m.mistake, lang), m.mistake] for m in report.mistakes]
    return Table(columns, rows)


def typed_in_table(report: ClassReport, lang: str | None = None) -> Table:
    """One row per student with typed-in answers: who, and in which steps."""
    columns = [(t(f"cli.col.{c}", lang), TEXT) for c in ("id", "name", "class", "group")]
    columns += [(t("class_report.col.hardcoded_steps", lang), TEXT)]
    rows = [[s.id, s.name, s.class_name, s.group,
             t("where.sep", lang).join(step_label(step, lang) for step in s.hardcoded)]
            for s in report.typed_in()]
    return Table(columns, rows)


def students_table(report: ClassReport, lang: str | None = None) -> Table:
    """One row per student: state, points per step, mistakes, follow-through, typed-in answers."""
    columns = [(t(f"cli.col.{c}", lang), TEXT) for c in ("id", "name", "class", "group")]
    columns += [(t("class_report.col.state", lang), TEXT)]
    columns += [(t("class_report.step_points", lang, step=step_label(s, lang),
                   points=f"{report.step_points[s]:g}"), NUMBER) for s in report.steps]
    columns += [(t("class_report.col.mistakes", lang), LONG_TEXT),
                (t("class_report.col.follow_steps", lang), TEXT),
                (t("class_report.col.hardcoded_steps", lang), TEXT)]
    rows, sep = [], t("where.sep", lang)
    for student in report.students:
        steps = student.steps
        mistakes = [step_label(s, lang) + t("where.colon", lang) + mistake_title(m, lang)
                    for s, result in steps.items() for m in result.mistakes]
        rows.append([student.id, student.name, student.class_name, student.group,
                     t(f"class_report.state.{student.state}", lang)]
                    + [steps[s].score if s in steps else None for s in report.steps]
                    + [sep.join(mistakes),
                       sep.join(step_label(s, lang) for s, r in steps.items() if r.follow_through),
                       sep.join(step_label(s, lang) for s in student.hardcoded)])
    return Table(columns, rows)


def cohorts_table(report: ClassReport, lang: str | None = None) -> Table:
    """Headcounts and pass rates per class (then its groups), and for everyone."""
    columns = [(t("cli.col.class", lang), TEXT), (t("cli.col.group", lang), TEXT)]
    columns += [(t(f"class_report.col.{c}", lang), COUNT)
                for c in ("roster", "graded", "missing", "unreadable")]
    columns += [(t("class_report.col.pass_rate", lang, who=step_label(s, lang)), RATE)
                for s in report.steps]
    rows = []
    for cohort in report.classes:
        rows.append(_cohort_row(report, cohort, class_label(cohort.class_name, lang),
                                t("class_report.whole_class", lang)))
        rows += [_cohort_row(report, g, class_label(g.class_name, lang), g.group)
                 for g in report.groups if g.class_name == cohort.class_name]
    rows.append(_cohort_row(report, report.course, t("class_report.course", lang), ""))
    return Table(columns, rows)


def _cohort_row(report: ClassReport, cohort: Cohort, class_name: str, group: str) -> list:
    return ([class_name, group, cohort.students, cohort.graded, cohort.not_handed_in,
             cohort.unreadable] + [cohort.steps[s].pass_rate for s in report.steps])
