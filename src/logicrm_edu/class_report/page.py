"""``report.html``: the class report as one self-contained page to open or project in class.

In order: the headcount, what to review in the next lesson (the most frequent
mistakes with how to fix them), the pass rate per step and class (chart and
table), the frequent mistakes (chart, and a table with counts per class and
group), the students with typed-in answers (kept apart from the mistakes: they
say who to talk to, not what to teach again), classes and groups (pass rate per
group: chart and table), every student, and notes (what the words mean, records
that could not be read).
Charts are embedded PNGs and the style sheet is inline, so the file works
offline and can be mailed or uploaded to the LMS as it is.  Every text, student
names included, is escaped.
"""
from __future__ import annotations

import base64
from html import escape

from ..i18n import resolve, t
from .charts import group_pass_rate_figure, mistakes_figure, pass_rate_figure, png_bytes
from .labels import generic_hint, mistake_title, percent, step_label
from .summary import ClassReport
from .tables import (COUNT, LONG_TEXT, NUMBER, RATE, Table, cohorts_table, mistakes_table,
                     overview_table, students_table, typed_in_table)

_STYLE = """
body { font-family: "Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", sans-serif;
       margin: 2em auto; max-width: 72em; padding: 0 1em; color: #222; }
h1 { font-size: 1.6em; } h2 { margin-top: 1.8em; border-bottom: 1px solid #ccc; }
table { border-collapse: collapse; margin: 1em 0; font-size: 0.92em; }
th, td { border: 1px solid #ccc; padding: 0.3em 0.6em; text-align: left; vertical-align: top; }
th { background: #ddebf7; } td.n { text-align: right; white-space: nowrap; }
td.t { white-space: nowrap; }
ol.review li { margin: 0.5em 0; } img { max-width: 100%; height: auto; }
.notes { font-size: 0.9em; color: #555; }
"""


def render_page(report: ClassReport, lang: str | None = None) -> str:
    """The whole page in ``lang`` (default: the language in force)."""
    lang = resolve(lang)
    course = report.course
    title = t("class_report.heading", lang, assignment=report.assignment)
    parts = [
        f"<h1>{escape(title)}</h1>",
        _p(t("class_report.counts", lang, graded=course.graded, missing=course.not_handed_in,
             unreadable=course.unreadable, students=course.students)),
        _h2(t("class_report.h.review", lang)), _review(report, lang),
        _h2(t("class_report.h.steps", lang)),
        _img(pass_rate_figure(report, lang), t("class_report.alt.pass", lang)),
        _table(overview_table(report, lang)) if report.steps
        else _p(t("class_report.nobody", lang)),
        _h2(t("class_report.h.mistakes", lang)),
        _img(mistakes_figure(report, lang), t("class_report.alt.mistakes", lang)),
        _table(mistakes_table(report, lang)) if report.mistakes
        else _p(t("class_report.none", lang)),
        _h2(t("class_report.h.typed_in", lang)), _typed_in(report, lang),
        _h2(t("class_report.h.cohorts", lang)),
        _img(group_pass_rate_figure(report, lang), t("class_report.alt.group_pass", lang)),
        _table(cohorts_table(report, lang)),
        _h2(t("class_report.h.students", lang)), _table(students_table(report, lang)),
        _h2(t("class_report.h.notes", lang)), _notes(report, lang),
    ]
    return (f'<!DOCTYPE html>\n<html lang="{"zh-CN" if lang == "zh" else "en"}">\n<head>\n'
            f'<meta charset="utf-8">\n<title>{escape(title)}</title>\n<style>{_STYLE}</style>\n'
            "</head>\n<body>\n" + "\n".join(p for p in parts if p) + "\n</body>\n</html>\n")


def _review(report: ClassReport, lang: str) -> str:
    items = [t("class_report.review_item", lang, step=step_label(m.step, lang),
               title=mistake_title(m.mistake, lang), count=m.students,
               hint=generic_hint(m.mistake, lang)) for m in report.review()]
    if not items:
        return _p(t("class_report.none", lang))
    return '<ol class="review">' + "".join(f"<li>{escape(i)}</li>" for i in items) + "</ol>"


def _typed_in(report: ClassReport, lang: str) -> str:
    if not report.typed_in():
        return _p(t("class_report.typed_in_none", lang))
    return (_p(t("class_report.typed_in_lead", lang, count=len(report.typed_in())))
            + _table(typed_in_table(report, lang)))


def _notes(report: ClassReport, lang: str) -> str:
    notes = [t(f"class_report.note.{n}", lang)
             for n in ("pass", "follow_through", "hardcoded", "missing")]
    html = '<div class="notes"><ul>' + "".join(f"<li>{escape(n)}</li>" for n in notes) + "</ul>"
    if report.unreadable:
        html += _p(t("class_report.note.unreadable", lang, count=len(report.unreadable)))
        items = [u.file + t("where.colon", lang) + u.text(lang) for u in report.unreadable]
        html += "<ul>" + "".join(f"<li>{escape(item)}</li>" for item in items) + "</ul>"
    return html + "</div>"


def _table(table: Table) -> str:
    head = "".join(f"<th>{escape(header)}</th>" for header, _ in table.columns)
    body = "".join("<tr>" + "".join(_cell(value, kind) for value, (_, kind)
                                     in zip(row, table.columns)) + "</tr>" for row in table.rows)
    return f"<table>\n<thead><tr>{head}</tr></thead>\n<tbody>{body}</tbody>\n</table>"


def _cell(value, kind: str) -> str:
    if kind == RATE:
        return f'<td class="n">{escape(percent(value))}</td>'
    if kind in (NUMBER, COUNT):
        return f'<td class="n">{"" if value is None else escape(f"{value:g}")}</td>'
    text = escape("" if value is None else str(value))
    return f"<td>{text}</td>" if kind == LONG_TEXT else f'<td class="t">{text}</td>'


def _img(figure, alt: str) -> str:
    if figure is None:
        return ""
    data = base64.b64encode(png_bytes(figure)).decode("ascii")
    return f'<p><img src="data:image/png;base64,{data}" alt="{escape(alt)}"></p>'


def _h2(text: str) -> str:
    return f"<h2>{escape(text)}</h2>"


def _p(text: str) -> str:
    return f"<p>{escape(text)}</p>"
