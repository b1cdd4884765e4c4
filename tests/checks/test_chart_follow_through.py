"""Step 5 follow-through: a chart drawn faithfully from the student's own (wrong) table
loses nothing here — the table's mistake is charged in steps 3 and 4 — while a chart
that differs from both the right answer and the student's table gets the step-5 hint,
saying so when the student's table was right.

The students' tables are typed in by hand from textbook table 3-7 (tests/textbook.py).
"""
import numpy as np
import pandas as pd
import pytest
from matplotlib import pyplot as plt

from logicrm_edu.checks import Scheme, check_chart
from textbook import REVENUE as BY_CUSTOMER
from textbook import TABLE_3_8, TIERS_80_95

from .helpers import assert_mistake, assert_ok

X = np.arange(14)
RIGHT_CLASSES = TIERS_80_95[("le", "same")]          # AAAABBBBBBCCCC
# Sorted low → high (a step-3 mistake), ties in customer order; cumulative revenue
# 10, 22, 42, 62, 102, 142, 192, 242, 310, 410, 530, 670, 1260, 2000 ÷ 2000 × 100.
# Tiered on that column (≤ 80 A, ≤ 95 B): every customer A but 4 (100 → C).
ASCENDING = pd.DataFrame(
    [(13, 10, 0.5, "A"), (11, 12, 1.1, "A"), (9, 20, 2.1, "A"), (14, 20, 3.1, "A"),
     (10, 40, 5.1, "A"), (12, 40, 7.1, "A"), (7, 50, 9.6, "A"), (8, 50, 12.1, "A"),
     (6, 68, 15.5, "A"), (3, 100, 20.5, "A"), (5, 120, 26.5, "A"), (2, 140, 33.5, "A"),
     (1, 590, 63.0, "A"), (4, 740, 100.0, "C")],
    columns=["客户", "营业收入", "累计比重(%)", "类别"])


def right_table(**columns) -> pd.DataFrame:
    """Table 3-8 with its classes, some columns replaced."""
    t = pd.DataFrame({"客户": [r[0] for r in TABLE_3_8], "营业收入": [r[1] for r in TABLE_3_8],
                      "累计比重(%)": [r[4] for r in TABLE_3_8], "类别": list(RIGHT_CLASSES)})
    for name, values in columns.items():
        t[name] = values
    return t


def chart_of(table: pd.DataFrame, *, line=None, ylim=(0, 105)):
    """A faithful chart of ``table``: its rows left to right, ticks "customer\\nclass"."""
    fig, ax = plt.subplots()
    ax.bar(X, table["营业收入"])
    ax.set_xticks(X, [f"{c}\n{k}" for c, k in zip(table["客户"], table["类别"])])
    line_ax = ax.twinx()
    line_ax.plot(X, table["累计比重(%)"] if line is None else line, marker="o")
    line_ax.set_ylim(*ylim)
    ax.set(title="客户分层图", xlabel="客户", ylabel="营业收入（万元）")
    line_ax.set_ylabel("累计比重(%)")
    return ax


def parts(verdict) -> dict[str, bool]:
    return {p.name: p.passed for p in verdict.parts}


def test_faithful_chart_of_an_ascending_table_loses_nothing(changhai):
    ax = chart_of(ASCENDING)
    v = check_chart(ax, changhai, Scheme(), student_table=ASCENDING)
    assert_ok(v)
    assert v.follow_through and v.score == 1.0
    # without the table: the order (charged in the bars only: the line accumulates the
    # bars as drawn) and customer 13's class (C, shown A)
    alone = check_chart(ax, changhai, Scheme())
    assert_mistake(alone, "checks.chart_unsorted", "柱形")
    assert parts(alone) == {"bars": False, "line": True, "classes": False, "labels": True}
    assert not alone.follow_through and alone.score == pytest.approx(1.5 / 3)


def test_students_table_read_tolerantly(changhai):
    english = ASCENDING.rename(columns={"客户": "customer", "营业收入": "revenue",
                                        "累计比重(%)": "cumulative share (%)",
                                        "类别": "class"}).set_index("customer")
    v = check_chart(chart_of(ASCENDING), changhai, Scheme(), student_table=english)
    assert_ok(v)
    assert v.follow_through


def test_a_readable_part_of_the_table_is_still_followed(changhai):
    no_classes = ASCENDING.drop(columns=["类别"])
    v = check_chart(chart_of(ASCENDING), changhai, Scheme(), student_table=no_classes)
    # customer 13 (1st bar) is class C, shown A; bars and line follow the table
    assert_mistake(v, "checks.chart_wrong_classes", "第 1 位", "A 类", "C 类",
                   "柱形（与你自己的表格一致）")
    assert v.follow_through and v.score == pytest.approx(2.5 / 3)


def test_line_of_a_fraction_column_follows(changhai):
    fractions = [r[4] / 100 for r in TABLE_3_8]      # 0.37 … 1.0: a step-3 mistake
    table = right_table(**{"累计比重(%)": fractions})
    ax = chart_of(table, ylim=(0, 1.05))
    assert_mistake(check_chart(ax, changhai, Scheme()), "checks.chart_line_fraction")
    v = check_chart(ax, changhai, Scheme(), student_table=table)
    assert_ok(v)
    assert v.follow_through


def test_line_of_rounded_shares_follows(changhai):
    # shares rounded to whole % before accumulating: 37, 30, 7, 6, 5, 3, 2, 2, 2, 2, 1, 1,
    # 1, 0 (half to even) → 37, 67, 74, 80, 85, 88, 90, 92, 94, 96, 97, 98, 99, 99
    rounded = [37, 67, 74, 80, 85, 88, 90, 92, 94, 96, 97, 98, 99, 99]
    table = right_table(**{"累计比重(%)": rounded})
    ax = chart_of(table)
    assert_mistake(check_chart(ax, changhai, Scheme()), "checks.chart_line_not_100", "99")
    v = check_chart(ax, changhai, Scheme(), student_table=table)
    assert_ok(v)
    assert v.follow_through


def test_classes_of_another_rule_follow(changhai):
    crossing = TIERS_80_95[("cross", "same")]        # customer 3 (79.5 → 84.5) kept in A
    table = right_table(类别=list(crossing))
    ax = chart_of(table)
    assert_mistake(check_chart(ax, changhai, Scheme()), "checks.chart_wrong_classes",
                   "第 5 位", "A 类", "B 类")
    v = check_chart(ax, changhai, Scheme(), student_table=table)
    assert_ok(v)
    assert v.follow_through


def test_right_table_gives_no_follow_through(changhai):
    v = check_chart(chart_of(right_table()), changhai, Scheme(), student_table=right_table())
    assert_ok(v)
    assert not v.follow_through


def test_chart_from_an_unsorted_copy_of_a_sorted_table(changhai):
    # bars and line from the data in customer order (590, 140, 100, 740, …), ticks naming
    # each customer with its class looked up in the (right, sorted) table
    data = pd.DataFrame({"客户": sorted(BY_CUSTOMER),
                         "营业收入": [BY_CUSTOMER[c] for c in sorted(BY_CUSTOMER)]})
    klass = dict(zip([r[0] for r in TABLE_3_8], RIGHT_CLASSES))
    data["类别"] = data["客户"].map(klass)
    data["累计比重(%)"] = data["营业收入"].cumsum() / 20    # 29.5, 36.5, 41.5, 78.5, …
    ax = chart_of(data)
    v = check_chart(ax, changhai, Scheme(), student_table=right_table())
    assert_mistake(v, "checks.chart_not_from_table", "柱形", "已按营业收入从高到低排好",
                   "你的表格没有问题")
    assert "sorted" in v.message("en") and "step 3" not in v.message("en")
    assert parts(v) == {"bars": False, "line": True, "classes": True, "labels": True}
    assert not v.follow_through and v.score == pytest.approx(2 / 3)
    assert_mistake(check_chart(ax, changhai, Scheme()), "checks.chart_unsorted")


def test_line_against_customer_numbers_with_a_sorted_table(changhai):
    t = right_table()
    fig, ax = plt.subplots()
    t.plot.bar(x="客户", y="营业收入", ax=ax)
    t.plot(x="客户", y="累计比重(%)", secondary_y=True, ax=ax)   # drawn at x = 4, 1, 2, …
    v = check_chart(ax, changhai, student_table=t)
    assert_mistake(v, "checks.chart_not_from_table", "累计比重折线")


def test_chart_that_differs_from_both(changhai):
    # the student's table is ascending, the chart is in customer order: neither
    data = pd.DataFrame({"客户": sorted(BY_CUSTOMER),
                         "营业收入": [BY_CUSTOMER[c] for c in sorted(BY_CUSTOMER)],
                         "类别": ["A"] * 14})
    data["累计比重(%)"] = data["营业收入"].cumsum() / 20
    v = check_chart(chart_of(data), changhai, Scheme(), student_table=ASCENDING)
    assert_mistake(v, "checks.chart_unsorted", "柱形")
    assert not v.follow_through


def test_line_only_chart_of_an_ascending_table(changhai):
    fig, ax = plt.subplots()
    ax.plot(X, ASCENDING["累计比重(%)"], marker="o")
    ax.set_xticks(X, [f"{c}({k})" for c, k in zip(ASCENDING["客户"], ASCENDING["类别"])])
    ax.set_ylim(0, 100)
    ax.set(title="图3-5", xlabel="客户", ylabel="累计比重(%)")
    v = check_chart(ax, changhai, Scheme(), student_table=ASCENDING)
    assert_ok(v)
    assert v.follow_through


@pytest.mark.parametrize("table", [None, [1, 2, 3], ASCENDING.head(10), "tiered"],
                         ids=["none", "list", "missing_customers", "text"])
def test_tables_that_cannot_be_read_are_not_followed(changhai, table):
    ax = chart_of(ASCENDING)
    assert check_chart(ax, changhai, Scheme(), student_table=table) == \
        check_chart(ax, changhai, Scheme())


def test_other_datas_table_is_not_followed(changhai):
    # the ascending table with 7 more revenue for everyone: not a table of this data (typed in
    # from other data), so the chart is judged as if there were no table
    other = ASCENDING.assign(营业收入=ASCENDING["营业收入"] + 7)
    ax = chart_of(ASCENDING)
    assert check_chart(ax, changhai, Scheme(), student_table=other) == \
        check_chart(ax, changhai, Scheme())


# -- where the chain went wrong: said once, and the cause named ------------------------

# Accumulated in customer order (590, 730, 830, 1570, 1690, 1758, 1808, 1858, 1878, 1918,
# 1930, 1970, 1980, 2000 ÷ 20), then sorted high → low (4, 1, 2, 5, 3, 6, 7, 8, 10, 12, 9,
# 14, 11, 13): a step-3 mistake.
ACCUMULATED_FIRST = [78.5, 29.5, 36.5, 84.5, 41.5, 87.9, 90.4, 92.9, 95.9, 98.5, 93.9, 100,
                     96.5, 99]


def test_line_accumulated_before_sorting_names_step_3(changhai):
    # no table to follow: the bars are sorted and right, the line was accumulated
    # before sorting; the cause is step 3, not the drawing
    ax = chart_of(right_table(), line=ACCUMULATED_FIRST)
    v = check_chart(ax, changhai, Scheme())
    assert_mistake(v, "checks.chart_cumulative_unsorted", "第 3 步", "问题不在画图")
    assert "step 3" in v.message("en") and "用排好序的表格画图" not in v.message("zh")
    assert parts(v) == {"bars": True, "line": False, "classes": True, "labels": True}
    assert v.score == pytest.approx(2 / 3)


def test_line_accumulated_before_sorting_with_a_table_that_cannot_be_read(changhai):
    ax = chart_of(right_table(), line=ACCUMULATED_FIRST)
    v = check_chart(ax, changhai, Scheme(), student_table=ASCENDING.head(10))
    assert v.mistake == "checks.chart_cumulative_unsorted"


def test_tiered_table_that_cannot_be_read_falls_back_to_the_share_table(changhai):
    # step 4's table lost customers; step 3's table (accumulated before sorting, no
    # classes) is what the line was drawn from: followed, and step 3 named as charged
    share_table = right_table(**{"累计比重(%)": ACCUMULATED_FIRST}).drop(columns=["类别"])
    ax = chart_of(right_table(), line=ACCUMULATED_FIRST)
    v = check_chart(ax, changhai, Scheme(), student_table=ASCENDING.head(10),
                    share_table=share_table)
    assert_ok(v)
    assert v.follow_through and v.score == 1.0
    assert "已在第 3 步扣分" in v.message("zh") and "排序之前" in v.message("zh")
    assert "counted in step 3" in v.message("en")
    # a readable tiered table is the one followed: the share table is not looked at
    assert check_chart(ax, changhai, Scheme(), student_table=right_table(),
                       share_table=share_table).mistake == "checks.chart_not_from_table"


def test_line_accumulated_before_sorting_with_a_right_table_blames_the_chart(changhai):
    ax = chart_of(right_table(), line=ACCUMULATED_FIRST)
    v = check_chart(ax, changhai, Scheme(), student_table=right_table())
    assert_mistake(v, "checks.chart_not_from_table", "你的表格没有问题")


def test_a_pass_on_the_students_table_says_once_where_it_was_charged(changhai):
    v = check_chart(chart_of(ASCENDING), changhai, Scheme(), student_table=ASCENDING)
    zh, en = v.message("zh"), v.message("en")
    assert zh.startswith("分层图与你自己的表格一致") and zh.count("第 3 步") == 1
    assert "升序" in zh and "已在第 3 步扣分" in zh
    assert "counted in step 3" in en
    # classes of another rule on a right table: the mistake is step 4's
    crossing = right_table(类别=list(TIERS_80_95[("cross", "same")]))
    v = check_chart(chart_of(crossing), changhai, Scheme(), student_table=crossing)
    assert "已在第 4 步扣分" in v.message("zh") and "step 4" in v.message("en")
    # a right table: the usual praise
    v = check_chart(chart_of(right_table()), changhai, Scheme(), student_table=right_table())
    assert v.message("zh").startswith("分层图正确")
