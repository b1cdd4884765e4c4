"""One HTML report per group: score breakdown, a chart, each member's peer factor, flags.

The chart (criterion scores of the teacher and the peer groups as a
percentage of each criterion's maximum, next to each member's peer factor) is
embedded as a PNG, so every report is a single file a teacher can e-mail.
"""
from __future__ import annotations

import base64
import html
import io
from pathlib import Path

import pandas as pd
from matplotlib.figure import Figure
from tqdm.auto import tqdm

from ..fonts import use_chinese_font
from ..i18n import resolve, t
from .course import CourseContext
from .group_score import criterion_means
from .marks import CourseMarks
from .model import Rubric, text_in
from .sheet_layout import safe_name


def group_chart(criteria: pd.DataFrame, members: pd.DataFrame, rubric: Rubric,
                lang: str | None = None) -> Figure:
    """Left: mean criterion scores (% of max) by teacher and peers; right: peer factor per member.

    ``criteria`` from :func:`~.group_score.criterion_means`; ``members`` with
    columns ``name`` and ``factor``.
    """
    lang = resolve(lang)
    use_chinese_font()
    figure = Figure(figsize=(11, 4.2))
    left, right = figure.subplots(1, 2, width_ratios=(3, 2))
    figure.subplots_adjust(left=0.07, right=0.98, top=0.9, bottom=0.25, wspace=0.25)
    by_id = criteria.set_index("criterion")
    labels = [text_in(c.name, lang) for c in rubric.criteria]
    positions = range(len(rubric.criteria))
    for offset, (column, key) in zip((-0.2, 0.2), (("teacher", "rubric.report.teacher"),
                                                  ("peers", "rubric.report.peers"))):
        values = [_percent_of(by_id, c, column) for c in rubric.criteria]
        left.bar([p + offset for p in positions], values, width=0.4, label=t(key, lang))
    left.set_xticks(list(positions), labels, rotation=20, ha="right")
    left.set_ylim(0, 118)  # room for the legend above the bars
    left.set_yticks(range(0, 101, 20))
    left.set_ylabel(t("rubric.report.percent_axis", lang))
    left.set_title(t("rubric.report.criteria_title", lang))
    left.legend(loc="upper center", ncols=2, frameon=False)
    right.bar(list(members["name"]), list(members["factor"]), color="tab:green")
    right.axhline(1.0, color="grey", linestyle="--", linewidth=1)
    right.set_ylabel(t("rubric.report.factor_axis", lang))
    right.set_title(t("rubric.report.factor_title", lang))
    return figure


def _percent_of(by_id: pd.DataFrame, criterion, column: str) -> float:
    if criterion.id not in by_id.index:
        return float("nan")
    value = by_id.at[criterion.id, column]
    return (value - criterion.min_points) / (criterion.max_points - criterion.min_points) * 100


def group_report(group: str, course: CourseContext, marks: CourseMarks, lang: str | None = None) -> str:
    """The HTML of one group's report."""
    lang = resolve(lang)
    rubric = marks.rubric
    row = marks.groups.set_index("group").loc[group]
    members = marks.members[marks.members["group"] == group]
    group_rows = marks.scores[marks.scores["rubric"] == rubric.id]
    figure = group_chart(criterion_means(group_rows, group), members, rubric, lang)
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=110)
    image = base64.b64encode(buffer.getvalue()).decode("ascii")
    e = html.escape
    summary = [
        (t("rubric.report.teacher", lang), _num(row["teacher"])),
        (t("rubric.report.peers", lang), t("rubric.report.peer_detail", lang, mean=_num(row["peer_mean"]),
                                          used=row["peers_used"], raters=row["peer_raters"])),
        (t("rubric.report.group_score", lang), f"{_num(row['score'])} / {rubric.max_total:g}"),
    ]
    if row["note"]:
        summary.append((t("rubric.col.notes", lang), t(row["note"], lang)))
    yes, no = t("rubric.report.yes", lang), t("rubric.report.no", lang)
    member_rows = "".join(
        f"<tr><td>{e(str(m.id))}</td><td>{e(str(m.name))}</td><td>{m.factor:.3f}</td>"
        f"<td>{_num(m.mark)}</td><td>{e(yes if m.submitted else no)}</td></tr>"
        for m in members.itertuples(index=False))
    flags = flag_messages(marks.flags, course.roster, group, lang)
    return f"""<!DOCTYPE html>
<html lang="{'zh-CN' if lang == 'zh' else 'en'}"><head><meta charset="utf-8">
<title>{e(t("rubric.report.title", lang, group=group))}</title>
<style>body{{font-family:sans-serif;margin:2em}}table{{border-collapse:collapse}}
td,th{{border:1px solid #999;padding:4px 10px}}th{{background:#ddebf7}}</style></head><body>
<h1>{e(t("rubric.report.title", lang, group=group))}</h1>
<p>{e(text_in(rubric.title, lang))}</p>
<table>{"".join(f"<tr><th>{e(k)}</th><td>{e(str(v))}</td></tr>" for k, v in summary)}</table>
<p><img alt="{e(t('rubric.report.criteria_title', lang))}" src="data:image/png;base64,{image}"></p>
<h2>{e(t("rubric.report.members", lang))}</h2>
<table><tr>{"".join(f"<th>{e(t(k, lang))}</th>" for k in (
        "rubric.col.id", "rubric.col.name", "rubric.col.factor", "rubric.col.presentation",
        "rubric.report.submitted"))}</tr>{member_rows}</table>
<h2>{e(t("rubric.report.flags", lang))}</h2>
<ul>{"".join(f"<li>{e(m)}</li>" for m in flags) or f"<li>{e(t('rubric.report.no_flags', lang))}</li>"}</ul>
</body></html>
"""


def flag_messages(flags: pd.DataFrame, roster: pd.DataFrame, group: str | None,
                  lang: str | None = None) -> list[str]:
    """The flags about ``group`` (its members' ratings, and its part in the peer-group
    ratings) as sentences; ``group=None`` gives every flag."""
    names = dict(zip(roster["id"], roster["name"]))
    rows = flags if group is None else flags[
        (flags["group"] == group) | ((flags["scope"] == "groups")
                                     & ((flags["rater"] == group) | (flags["ratee"] == group)))]
    return [t(f"rubric.flag.{f.kind}", lang, rater=names.get(f.rater, f.rater),
              ratee=names.get(f.ratee, f.ratee),
              value=f"{f.value:g}" if f.kind == "stale_ratings" else f"{f.value * 100:.0f}",
              scope=t(f"rubric.flag.scope.{f.scope}", lang, group=f.group))
            for f in rows.itertuples(index=False)]


def write_group_reports(course: CourseContext, marks: CourseMarks, out_dir,
                        lang: str | None = None, *, progress: bool = True) -> list[Path]:
    """``report-<group>.html`` for every group into ``out_dir``; returns the paths."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = []
    for group in tqdm(list(marks.groups["group"]), desc=t("rubric.progress.reports", lang),
                      unit=t("rubric.progress.unit_group", lang), disable=not progress):
        path = out_dir / f"report-{safe_name(group)}.html"
        path.write_text(group_report(group, course, marks, lang), encoding="utf-8")
        paths.append(path)
    return paths


def _num(value) -> str:
    return "—" if value is None or value != value else f"{value:.1f}"
