"""Step 3: the share table — every correct style passes, every typical mistake is named."""
import numpy as np
import pandas as pd
import pytest

from logicrm_edu import share_table
from logicrm_edu.checks import check_share_table
from textbook import TABLE_3_8

from .helpers import assert_mistake, assert_ok, loop_style, pandas_style

HEAD = ["客户", "营业收入", "比重(%)", "累计营业收入", "累计比重(%)"]


def typed_in(rows=TABLE_3_8, columns=HEAD):
    """Table 3-8 typed in by hand from the textbook (COURSE_BRIEF §1)."""
    return pd.DataFrame(rows, columns=columns)


# -- right answers ------------------------------------------------------------------

def test_textbook_typed_in_passes(changhai):
    assert_ok(check_share_table(typed_in(), changhai))


def test_library_pandas_and_loop_styles_pass(changhai):
    assert_ok(check_share_table(share_table(changhai), changhai))
    assert_ok(check_share_table(pandas_style(changhai), changhai))
    assert_ok(check_share_table(loop_style(changhai), changhai))


def test_other_tie_order_passes(changhai):
    # ties 7/8, 10/12, 9/14 in reverse customer order; cumulative columns by position
    swapped = [TABLE_3_8[i] for i in (0, 1, 2, 3, 4, 5, 7, 6, 9, 8, 11, 10, 12, 13)]
    rows = []
    for (customer, revenue, share, _, _), (_, _, _, cum, cum_share) in zip(swapped, TABLE_3_8):
        rows.append((customer, revenue, share, cum, cum_share))
    assert_ok(check_share_table(typed_in(rows), changhai))
    t = changhai.sort_values(["营业收入", "客户"], ascending=[False, False])
    t["比重(%)"] = t["营业收入"] / 20
    t["累计营业收入"] = t["营业收入"].cumsum()
    t["累计比重(%)"] = t["累计营业收入"] / 20
    assert_ok(check_share_table(t, changhai))  # index left unsorted, too


def test_index_variants_pass(changhai):
    t = typed_in()
    assert_ok(check_share_table(t.set_index("客户"), changhai))
    assert_ok(check_share_table(t.set_index(pd.RangeIndex(1, 15)), changhai))
    assert_ok(check_share_table(t.set_index("客户").reset_index(), changhai))


def test_heading_and_dtype_variants_pass(changhai):
    en = share_table(changhai, lang="en")
    assert_ok(check_share_table(en, changhai))
    t = typed_in()
    t.columns = ["客户 ", "营业收入（万元）", "比重（%）", "累计营业收入", "累计比重 (%)"]
    assert_ok(check_share_table(t, changhai))
    text = typed_in()
    text["比重(%)"] = [f"{x:.1f}%" for x in text["比重(%)"]]
    text["累计比重(%)"] = [f"{x:.1f}" for x in text["累计比重(%)"]]
    text["客户"] = text["客户"].astype(str)
    text["营业收入"] = text["营业收入"].astype(float)
    assert_ok(check_share_table(text, changhai))


def test_extra_columns_and_total_row_pass(changhai):
    t = typed_in()
    t["排名"] = range(1, 15)
    t["备注"] = "ok"
    total = pd.DataFrame([["合计", 2000, 100.0, np.nan, np.nan, np.nan, ""]], columns=t.columns)
    assert_ok(check_share_table(pd.concat([t, total], ignore_index=True), changhai))


def test_styler_passes(changhai):
    assert_ok(check_share_table(share_table(changhai).style.format(precision=1), changhai))


def test_rounded_to_one_decimal_at_the_end_passes(synthetic):
    t = pandas_style(synthetic).round({"比重(%)": 1, "累计比重(%)": 1, "累计营业收入": 1})
    assert_ok(check_share_table(t, synthetic, key="客户编号"))
    assert_ok(check_share_table(loop_style(synthetic, key="客户编号"), synthetic, key="客户编号"))


def test_english_data_and_table(changhai):
    from logicrm_edu import load_dataset
    en = load_dataset("changhai", lang="en")
    assert_ok(check_share_table(share_table(en, lang="en"), en, value="revenue", key="customer"))
    assert_ok(check_share_table(share_table(en, lang="en"), en))  # zh defaults find en columns


def test_require_fewer_columns(changhai):
    t = typed_in().drop(columns=["累计营业收入"])
    assert_mistake(check_share_table(t, changhai), "checks.missing_column", "累计营业收入")
    assert_ok(check_share_table(t, changhai, require=("share", "cumulative_share")))


# -- typical mistakes ---------------------------------------------------------------

def test_sorted_ascending(changhai):
    t = changhai.sort_values("营业收入").reset_index(drop=True)
    t["比重(%)"] = t["营业收入"] / 20
    t["累计营业收入"] = t["营业收入"].cumsum()
    t["累计比重(%)"] = t["累计营业收入"] / 20
    assert_mistake(check_share_table(t, changhai), "checks.sorted_ascending", "ascending=False")


def test_not_sorted(changhai):
    t = changhai.copy()
    t["比重(%)"] = t["营业收入"] / 20
    t["累计营业收入"] = t["营业收入"].cumsum()
    t["累计比重(%)"] = t["累计营业收入"] / 20
    assert_mistake(check_share_table(t, changhai), "checks.not_sorted", "原始数据的顺序")


@pytest.mark.parametrize("column", ["比重(%)", "累计比重(%)"])
def test_share_as_fraction(changhai, column):
    t = typed_in()
    t[column] = t[column] / 100
    v = assert_mistake(check_share_table(t, changhai), "checks.share_as_fraction", column, "0.37")
    assert "100" in v.message("zh").split(" — ")[1]


def test_cumulative_on_unsorted_column(changhai, synthetic):
    t = changhai.copy()
    t["比重(%)"] = t["营业收入"] / 20
    t["累计营业收入"] = t["营业收入"].cumsum()          # before sorting
    t["累计比重(%)"] = t["累计营业收入"] / 20
    t = t.sort_values("营业收入", ascending=False)
    assert_mistake(check_share_table(t, changhai), "checks.cumulative_unsorted", "累计营业收入")
    # a student who only adds the cumulative share, computed before sorting
    s = synthetic.copy()
    s["比重(%)"] = s["营业收入"] / s["营业收入"].sum() * 100
    s["累计比重(%)"] = s["比重(%)"].cumsum()
    s = s.sort_values("营业收入", ascending=False)
    verdict = check_share_table(s, synthetic, key="客户编号", require=("share", "cumulative_share"))
    assert_mistake(verdict, "checks.cumulative_unsorted", "累计比重(%)")


def test_wrong_denominator_max(changhai):
    t = pandas_style(changhai)
    t["比重(%)"] = t["营业收入"] / t["营业收入"].max() * 100
    assert_mistake(check_share_table(t, changhai), "checks.wrong_denominator",
                   "最大", "740", "2000", 'df["营业收入"].sum()')


def test_wrong_denominator_count(changhai):
    t = pandas_style(changhai)
    t["比重(%)"] = t["营业收入"] / len(t) * 100
    assert_mistake(check_share_table(t, changhai), "checks.wrong_denominator", "客户数 14")


def test_wrong_denominator_partial_sum(synthetic):
    t = pandas_style(synthetic)
    partial = synthetic["营业收入"].head(10).sum()
    t["累计比重(%)"] = t["累计营业收入"] / partial * 100
    v = check_share_table(t, synthetic, key="客户编号")
    assert_mistake(v, "checks.wrong_denominator", "一部分客户的合计", "累计比重(%)")


def test_wrong_denominator_running_total(changhai):
    t = pandas_style(changhai)
    t["比重(%)"] = t["营业收入"] / t["营业收入"].cumsum() * 100
    assert_mistake(check_share_table(t, changhai), "checks.wrong_denominator", "累计值")


def test_rounding_before_accumulating():
    # three equal customers: 33.3 + 33.3 + 33.3 = 99.9, not 100
    df = pd.DataFrame({"客户": ["甲", "乙", "丙"], "营业收入": [10, 10, 10]})
    t = pandas_style(df)
    t["比重(%)"] = t["比重(%)"].round(1)
    t["累计比重(%)"] = t["比重(%)"].cumsum()
    assert_mistake(check_share_table(t, df), "checks.rounding_before_cumsum", "99.9")


def test_rounding_before_accumulating_synthetic(synthetic):
    t = pandas_style(synthetic)
    t["比重(%)"] = t["比重(%)"].round(1)
    t["累计比重(%)"] = t["比重(%)"].cumsum().round(1)
    exact = pandas_style(synthetic)["累计比重(%)"]
    assert (t["累计比重(%)"] - exact).abs().max() > 0.05  # the data really shows the mistake
    verdict = check_share_table(t, synthetic, key="客户编号")
    assert_mistake(verdict, "checks.rounding_before_cumsum", "累计比重(%)")


def test_rounded_to_whole_percent(synthetic):
    t = pandas_style(synthetic)
    t["比重(%)"] = t["比重(%)"].round(0)
    assert_mistake(check_share_table(t, synthetic, key="客户编号"), "checks.rounded_too_coarse")


def test_cumulative_not_accumulated(changhai):
    t = typed_in()
    t["累计营业收入"] = t["营业收入"]
    assert_mistake(check_share_table(t, changhai), "checks.not_accumulated", "cumsum")


def test_wrong_single_values(changhai):
    t = typed_in()
    t.loc[5, "比重(%)"] = 3.0  # customer 6: 68 / 2000 = 3.4 %
    assert_mistake(check_share_table(t, changhai), "checks.wrong_share", "客户 6", "3.4")
    t = typed_in()
    t.loc[9, "累计比重(%)"] = 95.9  # customer 12 at row 10: 96.9
    assert_mistake(check_share_table(t, changhai), "checks.wrong_cumulative_share",
                   "第 10 行", "96.9")
    t = typed_in()
    t.loc[2, "累计营业收入"] = 1480
    assert_mistake(check_share_table(t, changhai), "checks.wrong_cumulative", "1470")


def test_last_cumulative_share_not_100(changhai):
    t = typed_in()
    t.loc[13, "累计比重(%)"] = 99.5
    assert_mistake(check_share_table(t, changhai), "checks.cumulative_not_100", "99.5")


def test_customers_missing_extra_duplicated(changhai):
    t = typed_in()
    assert_mistake(check_share_table(t.head(10), changhai), "checks.missing_customers",
                   "4 位", "head()")
    extra = pd.concat([t, typed_in([(15, 5, 0.25, 2005, 100.25)])], ignore_index=True)
    assert_mistake(check_share_table(extra, changhai), "checks.extra_customers", "15")
    twice = pd.concat([t, t.tail(1)], ignore_index=True)
    assert_mistake(check_share_table(twice, changhai), "checks.duplicate_customers", "13")


def test_missing_columns(changhai):
    t = typed_in()
    assert_mistake(check_share_table(t.drop(columns=["客户"]), changhai),
                   "checks.missing_column", "客户")
    assert_mistake(check_share_table(t.drop(columns=["比重(%)"]), changhai),
                   "checks.missing_column", "比重(%)")
    v = check_share_table(t.drop(columns=["累计比重(%)"]), changhai)
    assert_mistake(v, "checks.missing_column", "累计比重(%)")
    assert "cumulative share (%)" in v.message("en")


def test_values_changed_and_bad_cells(changhai):
    t = typed_in()
    t.loc[0, "营业收入"] = 750
    assert_mistake(check_share_table(t, changhai), "checks.values_changed", "740", "750")
    t = typed_in()
    t["比重(%)"] = t["比重(%)"].astype(object)
    t.loc[1, "比重(%)"] = "二十九点五"
    assert_mistake(check_share_table(t, changhai), "checks.not_numbers", "二十九点五")
    t = typed_in()
    t.loc[3, "累计比重(%)"] = np.nan
    assert_mistake(check_share_table(t, changhai), "checks.blank_cells", "客户 5")


@pytest.mark.parametrize("answer,key", [(None, "checks.no_answer"),
                                        ([1, 2, 3], "checks.not_a_table"),
                                        (pd.Series([1.0]), "checks.not_a_table"),
                                        (pd.DataFrame(), "checks.empty_table")])
def test_wrong_kind_of_answer(changhai, answer, key):
    assert_mistake(check_share_table(answer, changhai), key)


def test_student_edit_of_their_copy_does_not_matter(changhai):
    mine = changhai.copy()
    mine.loc[0, "营业收入"] = 5000          # student edits their own copy
    t = share_table(mine)
    assert_mistake(check_share_table(t, changhai), "checks.values_changed")


def test_whole_number_shares_summed_name_the_root_mistake():
    # table 3-8 with 比重 rounded to whole % first (29.5 → 30, 3.4 → 3, 0.5 → 0 …) and
    # 累计比重 summed from those: 37, 67, 74, 80, 85, 88, 90, 92, 94, 96, 97, 98, 99, 99
    from logicrm_edu import load_dataset
    from logicrm_edu.checks import check_share_table
    df = load_dataset("changhai")
    t = df.sort_values("营业收入", ascending=False, kind="stable").reset_index(drop=True)
    t["比重(%)"] = (t["营业收入"] / 2000 * 100).round(0)
    t["累计营业收入"] = t["营业收入"].cumsum()
    t["累计比重(%)"] = t["比重(%)"].cumsum()
    assert t["累计比重(%)"].tolist()[-1] == 99
    verdict = check_share_table(t, df)
    assert verdict.mistake == "checks.rounding_before_cumsum"


def test_rounded_example_quotes_a_row_that_differs():
    from logicrm_edu import load_dataset
    from logicrm_edu.checks import check_share_table
    df = load_dataset("changhai")
    t = df.sort_values("营业收入", ascending=False, kind="stable").reset_index(drop=True)
    t["比重(%)"] = (t["营业收入"] / 2000 * 100).round(0)
    t["累计营业收入"] = t["营业收入"].cumsum()
    t["累计比重(%)"] = t["累计营业收入"] / 2000 * 100  # accumulated correctly
    verdict = check_share_table(t, df)
    assert verdict.mistake == "checks.rounded_too_coarse"
    # the largest error: 29.5 → 30 (customer 1) or 0.5 → 0, never a row that is right (37)
    assert "37，应为 37" not in verdict.message("zh")
