"""Step 5: every faithful rendering of the tiering chart is accepted — the percent read
through a formatter or a secondary axis, the classes written or coloured, pandas,
pyplot state calls — and a percent axis that misreads the line is named.

Expected values are textbook table 3-8 (tests/textbook.py): revenue 740 … 10 (total
2000), cumulative revenue 740 … 2000, cumulative share 37.0 … 100.0, classes
AAAABBBBBBCCCC under the default scheme (80 % / 95 %, le, ties same).
"""
import numpy as np
import pandas as pd
import pytest
from matplotlib import pyplot as plt
from matplotlib import transforms
from matplotlib.patches import Patch
from matplotlib.ticker import FuncFormatter, PercentFormatter

from logicrm_edu.checks import Scheme, check_chart
from textbook import TABLE_3_8, TIERS_80_95

from .helpers import assert_mistake, assert_ok

CUSTOMERS = [row[0] for row in TABLE_3_8]
REVENUE = [row[1] for row in TABLE_3_8]
RUNNING = [row[3] for row in TABLE_3_8]       # 740, 1330, …, 2000 万元
CUM_SHARE = [row[4] for row in TABLE_3_8]     # 37.0, 66.5, …, 100.0 %
CLASSES = TIERS_80_95[("le", "same")]         # AAAABBBBBBCCCC
COLOURS = {"A": "#c0392b", "B": "#e67e22", "C": "#2e86c1"}
X = np.arange(14)
TICKS = [f"{c}\n{k}" for c, k in zip(CUSTOMERS, CLASSES)]


def labelled(ax, line_ax=None):
    ax.set(title="长海物流公司客户分层图", xlabel="客户", ylabel="营业收入（万元）")
    if line_ax is not None:
        line_ax.set_ylabel("累计比重(%)")
    return ax


def bars_with_line(*, ticks=TICKS, **bar_options):
    """Bars of table 3-8 and the 0–100 cumulative line on a twin axis."""
    fig, ax = plt.subplots()
    ax.bar(X, REVENUE, **bar_options)
    if ticks is not None:
        ax.set_xticks(X, ticks)
    line_ax = ax.twinx()
    line_ax.plot(X, CUM_SHARE, marker="o")
    line_ax.set_ylim(0, 105)
    return labelled(ax, line_ax)


def assert_all_parts_right(verdict):
    assert_ok(verdict)
    assert verdict.score == 1.0 and not verdict.follow_through
    assert [p.name for p in verdict.parts] == ["bars", "line", "classes", "labels"]
    assert all(p.passed for p in verdict.parts)


# -- the cumulative line read as a percentage ------------------------------------------

def test_running_revenue_through_a_secondary_percent_axis(changhai):
    fig, ax = plt.subplots()
    ax.bar(X, REVENUE)
    ax.plot(X, RUNNING, marker="o")            # 740 … 2000 on the revenue axis
    ax.set_ylim(0, 2100)
    percent = ax.secondary_yaxis("right", functions=(lambda v: v / 20, lambda p: p * 20))
    percent.yaxis.set_major_formatter(PercentFormatter(100))   # 2000 万元 reads 100%
    percent.set_ylabel("累计比重")
    ax.set_xticks(X, TICKS)
    assert_all_parts_right(check_chart(labelled(ax), changhai, Scheme()))


def test_secondary_axis_of_plain_percentage_points(changhai):
    fig, ax = plt.subplots()
    ax.bar(X, REVENUE)
    ax.plot(X, RUNNING, marker="o")
    ax.set_ylim(0, 2000)
    ax.secondary_yaxis("right", functions=(lambda v: v / 2000 * 100,
                                           lambda p: p * 20)).set_ylabel("累计比重(%)")
    ax.set_xticks(X, TICKS)
    assert_all_parts_right(check_chart(labelled(ax), changhai, Scheme()))


def test_secondary_axis_needs_its_own_label(changhai):
    fig, ax = plt.subplots()
    ax.bar(X, REVENUE)
    ax.plot(X, RUNNING, marker="o")
    ax.set_ylim(0, 2100)
    ax.secondary_yaxis("right", functions=(lambda v: v / 20, lambda p: p * 20))
    ax.set_xticks(X, TICKS)
    v = check_chart(labelled(ax), changhai, Scheme())
    assert_mistake(v, "checks.chart_missing_labels", "累计比重纵轴的名称")


@pytest.mark.parametrize("formatter", [
    PercentFormatter(2000), FuncFormatter(lambda v, pos: f"{v / 2000:.0%}")],
    ids=["PercentFormatter(2000)", "FuncFormatter"])
def test_running_revenue_on_a_twin_axis_formatted_as_percent_of_the_total(changhai, formatter):
    fig, ax = plt.subplots()
    ax.bar(X, REVENUE)
    line_ax = ax.twinx()
    line_ax.plot(X, RUNNING, marker="o")
    line_ax.set_ylim(0, 2000)                 # ticks 0%, 12%, 25%, … 100% (rounded labels)
    line_ax.yaxis.set_major_formatter(formatter)
    ax.set_xticks(X, TICKS)
    assert_all_parts_right(check_chart(labelled(ax, line_ax), changhai, Scheme()))


def test_fraction_line_with_a_format_string(changhai):
    fig, ax = plt.subplots()
    ax.bar(X, REVENUE)
    line_ax = ax.twinx()
    line_ax.plot(X, [c / 100 for c in CUM_SHARE], marker="o")   # 0.37 … 1.0
    line_ax.set_ylim(0, 1.05)
    line_ax.yaxis.set_major_formatter("{x:.0%}")
    ax.set_xticks(X, TICKS)
    assert_all_parts_right(check_chart(labelled(ax, line_ax), changhai, Scheme()))


def test_percent_scale_that_misreads_the_line(changhai):
    ax = bars_with_line()
    ax.figure.axes[1].yaxis.set_major_formatter(PercentFormatter(1))  # 100 reads "10000%"
    v = check_chart(ax, changhai, Scheme())
    assert_mistake(v, "checks.chart_line_percent_scale", "10000%", "PercentFormatter(2000)")
    assert v.parts[1].name == "line" and not v.parts[1].passed
    assert v.score == pytest.approx(2.0 / 3.0)   # bars 1 + classes 0.5 + labels 0.5 of 3


def test_secondary_axis_with_the_wrong_total(changhai):
    fig, ax = plt.subplots()
    ax.bar(X, REVENUE)
    ax.plot(X, RUNNING, marker="o")
    ax.set_ylim(0, 2100)
    ax.secondary_yaxis("right", functions=(lambda v: v / 25, lambda p: p * 25)).set_ylabel("%")
    ax.set_xticks(X, TICKS)
    # 2000 / 25 = 80: the last customer reads 80 %
    assert_mistake(check_chart(labelled(ax), changhai, Scheme()),
                   "checks.chart_line_percent_scale", "读作 80%")


# -- the classes -------------------------------------------------------------------------

def test_classes_in_annotations_above_the_bars(changhai):
    ax = bars_with_line(ticks=[str(c) for c in CUSTOMERS])
    for i, (height, k) in enumerate(zip(REVENUE, CLASSES)):
        ax.annotate(f"{k}类", xy=(i, height), xytext=(0, 3), textcoords="offset points",
                    ha="center")
    assert_all_parts_right(check_chart(ax, changhai, Scheme()))


def test_classes_with_bar_label(changhai):
    fig, ax = plt.subplots()
    bars = ax.bar(X, REVENUE)
    ax.bar_label(bars, labels=list(CLASSES))
    line_ax = ax.twinx()
    line_ax.plot(X, CUM_SHARE, marker="o")
    line_ax.set_ylim(0, 105)
    assert_all_parts_right(check_chart(labelled(ax, line_ax), changhai, Scheme()))


def test_classes_as_texts_under_the_axis(changhai):
    ax = bars_with_line(ticks=None)
    below = transforms.blended_transform_factory(ax.transData, ax.transAxes)
    for i, k in enumerate(CLASSES):
        ax.text(i, -0.08, k, transform=below, ha="center")
    assert_all_parts_right(check_chart(ax, changhai, Scheme()))


def test_classes_by_colour_with_a_legend(changhai):
    ax = bars_with_line(ticks=[str(c) for c in CUSTOMERS], color=[COLOURS[k] for k in CLASSES])
    ax.legend(handles=[Patch(color=c, label=f"{k}类") for k, c in COLOURS.items()])
    assert_all_parts_right(check_chart(ax, changhai, Scheme()))


def test_classes_by_colour_with_a_figure_legend(changhai):
    ax = bars_with_line(ticks=None, color=[COLOURS[k] for k in CLASSES])
    ax.figure.legend(handles=[Patch(color=c, label=f"{k} 类客户") for k, c in COLOURS.items()])
    assert_all_parts_right(check_chart(ax, changhai, Scheme()))


def test_one_bar_call_per_class(changhai):
    fig, ax = plt.subplots()
    for k in "ABC":
        mine = [i for i, c in enumerate(CLASSES) if c == k]
        ax.bar(mine, [REVENUE[i] for i in mine], label=k)   # A: 0–3, B: 4–9, C: 10–13
    ax.legend()
    line_ax = ax.twinx()
    line_ax.plot(X, CUM_SHARE, marker="o")
    line_ax.set_ylim(0, 105)
    assert_all_parts_right(check_chart(labelled(ax, line_ax), changhai, Scheme()))


def test_colours_without_a_legend(changhai):
    ax = bars_with_line(ticks=[str(c) for c in CUSTOMERS], color=[COLOURS[k] for k in CLASSES])
    v = check_chart(ax, changhai, Scheme())
    assert_mistake(v, "checks.chart_classes_no_legend", "A、B、C", "Patch")
    assert v.score == pytest.approx(2.5 / 3)


def test_colour_legend_that_contradicts_the_classes(changhai):
    wrong = "AAAAABBBBBCCCC"   # customer 3 (5th bar) coloured as A
    ax = bars_with_line(ticks=[str(c) for c in CUSTOMERS], color=[COLOURS[k] for k in wrong])
    ax.legend(handles=[Patch(color=c, label=f"{k}类") for k, c in COLOURS.items()])
    assert_mistake(check_chart(ax, changhai, Scheme()), "checks.chart_wrong_classes",
                   "第 5 位", "A 类", "B 类")


# -- pandas and pyplot ---------------------------------------------------------------

def _table() -> pd.DataFrame:
    return pd.DataFrame({"客户": CUSTOMERS, "营业收入": REVENUE, "累计比重(%)": CUM_SHARE,
                         "类别": list(CLASSES)})


def test_pandas_bar_plot_with_secondary_y(changhai):
    t = _table()
    ax = t.plot(kind="bar", x="客户", y="营业收入", legend=False, title="客户分层图")
    t["累计比重(%)"].plot(ax=ax, secondary_y=True, marker="o", color="k")
    ax.right_ax.set_ylim(0, 105)
    ax.right_ax.set_ylabel("累计比重(%)")
    ax.set_xticklabels([f"{c}\n{k}" for c, k in zip(t["客户"], t["类别"])])
    ax.set_ylabel("营业收入（万元）")
    assert_all_parts_right(check_chart(ax, changhai, Scheme()))


def test_pandas_bar_plot_with_twinx(changhai):
    t = _table()
    fig, ax = plt.subplots()
    t.plot.bar(x="客户", y="营业收入", ax=ax, legend=False, rot=0)
    line_ax = ax.twinx()
    t["累计比重(%)"].plot(ax=line_ax, marker="o")
    line_ax.set_ylim(0, 105)
    for i, k in enumerate(t["类别"]):
        ax.text(i, t["营业收入"][i] + 10, k, ha="center")
    ax.set(title="帕累托图", ylabel="营业收入")
    line_ax.set_ylabel("累计比重(%)")
    assert_all_parts_right(check_chart(ax, changhai, Scheme()))


def test_pyplot_state_calls(changhai):
    labels = [f"{c}\n{k}" for c, k in zip(CUSTOMERS, CLASSES)]
    plt.figure()
    plt.bar(labels, REVENUE)
    plt.xlabel("客户")
    plt.ylabel("营业收入（万元）")
    plt.twinx()
    plt.plot(labels, CUM_SHARE, "o-")
    plt.ylim(0, 105)
    plt.ylabel("累计比重(%)")
    plt.title("客户分层图")
    assert_all_parts_right(check_chart(plt.gca(), changhai, Scheme()))   # the twin axes
