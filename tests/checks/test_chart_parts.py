"""Step 5 marked by parts: bars, line, classes, labels — each mistake costs its own part.

Default points: bars 1, line 1, classes 0.5, labels 0.5, shared out over the parts
judged (classes only with a scheme, bars only when drawn or required).  The scores
below are those points worked out by hand, e.g. a chart right except its class
codes earns (1 + 1 + 0.5) / 3 = 5/6.  Charts are textbook table 3-8
(tests/textbook.py).
"""
import numpy as np
import pytest
from matplotlib import pyplot as plt

from logicrm_edu import SchemeError
from logicrm_edu.checks import Part, Scheme, check_chart
from textbook import REVENUE as BY_CUSTOMER
from textbook import TABLE_3_8, TIERS_80_95

from .helpers import assert_mistake, assert_ok
from .test_plots import CUM_SHARE, CUSTOMERS, REVENUE, X, twin_chart

CLASSES = TIERS_80_95[("le", "same")]


def by_number_chart(line=CUM_SHARE):
    """Bars in customer-number order (1, 2, …, 14), each tick naming its customer and
    class; the line as given."""
    numbers = sorted(BY_CUSTOMER)
    klass = dict(zip(CUSTOMERS, CLASSES))
    fig, ax = plt.subplots()
    ax.bar(X, [BY_CUSTOMER[c] for c in numbers])
    ax.set_xticks(X, [f"{c}\n{klass[c]}" for c in numbers])
    line_ax = ax.twinx()
    line_ax.plot(X, line, marker="o")
    line_ax.set_ylim(0, 105)
    ax.set(title="客户分层图", xlabel="客户", ylabel="营业收入")
    line_ax.set_ylabel("累计比重(%)")
    return ax


def passed_parts(verdict) -> dict[str, bool]:
    return {p.name: p.passed for p in verdict.parts}


def test_right_chart_has_four_parts_worth_their_weights(changhai):
    v = check_chart(twin_chart(), changhai, Scheme())
    assert_ok(v)
    assert v.parts == (Part("bars", 1 / 3, True), Part("line", 1 / 3, True),
                       Part("classes", 1 / 6, True), Part("labels", 1 / 6, True))
    assert v.score == 1.0


def test_right_except_the_class_codes(changhai):
    v = check_chart(twin_chart(ticks=False), changhai, Scheme())
    assert_mistake(v, "checks.chart_no_classes", "A、B、C",
                   "已正确：柱形、累计比重折线、标题和坐标轴名称", "需要修改：类别标记")
    assert passed_parts(v) == {"bars": True, "line": True, "classes": False, "labels": True}
    assert v.score == pytest.approx(5 / 6)      # (1 + 1 + 0.5) / 3
    assert "Right: bars, cumulative line, title and axis labels; to fix: class codes" \
        in v.message("en")
    equal = check_chart(twin_chart(ticks=False), changhai, Scheme(),
                        weights={"bars": 1, "line": 1, "classes": 1, "labels": 1})
    assert equal.score == pytest.approx(0.75)   # 3 of 4 equal parts


def test_right_except_the_title(changhai):
    v = check_chart(twin_chart(title=""), changhai, Scheme())
    assert_mistake(v, "checks.chart_missing_labels", "标题", "需要修改：标题和坐标轴名称")
    assert v.score == pytest.approx(5 / 6)


def test_right_except_the_order_of_the_bars(changhai):
    # bars 590, 140, 100, 740, … (customers 1–14), every tick naming the customer and
    # its class: the classes are right per customer, the line is table 3-8's
    v = check_chart(by_number_chart(), changhai, Scheme())
    assert_mistake(v, "checks.chart_unsorted", "柱形", "已正确：累计比重折线、类别标记")
    assert passed_parts(v) == {"bars": False, "line": True, "classes": True, "labels": True}
    assert v.score == pytest.approx(2 / 3)      # (1 + 0.5 + 0.5) / 3


def test_order_is_charged_once_when_the_line_follows_the_bars(changhai):
    # the line accumulates the bars as drawn: 590/2000 = 29.5, 730/2000 = 36.5, …
    running = np.cumsum([BY_CUSTOMER[c] for c in sorted(BY_CUSTOMER)]) / 20
    assert running[:3].tolist() == [29.5, 36.5, 41.5] and running[-1] == 100
    v = check_chart(by_number_chart(line=running), changhai, Scheme())
    assert_mistake(v, "checks.chart_unsorted", "柱形")
    assert passed_parts(v)["line"] and v.score == pytest.approx(2 / 3)


def test_line_not_reaching_100_only(changhai):
    line = [row[3] / 2100 * 100 for row in TABLE_3_8]   # 2000 / 2100 → ends at 95.24
    v = check_chart(twin_chart(line=line), changhai, Scheme())
    assert_mistake(v, "checks.chart_line_not_100", "95.24")
    assert passed_parts(v) == {"bars": True, "line": False, "classes": True, "labels": True}
    assert v.score == pytest.approx(2 / 3)


def test_every_part_wrong(changhai):
    fig, ax = plt.subplots()
    ax.bar(X, np.cumsum(REVENUE))          # running totals as bars: bar 2 is 1330, not 590
    ax.twinx().plot(X, [c / 100 for c in CUM_SHARE])   # fractions on a plain axis
    v = check_chart(ax, changhai, Scheme())
    assert_mistake(v, "checks.chart_bar_heights", "第 2 根",
                   "需要修改：柱形、累计比重折线、类别标记、标题和坐标轴名称")
    assert "已正确" not in v.message("zh") and v.score == 0


def test_without_a_scheme_classes_are_not_judged(changhai):
    v = check_chart(twin_chart(ticks=False, title=""), changhai)
    assert [p.name for p in v.parts] == ["bars", "line", "labels"]
    assert v.score == pytest.approx(0.8)       # (1 + 1) / 2.5


def test_line_only_chart_has_no_bars_part(changhai):
    fig, ax = plt.subplots()
    ax.plot(X, CUM_SHARE, marker="o")
    ax.set_ylim(0, 100)
    ax.set(title="图3-5 客户分层图", xlabel="客户", ylabel="累计比重(%)")
    v = check_chart(ax, changhai, Scheme())
    assert [p.name for p in v.parts] == ["line", "classes", "labels"]
    assert_mistake(v, "checks.chart_no_classes")
    assert v.score == pytest.approx(0.75)      # (1 + 0.5) / 2
    required = check_chart(ax, changhai, Scheme(), require_bars=True)
    assert_mistake(required, "checks.chart_no_bars")
    assert required.score == pytest.approx(1.5 / 3)   # line 1 + labels 0.5 of 3


def test_weights_choose_the_parts_judged(changhai):
    ax = twin_chart(ticks=False)
    assert_ok(check_chart(ax, changhai, Scheme(), weights={"classes": 0}))
    v = check_chart(ax, changhai, Scheme(), weights={"bars": 2, "line": 2, "classes": 1,
                                                      "labels": 0})
    assert [(p.name, p.weight) for p in v.parts] == [("bars", 0.4), ("line", 0.4),
                                                       ("classes", 0.2)]
    assert v.score == pytest.approx(0.8)


@pytest.mark.parametrize("weights", [{"title": 1}, {"bars": -1}, {"line": "1"},
                                     {"bars": float("nan")}, [1, 1, 0.5, 0.5],
                                     {"bars": 0, "line": 0, "classes": 0, "labels": 0}])
def test_bad_weights_are_the_teachers_error(changhai, weights):
    with pytest.raises(SchemeError):
        check_chart(twin_chart(), changhai, Scheme(), weights=weights)
    with pytest.raises(SchemeError):
        check_chart(None, changhai, weights=weights)   # before the answer is looked at


def test_only_parts_this_chart_lacks_is_the_teachers_error(changhai):
    with pytest.raises(SchemeError):   # classes only, but no scheme to judge them by
        check_chart(twin_chart(), changhai, weights={"bars": 0, "line": 0, "labels": 0})


def test_not_a_chart_scores_nothing(changhai):
    for answer in (None, "chart"):
        v = check_chart(answer, changhai, Scheme())
        assert v.parts == () and v.score == 0
    fig, ax = plt.subplots()
    empty = check_chart(ax, changhai, Scheme())
    assert_mistake(empty, "checks.chart_empty")
    assert empty.parts == () and empty.score == 0


def test_axis_range_option_still_works(changhai):
    ax = twin_chart(ylim=None)     # autoscaled: the twin axis starts near 34 %
    v = check_chart(ax, changhai, Scheme())
    assert_mistake(v, "checks.chart_line_axis_range")
    assert v.score == pytest.approx(2 / 3)
    assert_ok(check_chart(ax, changhai, Scheme(), percent_axis_from_zero=False))
