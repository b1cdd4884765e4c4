"""Per-student data writes customer ids as C0001 … beside a 客户名称 column: a table with the
ids as its index reads the same as the textbook's, and a table rounded to one decimal before
tiering is right as it stands, in step 4 and in a chart drawn from it.

By hand: revenue C0001 15.04, C0002 60, C0003 20, C0004 3, C0005 1.96 (total 100).  Sorted:
C0002 60, C0003 20, C0001 15.04, C0004 3, C0005 1.96; cumulative share 60, 80, 95.04, 98.04,
100.  With ≤ 80 % A, ≤ 95 % B: A A C C C exactly; on the column rounded to one decimal
(95.04 → 95.0) C0001 is B, which step 4 accepts (rounded across the cut-off)."""
import pandas as pd
from matplotlib import pyplot as plt

from logicrm_edu.checks import Scheme, check_chart, check_share_table, check_tiers

from .helpers import faithful_chart

DATA = pd.DataFrame({"客户": ["C0001", "C0002", "C0003", "C0004", "C0005"],
                     "客户名称": ["宏发机械有限公司", "嘉禾日化有限公司", "顺达物流有限公司",
                              "德信服饰有限公司", "远航电子有限公司"],
                     "营业收入": [15.04, 60.0, 20.0, 3.0, 1.96]})


def _rounded_table() -> pd.DataFrame:
    """The demo class's "customer as index, round at the end" answer (kit:
    correct_rounded_tie_order)."""
    t = DATA.sort_values("营业收入", ascending=False).set_index("客户")
    t["比重(%)"] = t["营业收入"] * 100 / t["营业收入"].sum()
    t["累计营业收入"] = t["营业收入"].cumsum()
    t["累计比重(%)"] = t["累计营业收入"] * 100 / t["营业收入"].sum()
    return t.round(1)


def _tiered(classes: str) -> pd.DataFrame:
    tiered = _rounded_table()
    tiered["类别"] = list(classes)
    return tiered


def test_ids_in_the_index_beside_a_name_column_are_the_customers():
    verdict = check_share_table(_rounded_table(), DATA)
    assert verdict.passed, verdict.message()


def test_classes_on_the_rounded_column_pass_step_4_as_they_are():
    verdict = check_tiers(_tiered("AABCC"), DATA, Scheme())
    assert verdict.passed and not verdict.follow_through, verdict.message()


def test_a_chart_of_that_table_is_simply_right():
    tiered = _tiered("AABCC")
    ax = faithful_chart(tiered.reset_index())
    verdict = check_chart(ax, DATA, Scheme(), student_table=tiered)
    plt.close(ax.figure)
    assert verdict.passed and verdict.score == 1.0, verdict.message()
    assert not verdict.follow_through
    assert "扣分" not in verdict.message("zh") and "counted" not in verdict.message("en")


def test_a_chart_following_a_wrongly_tiered_table_says_where_that_was_charged():
    tiered = _tiered("AAACC")  # C0001 (95.04 %) put in A: step 4's mistake
    assert not check_tiers(tiered, DATA, Scheme()).passed
    ax = faithful_chart(tiered.reset_index())
    verdict = check_chart(ax, DATA, Scheme(), student_table=tiered)
    plt.close(ax.figure)
    assert verdict.passed and verdict.follow_through
    assert "已在第 4 步扣分" in verdict.message("zh")
