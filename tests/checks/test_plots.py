"""Step 5: the tiering chart, inspected from real matplotlib figures."""
import numpy as np
import pytest
from matplotlib import pyplot as plt
from matplotlib.ticker import PercentFormatter

from logicrm_edu import pareto_chart, share_table, tier_customers
from logicrm_edu.checks import Scheme, check_chart
from textbook import TABLE_3_8, TIERS_80_95

from .helpers import assert_mistake, assert_ok

REVENUE = [row[1] for row in TABLE_3_8]      # sorted, by hand
SHARE = [row[2] for row in TABLE_3_8]
CUM_SHARE = [row[4] for row in TABLE_3_8]
CUSTOMERS = [row[0] for row in TABLE_3_8]
CLASSES = TIERS_80_95[("le", "same")]
X = np.arange(14)


def twin_chart(revenue=REVENUE, line=CUM_SHARE, *, ylim=(0, 105), ticks=True, title="客户ABC分层图",
               xlabel="客户", ylabel="营业收入（万元）", ylabel2="累计比重(%)", classes=CLASSES):
    """The usual student Pareto chart: bars, line on ax.twinx(), classes under the x axis."""
    fig, ax = plt.subplots()
    ax.bar(X, revenue)
    ax2 = ax.twinx()
    ax2.plot(X, line, marker="o")
    if ylim:
        ax2.set_ylim(*ylim)
    if ticks:
        ax.set_xticks(X, [f"{c}\n{k}" for c, k in zip(CUSTOMERS, classes)])
    ax.set_title(title)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    ax2.set_ylabel(ylabel2)
    return ax


# -- right answers ------------------------------------------------------------------

def test_library_chart_passes(changhai):
    tiered = tier_customers(share_table(changhai), cuts=(80, 95))
    ax = pareto_chart(tiered)
    assert_ok(check_chart(ax, changhai, Scheme()))
    assert_ok(check_chart(ax.figure, changhai, Scheme()))   # the Figure works too
    assert_ok(check_chart(pareto_chart(share_table(changhai)), changhai))  # no scheme, no classes


def test_twin_axis_by_hand_passes(changhai):
    assert_ok(check_chart(twin_chart(), changhai, Scheme()))


def test_same_axis_with_share_bars_passes(changhai):
    fig, ax = plt.subplots()
    ax.bar([str(c) for c in CUSTOMERS], SHARE, label="比重")       # categorical x
    ax.plot([str(c) for c in CUSTOMERS], CUM_SHARE, "o-", label="累计比重")
    for i, k in enumerate(CLASSES):
        ax.text(i, -8, k, ha="center")
    ax.set(title="帕累托图", xlabel="客户", ylabel="比重 / 累计比重(%)")
    assert_ok(check_chart(ax, changhai, Scheme()))


def test_line_only_like_figure_3_5_passes(changhai):
    fig, ax = plt.subplots()
    ax.plot(X, CUM_SHARE, marker="o")
    ax.set_xticks(X, [f"{c}({k})" for c, k in zip(CUSTOMERS, CLASSES)])
    ax.set_ylim(0, 100)
    ax.set(title="图3-5 客户分层图", xlabel="客户", ylabel="累计比重(%)")
    assert_ok(check_chart(ax, changhai, Scheme()))
    assert_mistake(check_chart(ax, changhai, require_bars=True), "checks.chart_no_bars")


def test_fraction_line_with_percent_formatter_passes(changhai):
    ax = twin_chart(line=[c / 100 for c in CUM_SHARE], ylim=(0, 1.05))
    ax.figure.axes[1].yaxis.set_major_formatter(PercentFormatter(1))
    assert_ok(check_chart(ax, changhai, Scheme()))


def test_line_from_origin_and_pandas_bars_pass(changhai):
    t = share_table(changhai)
    fig, ax = plt.subplots()
    t.plot.bar(x="客户", y="营业收入", ax=ax, legend=False)
    ax2 = ax.twinx()
    ax2.plot(np.arange(-1, 14), [0] + CUM_SHARE)  # starts at (−1, 0): n + 1 points
    ax2.set_ylim(0, 105)
    ax.set(title="Pareto", ylabel="营业收入")
    ax2.set_ylabel("累计比重(%)")
    assert_ok(check_chart(ax, changhai))  # x label "客户" set by pandas


def test_other_tie_order_and_large_synthetic(changhai, synthetic):
    assert_ok(check_chart(twin_chart(), changhai, Scheme()))
    scheme = Scheme(cuts=(70, 90))
    tiered = tier_customers(share_table(synthetic, key="客户编号"), cuts=(70, 90))
    ax = pareto_chart(tiered)  # >40 customers: class codes as texts under the axis
    assert_ok(check_chart(ax, synthetic, scheme, key="客户编号"))


# -- typical mistakes ---------------------------------------------------------------

def test_chart_of_unsorted_data(changhai):
    t = changhai.copy()
    t["累计比重(%)"] = t["营业收入"].cumsum() / 20
    ax = twin_chart(revenue=t["营业收入"], line=t["累计比重(%)"], ticks=False)
    assert_mistake(check_chart(ax, changhai), "checks.chart_unsorted", "柱形")


def test_numeric_customer_ids_as_x_reorder_the_chart(changhai):
    t = share_table(changhai)
    fig, ax = plt.subplots()
    ax.bar(t["客户"], t["营业收入"])     # customer numbers as x: drawn 1, 2, 3, ...
    ax.set(title="t", xlabel="客户", ylabel="营业收入")
    v = assert_mistake(check_chart(ax, changhai), "checks.chart_unsorted")
    assert "astype(str)" in v.message("zh")


def test_line_drawn_against_customer_numbers(changhai):
    t = share_table(changhai)
    fig, ax = plt.subplots()
    t.plot.bar(x="客户", y="营业收入", ax=ax)
    t.plot(x="客户", y="累计比重(%)", secondary_y=True, ax=ax)   # the pandas trap
    assert_mistake(check_chart(ax, changhai), "checks.chart_unsorted", "累计比重折线")


def test_bars_with_wrong_heights(changhai):
    ax = twin_chart(revenue=np.cumsum(REVENUE))
    assert_mistake(check_chart(ax, changhai), "checks.chart_bar_heights", "第 2 根", "590")
    fig, ax = plt.subplots()
    ax.bar(X[:10], REVENUE[:10])
    assert_mistake(check_chart(ax, changhai), "checks.chart_bar_count", "10 根", "14 位")


def test_cumulative_line_missing(changhai):
    fig, ax = plt.subplots()
    ax.bar(X, REVENUE)
    ax.set(title="t", xlabel="x", ylabel="y")
    assert_mistake(check_chart(ax, changhai), "checks.chart_no_line", "twinx")


def test_line_as_fraction(changhai):
    ax = twin_chart(line=[c / 100 for c in CUM_SHARE], ylim=(0, 1.05))
    assert_mistake(check_chart(ax, changhai), "checks.chart_line_fraction", "PercentFormatter")


def test_line_not_ending_at_100(changhai):
    ax = twin_chart(line=[c * 2000 / 740 for c in CUM_SHARE], ylim=(0, 300))  # ÷ max
    assert_mistake(check_chart(ax, changhai), "checks.chart_line_not_100", "270.27")


def test_line_of_running_totals(changhai):
    ax = twin_chart(line=[row[3] for row in TABLE_3_8], ylim=(0, 2100))
    assert_mistake(check_chart(ax, changhai), "checks.chart_line_running_total", "2000")


def test_line_wrong_points(changhai):
    line = list(CUM_SHARE)
    line[4] = 60.0
    assert_mistake(check_chart(twin_chart(line=line), changhai), "checks.chart_line_wrong",
                   "第 5 个点", "84.5")


def test_line_on_the_revenue_axis(changhai):
    fig, ax = plt.subplots()
    ax.bar(X, REVENUE)
    ax.plot(X, CUM_SHARE, "o-")
    ax.set(title="t", xlabel="x", ylabel="营业收入")
    assert_mistake(check_chart(ax, changhai), "checks.chart_line_same_axis", "twinx")


def test_line_shifted_against_bars(changhai):
    ax = twin_chart()
    ax.figure.axes[1].get_lines()[0].set_xdata(X + 1)
    assert_mistake(check_chart(ax, changhai), "checks.chart_line_shifted")


def test_percent_axis_not_from_zero(changhai):
    ax = twin_chart(ylim=None)  # autoscaled twin axis starts near 34 %
    assert_mistake(check_chart(ax, changhai), "checks.chart_line_axis_range", "set_ylim(0, 105)")
    assert_ok(check_chart(ax, changhai, percent_axis_from_zero=False))
    ax = twin_chart(ylim=(0, 90))
    assert_mistake(check_chart(ax, changhai), "checks.chart_line_axis_range")


def test_title_and_axis_labels_missing(changhai):
    v = check_chart(twin_chart(title=""), changhai)
    assert_mistake(v, "checks.chart_missing_labels", "标题")
    v = check_chart(twin_chart(xlabel="", ylabel2=""), changhai)
    assert_mistake(v, "checks.chart_missing_labels", "横轴名称", "累计比重纵轴的名称")
    assert "a label on the cumulative-share axis" in v.message("en")


def test_class_codes_not_visible(changhai):
    ax = twin_chart(ticks=False)
    assert_mistake(check_chart(ax, changhai, Scheme()), "checks.chart_no_classes", "A、B、C")
    assert_ok(check_chart(ax, changhai))  # not asked for without a scheme


def test_class_codes_wrong(changhai):
    ax = twin_chart(classes=TIERS_80_95[("le", "order")])
    assert_mistake(check_chart(ax, changhai, Scheme()), "checks.chart_wrong_classes",
                   "第 10 位", "C 类", "B 类")


@pytest.mark.parametrize("answer,key", [(None, "checks.chart_not_returned"),
                                        ("chart", "checks.not_a_chart"),
                                        ([1, 2], "checks.not_a_chart")])
def test_wrong_kind_of_answer(changhai, answer, key):
    assert_mistake(check_chart(answer, changhai), key)


def test_empty_chart_and_gca_trap(changhai):
    fig, ax = plt.subplots()
    assert_mistake(check_chart(ax, changhai), "checks.chart_empty")
    right = twin_chart()
    plt.figure()                      # what plt.gca() would see in a later cell
    assert_ok(check_chart(right, changhai))
    assert_ok(check_chart(np.array([right]), changhai))
