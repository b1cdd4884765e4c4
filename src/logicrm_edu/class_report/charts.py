"""The report's charts: pass rate per step and class, the same per group, and the most
frequent mistakes.

Drawn on bare :class:`~matplotlib.figure.Figure` objects (no pyplot, so nothing
stays open), with the project's CJK font for the Chinese labels and class names.
"""
from __future__ import annotations

import io

from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator, PercentFormatter

from ..fonts import use_chinese_font
from ..i18n import t
from .labels import class_label, group_label, mistake_label, percent, step_label
from .summary import ClassReport, Cohort

TOP_MISTAKES = 10
_LEVEL_LABELS = 16  # bars in a chart up to which the percentages above them fit level
_DPI = 110


def pass_rate_figure(report: ClassReport, lang: str | None = None) -> Figure | None:
    """Grouped bars: per step, one bar per class (None when no one was graded)."""
    return _pass_rate_bars(report, [c for c in report.classes if c.graded],
                           lambda c: class_label(c.class_name, lang),
                           t("class_report.chart.pass_title", lang), lang)


def group_pass_rate_figure(report: ClassReport, lang: str | None = None) -> Figure | None:
    """Grouped bars: per step, one bar per group with graded students, class after class
    (None when no one was graded or the roster has no groups)."""
    if not any(g.group for g in report.groups):
        return None
    return _pass_rate_bars(report, [g for g in report.groups_by_class() if g.graded],
                           lambda g: group_label(g.class_name, g.group, lang),
                           t("class_report.chart.group_pass_title", lang), lang)


def _pass_rate_bars(report: ClassReport, cohorts: list[Cohort], name, title: str,
                    lang: str | None) -> Figure | None:
    if not report.steps or not cohorts:
        return None
    use_chinese_font()
    bars_in_all = len(cohorts) * len(report.steps)
    # many groups: a wider figure, and percentages turned upright so neighbours do not overlap
    upright = bars_in_all > _LEVEL_LABELS
    figure = Figure(figsize=(max(8.0, 2.5 + 0.3 * bars_in_all), 4.2), dpi=_DPI,
                    layout="constrained")
    ax = figure.add_subplot()
    width = 0.8 / len(cohorts)
    for index, cohort in enumerate(cohorts):
        rates = [cohort.steps[step].pass_rate for step in report.steps]
        positions = [n + (index - (len(cohorts) - 1) / 2) * width for n in range(len(rates))]
        label = t("class_report.legend", lang, name=name(cohort), count=cohort.graded)
        bars = ax.bar(positions, [rate or 0 for rate in rates], width * 0.92, label=label,
                      color=f"C{index % 10}")
        ax.bar_label(bars, [percent(rate) for rate in rates], padding=2, fontsize=9,
                     rotation=90 if upright else 0)
    ax.set_xticks(range(len(report.steps)), [step_label(s, lang) for s in report.steps])
    ax.set_ylim(0, 1.25 if upright else 1.12)  # headroom for the percentages, ticks to 100 %
    ax.set_yticks([n / 5 for n in range(6)])
    ax.yaxis.set_major_formatter(PercentFormatter(1.0))
    ax.set_ylabel(t("class_report.chart.pass_axis", lang))
    ax.set_title(title)
    ax.spines[["top", "right"]].set_visible(False)
    ax.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0), frameon=False)
    return figure


def mistakes_figure(report: ClassReport, lang: str | None = None) -> Figure | None:
    """Horizontal bars, most frequent at the top (None when there are no mistakes)."""
    top = report.mistakes[:TOP_MISTAKES]
    if not top:
        return None
    use_chinese_font()
    figure = Figure(figsize=(8, 1.2 + 0.42 * len(top)), dpi=_DPI, layout="constrained")
    ax = figure.add_subplot()
    bars = ax.barh(range(len(top)), [m.students for m in top], 0.6, color="C3")
    ax.bar_label(bars, padding=3, fontsize=9)
    ax.set_yticks(range(len(top)), [mistake_label(m, lang) for m in top])
    ax.invert_yaxis()
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_xlim(0, max(m.students for m in top) * 1.15)
    ax.set_xlabel(t("class_report.chart.mistakes_axis", lang))
    ax.set_title(t("class_report.chart.mistakes_title", lang))
    ax.spines[["top", "right"]].set_visible(False)
    return figure


def png_bytes(figure: Figure) -> bytes:
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png")
    return buffer.getvalue()
