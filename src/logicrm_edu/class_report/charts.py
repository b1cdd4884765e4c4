"""The report's two charts: pass rate per step and class, and the most frequent mistakes.

Drawn on bare :class:`~matplotlib.figure.Figure` objects (no pyplot, so nothing
stays open), with the project's CJK font for the Chinese labels and class names.
"""
from __future__ import annotations

import io

from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator, PercentFormatter

from ..fonts import use_chinese_font
from ..i18n import t
from .labels import class_label, mistake_label, percent, step_label
from .summary import ClassReport

TOP_MISTAKES = 10
_DPI = 110


def pass_rate_figure(report: ClassReport, lang: str | None = None) -> Figure | None:
    """Grouped bars: per step, one bar per class (None when no one was graded)."""
    if not report.steps or not report.course.graded:
        return None
    use_chinese_font()
    figure = Figure(figsize=(8, 4.2), dpi=_DPI, layout="constrained")
    ax = figure.add_subplot()
    classes = [c for c in report.classes if c.graded]
    width = 0.8 / len(classes)
    for index, cohort in enumerate(classes):
        rates = [cohort.steps[step].pass_rate for step in report.steps]
        positions = [n + (index - (len(classes) - 1) / 2) * width for n in range(len(rates))]
        label = t("class_report.legend", lang, name=class_label(cohort.class_name, lang),
                  count=cohort.graded)
        bars = ax.bar(positions, [rate or 0 for rate in rates], width * 0.92, label=label,
                      color=f"C{index % 10}")
        ax.bar_label(bars, [percent(rate) for rate in rates], padding=2, fontsize=9)
    ax.set_xticks(range(len(report.steps)), [step_label(s, lang) for s in report.steps])
    ax.set_ylim(0, 1.12)
    ax.yaxis.set_major_formatter(PercentFormatter(1.0))
    ax.set_ylabel(t("class_report.chart.pass_axis", lang))
    ax.set_title(t("class_report.chart.pass_title", lang))
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
