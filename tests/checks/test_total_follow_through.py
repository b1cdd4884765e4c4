"""Follow-through of the step-2 total: a share table that divides by the student's own
wrong total (step 2) is right in step 3, and steps 4–5 say the mistake was step 2's.

The student summed the whole table in step 2 (``df.sum().sum()``): revenue 2000 plus the
customer numbers 1 + … + 14 = 105, so 2105.  Worked out by hand from table 3-8's
cumulative revenue 740, 1330, 1470, 1590, 1690, 1758, 1808, 1858, 1898, 1938, 1958, 1978,
1990, 2000 ÷ 2105 × 100: 35.15, 63.18, 69.83, 75.53, 80.29, 83.52, 85.89, 88.27, 90.17,
92.07, 93.02, 93.97, 94.54, 95.01.  Tiered ≤ 80 A, ≤ 95 B: customers 4, 1, 2, 5 A, the
next nine B (ties 7/8, 10/12, 9/14 each in one class), 13 (95.01) C.
"""
import pandas as pd
import pytest

from logicrm_edu.assignments import AbcTiering
from logicrm_edu.checks import Scheme, check_chart, check_share_table, check_tiers
from textbook import TABLE_3_8

from .helpers import assert_mistake, assert_ok, faithful_chart

WRONG_TOTAL = 2105
OWN_CLASSES = "AAAABBBBBBBBBC"


def table_over(total: float) -> pd.DataFrame:
    """Table 3-8 with 比重 and 累计比重 divided by ``total``."""
    return pd.DataFrame({
        "客户": [r[0] for r in TABLE_3_8], "营业收入": [r[1] for r in TABLE_3_8],
        "比重(%)": [r[1] / total * 100 for r in TABLE_3_8],
        "累计营业收入": [r[3] for r in TABLE_3_8],
        "累计比重(%)": [r[3] / total * 100 for r in TABLE_3_8]})


def test_hand_worked_cumulative_shares():
    assert table_over(WRONG_TOTAL)["累计比重(%)"].round(2).tolist() == [
        35.15, 63.18, 69.83, 75.53, 80.29, 83.52, 85.89, 88.27, 90.17, 92.07, 93.02, 93.97,
        94.54, 95.01]


def test_step3_right_given_the_step2_total(changhai):
    v = check_share_table(table_over(WRONG_TOTAL), changhai, student_total=WRONG_TOTAL)
    assert_ok(v)
    assert v.follow_through
    zh, en = v.message("zh"), v.message("en")
    assert "第 2 步" in zh and "2105" in zh and "应为 2000" in zh
    assert "step-2 total 2105 (of 营业收入)" in en and "counted in step 2" in en


def test_step3_total_given_as_text_or_numpy_number(changhai):
    import numpy as np
    for total in ("2105", np.int64(2105), 2105.0):
        assert check_share_table(table_over(WRONG_TOTAL), changhai,
                                 student_total=total).follow_through


@pytest.mark.parametrize("total", [None, 2000, 740, 0, "two thousand", [2105]],
                         ids=["none", "right_total", "another_total", "zero", "text", "list"])
def test_step3_not_followed_when_the_table_is_not_over_that_total(changhai, total):
    v = check_share_table(table_over(WRONG_TOTAL), changhai, student_total=total)
    assert_mistake(v, "checks.wrong_denominator", "2105")
    assert not v.follow_through


def test_step3_other_mistakes_are_still_step_3s(changhai):
    # sorted ascending and divided by the student's total: the order is step 3's own mistake
    ascending = table_over(WRONG_TOTAL).iloc[::-1].reset_index(drop=True)
    assert_mistake(check_share_table(ascending, changhai, student_total=WRONG_TOTAL),
                   "checks.sorted_ascending")
    # divided by the step-2 total in 比重 only, 累计比重 by the right one: not that total
    mixed = table_over(WRONG_TOTAL).assign(**{"累计比重(%)": [r[4] for r in TABLE_3_8]})
    assert not check_share_table(mixed, changhai, student_total=WRONG_TOTAL).passed


def test_step4_on_that_table_names_step_2(changhai):
    tiered = table_over(WRONG_TOTAL).assign(类别=list(OWN_CLASSES))
    v = check_tiers(tiered, changhai, Scheme(), student_total=WRONG_TOTAL)
    assert_ok(v)
    assert v.follow_through
    assert "已在第 2 步扣分" in v.message("zh") and "第 3 步" not in v.message("zh")
    # without the step-2 total, the table's mistake is the denominator, charged in step 3
    alone = check_tiers(tiered, changhai, Scheme())
    assert alone.follow_through and "已在第 3 步扣分" in alone.message("zh")


def test_step4_table_of_other_data_is_not_followed(changhai):
    # classes right for the table's own 累计比重, but its revenue is not this data's
    other = table_over(WRONG_TOTAL).assign(类别=list(OWN_CLASSES),
                                           营业收入=[r[1] + 7 for r in TABLE_3_8])
    assert not check_tiers(other, changhai, Scheme(), student_total=WRONG_TOTAL).passed


def test_step5_on_that_table_names_step_2(changhai):
    tiered = table_over(WRONG_TOTAL).assign(类别=list(OWN_CLASSES))
    v = check_chart(faithful_chart(tiered), changhai, Scheme(), student_table=tiered,
                    student_total=WRONG_TOTAL)
    assert_ok(v)
    assert v.follow_through and "已在第 2 步扣分" in v.message("zh")


def test_the_task_hands_each_step_the_step2_total(changhai):
    task = AbcTiering()
    table = table_over(WRONG_TOTAL)
    tiered = table.assign(类别=list(OWN_CLASSES))
    earlier = {"total_revenue": WRONG_TOTAL}
    assert task.judge("step3", (table,), changhai, earlier).follow_through
    assert "第 2 步" in task.judge("step4", (tiered,), changhai, earlier).message("zh")
    chart = task.judge("step5", (faithful_chart(tiered),), changhai,
                       {**earlier, "tiered": tiered, "table": table})
    assert chart.passed and "第 2 步" in chart.message("zh")
    assert task.judge("step3", (table,), changhai).mistake == "checks.wrong_denominator"


def test_step4_table_in_another_unit_is_still_followed(changhai):
    # revenue written in 元 (× 10000): a step-3 slip in the data's own numbers, followed
    tiered = table_over(WRONG_TOTAL).assign(类别=list(OWN_CLASSES),
                                            营业收入=[r[1] * 10000 for r in TABLE_3_8])
    assert check_tiers(tiered, changhai, Scheme(), student_total=WRONG_TOTAL).follow_through
