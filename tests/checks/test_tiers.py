"""Step 4: the class column under the teacher's scheme."""
import numpy as np
import pandas as pd
import pytest

from logicrm_edu import share_table, tier_customers
from logicrm_edu.checks import Scheme, check_tiers
from textbook import ORDER, TIERS_80_95

from .helpers import assert_mistake, assert_ok


def by_hand(classes: str, order=ORDER, column="类别"):
    """Customers in sorted order with classes typed in from textbook.py."""
    return pd.DataFrame({"客户": order, column: list(classes)})


BOUNDARY_DATA = pd.DataFrame({"客户": list("abcde"), "营业收入": [50, 30, 10, 6, 4]})
# cumulative 50, 80, 90, 96, 100 with cuts 80/95, worked out by hand:
BOUNDARY_TIERS = {"le": "AABCC", "lt": "ABBCC", "cross": "AABBC"}


# -- right answers ------------------------------------------------------------------

@pytest.mark.parametrize("boundary,ties", sorted(TIERS_80_95))
def test_textbook_tiers_by_hand(changhai, boundary, ties):
    scheme = Scheme(cuts=(80, 95), boundary=boundary, ties=ties)
    assert_ok(check_tiers(by_hand(TIERS_80_95[(boundary, ties)]), changhai, scheme))


def test_library_output_and_default_scheme(changhai):
    tiered = tier_customers(share_table(changhai), cuts=(80, 95))
    assert_ok(check_tiers(tiered, changhai, Scheme()))
    assert_ok(check_tiers(tiered, changhai))  # Scheme() by default
    assert_ok(check_tiers(tiered, changhai, {"cuts": (80, 95)}))
    verdict = check_tiers(tiered, changhai)
    assert "A 类 4 位" in verdict.message("zh") and "B 类 6 位" in verdict.message("zh")


def test_label_and_dtype_variants(changhai):
    right = TIERS_80_95[("le", "same")]
    t = by_hand(right)
    assert_ok(check_tiers(t.assign(类别=t["类别"].astype("category")), changhai))
    assert_ok(check_tiers(t.assign(类别=[c + "类" for c in right]), changhai))
    assert_ok(check_tiers(t.assign(类别=[c.lower() for c in right]), changhai))
    assert_ok(check_tiers(t.rename(columns={"类别": "class", "客户": "customer"}), changhai))
    assert_ok(check_tiers(t.rename(columns={"类别": "客户类别"}), changhai))
    assert_ok(check_tiers(t.set_index("客户"), changhai))
    assert_ok(check_tiers(t.set_index("客户")["类别"], changhai))           # a Series
    assert_ok(check_tiers(dict(zip(ORDER, right)), changhai))               # a dict
    shuffled = t.sample(frac=1, random_state=3)                             # any row order
    assert_ok(check_tiers(shuffled, changhai))


def test_custom_labels(changhai):
    scheme = Scheme(cuts=(80, 95), labels=("重点客户", "主要客户", "普通客户"))
    names = {"A": "重点客户", "B": "主要客户", "C": "普通客户"}
    t = by_hand([names[c] for c in TIERS_80_95[("le", "same")]])
    assert_ok(check_tiers(t, changhai, scheme))


def test_ties_order_follows_the_students_own_order(changhai):
    # customer 12 listed before 10: under ties="order" 12 is B and 10 is C
    order = [4, 1, 2, 5, 3, 6, 7, 8, 12, 10, 9, 14, 11, 13]
    scheme = Scheme(ties="order")
    assert_ok(check_tiers(by_hand("AAAABBBBBCCCCC", order), changhai, scheme))
    assert_mistake(check_tiers(by_hand("AAAABBBBBCCCCC"[:8] + "CB" + "CCCC", order), changhai,
                               scheme), "checks.wrong_tiers", "客户 12")


@pytest.mark.parametrize("boundary", ["le", "lt", "cross"])
def test_exact_boundary_data(boundary):
    scheme = Scheme(boundary=boundary, ties="order")
    t = by_hand(BOUNDARY_TIERS[boundary], order=list("abcde"))
    assert_ok(check_tiers(t, BOUNDARY_DATA, scheme))


def test_synthetic_with_library(synthetic):
    for scheme in (Scheme(), Scheme(cuts=(70, 90), boundary="cross"),
                   Scheme(cuts=(5, 20), by="rank"), Scheme(cuts=(1, 5, 20), by="rank")):
        tiered = tier_customers(share_table(synthetic, key="客户编号"), **scheme.tier_kwargs())
        assert_ok(check_tiers(tiered, synthetic, scheme, key="客户编号"))


# -- typical mistakes ---------------------------------------------------------------

def test_tie_rule_order_instead_of_same(changhai):
    v = check_tiers(by_hand(TIERS_80_95[("le", "order")]), changhai, Scheme(ties="same"))
    assert_mistake(v, "checks.tie_rule", "10、12", "40", "B、C", "（order）", "（same）")
    assert "tied customers 10, 12" in v.message("en")


def test_tie_rule_same_instead_of_order(changhai):
    v = check_tiers(by_hand(TIERS_80_95[("le", "same")]), changhai, Scheme(ties="order"))
    assert_mistake(v, "checks.tie_rule", "10、12", "B、B")


def test_boundary_rule_cross_instead_of_le(changhai):
    v = check_tiers(by_hand(TIERS_80_95[("cross", "same")]), changhai, Scheme())
    assert_mistake(v, "checks.boundary_rule", "客户 3", "（cross）", "（le）")


@pytest.mark.parametrize("required,used", [("le", "lt"), ("lt", "le"), ("le", "cross"),
                                           ("cross", "lt")])
def test_boundary_rule_named_at_exact_cut(required, used):
    t = by_hand(BOUNDARY_TIERS[used], order=list("abcde"))
    v = check_tiers(t, BOUNDARY_DATA, Scheme(boundary=required, ties="order"))
    assert_mistake(v, "checks.boundary_rule", f"（{used}）", f"（{required}）")


def test_rank_instead_of_cumulative(changhai):
    tiered = tier_customers(share_table(changhai), cuts=(5, 20), by="rank")
    v = check_tiers(tiered, changhai, Scheme())
    assert_mistake(v, "checks.wrong_scheme", "排名", "累计比重")


def test_wrong_cuts(changhai):
    tiered = tier_customers(share_table(changhai), cuts=(70, 90))
    assert_mistake(check_tiers(tiered, changhai, Scheme()), "checks.wrong_cuts", "70、90", "80、95")


def test_tiers_from_unsorted_and_ascending_data(changhai):
    raw = changhai.copy()  # cumulative share in the data's order, tiered without sorting
    cum = raw["营业收入"].cumsum() / 20
    raw["类别"] = np.where(cum <= 80, "A", np.where(cum <= 95, "B", "C"))
    assert_mistake(check_tiers(raw, changhai), "checks.tiers_unsorted")
    asc = changhai.sort_values("营业收入", kind="stable").reset_index(drop=True)
    cum = asc["营业收入"].cumsum() / 20
    asc["类别"] = np.where(cum <= 80, "A", np.where(cum <= 95, "B", "C"))
    # was checks.sorted_ascending, step 3's own message: step 4 now names the step where
    # the cause lies (step 3) and quotes that message
    assert_mistake(check_tiers(asc, changhai), "checks.tiers_from_wrong_table", "第 3 步", "升序")


def test_labels_reversed(changhai):
    flipped = TIERS_80_95[("le", "same")].translate(str.maketrans("AC", "CA"))
    assert_mistake(check_tiers(by_hand(flipped), changhai), "checks.labels_reversed")


def test_one_wrong_class(changhai):
    classes = list(TIERS_80_95[("le", "same")])
    classes[5] = "A"  # customer 6 is B
    assert_mistake(check_tiers(by_hand(classes), changhai), "checks.wrong_tiers",
                   "客户 6", "A 类", "B 类")


def test_unknown_blank_and_missing(changhai):
    right = list(TIERS_80_95[("le", "same")])
    assert_mistake(check_tiers(by_hand(right[:-1] + ["D"]), changhai), "checks.unknown_labels", "D")
    blank = by_hand(right)
    blank.loc[2, "类别"] = None
    assert_mistake(check_tiers(blank, changhai), "checks.blank_cells", "客户 2")
    assert_mistake(check_tiers(share_table(changhai), changhai), "checks.missing_column", "类别")
    assert_mistake(check_tiers(by_hand(right).head(12), changhai), "checks.missing_customers")
    assert_mistake(check_tiers(None, changhai), "checks.no_answer")
    assert_mistake(check_tiers("A", changhai), "checks.not_a_table")


# -- follow-through: right for the student's own table ------------------------------

def own_table(df, order="ascending"):
    """A share table whose 累计比重 was accumulated in the wrong order (a step-3 mistake):
    "ascending" (sorted low → high), or "data" (accumulated before sorting, then sorted)."""
    if order == "ascending":
        t = df.sort_values("营业收入", kind="stable").reset_index(drop=True)
        t["累计营业收入"] = t["营业收入"].cumsum()
    else:
        t = df.copy()
        t["累计营业收入"] = t["营业收入"].cumsum()
        t = t.sort_values("营业收入", ascending=False, kind="stable").reset_index(drop=True)
    t["比重(%)"] = t["营业收入"] / 20
    t["累计比重(%)"] = t["累计营业收入"] / 20
    return t


def tiered_as_taught(t):
    """Step 4 as the notebook teaches it: ≤ 80 A, ≤ 95 B, else C, ties take the first class."""
    t = t.copy()
    t["类别"] = np.where(t["累计比重(%)"] <= 80, "A", np.where(t["累计比重(%)"] <= 95, "B", "C"))
    t["类别"] = t.groupby("营业收入")["类别"].transform("first")
    return t


def test_ascending_table_tiered_correctly_follows_through(changhai):
    # ascending 累计比重 (by hand): 13 0.5, 11 1.1, 9 2.1, 14 3.1, 10 5.1, 12 7.1, 7 9.6,
    # 8 12.1, 6 15.5, 3 20.5, 5 26.5, 2 33.5, 1 63.0, 4 100 → all A except customer 4 (C)
    t = tiered_as_taught(own_table(changhai))
    assert "".join(t["类别"]) == "A" * 13 + "C"
    v = check_tiers(t, changhai)
    assert_ok(v)
    assert v.follow_through
    zh = v.message("zh")
    assert "你自己的比重表" in zh and "第 3 步" in zh and "升序" in zh and "A 类 13 位" in zh
    assert "step 3" in v.message("en")
    # the right answer is no follow-through
    assert not check_tiers(tier_customers(share_table(changhai)), changhai).follow_through


def test_unsorted_cumulative_with_groupby_fix_follows_through(changhai):
    # 累计比重 in the data's order (by hand): 1 29.5, 2 36.5, 3 41.5, 4 78.5, 5 84.5, 6 87.9,
    # 7 90.4, 8 92.9, 9 93.9, 10 95.9, 11 96.5, 12 98.5, 13 99, 14 100; sorted 4,1,2,5,3,6,7,8,
    # 10,12,9,14,11,13 → A A A B A B B B C C B C C C; ties 9/14 take 9's B (the better class)
    t = tiered_as_taught(own_table(changhai, "data"))
    assert t["客户"].tolist() == ORDER and "".join(t["类别"]) == "AAABABBBCCBBCC"
    v = check_tiers(t, changhai)
    assert_ok(v)
    assert v.follow_through and "排序之前" in v.message("zh")


def test_unsorted_cumulative_with_groupby_fix_names_step_3(changhai):
    # the same classes without the table's columns: no table to follow, and the classes are
    # the unsorted cumulative's, ties fixed by the first row (before: a generic hint)
    t = tiered_as_taught(own_table(changhai, "data"))[["客户", "类别"]]
    v = assert_mistake(check_tiers(t, changhai), "checks.tiers_unsorted", "第 3 步", "先累计、后排序")
    assert not v.follow_through
    # an unstable sort put 8 before 7, 12 before 10, 14 before 9: "first" is then 14's C,
    # not the better B of its tie partner 9.  On a right table (累计比重 rising row by row)
    # "first" is the "same" rule, so the difference is the step-3 mistake's alone: the
    # classes follow through, and the mistake is charged in step 3 only
    own = own_table(changhai, "data")
    swapped = own.iloc[[0, 1, 2, 3, 4, 5, 7, 6, 9, 8, 11, 10, 12, 13]].reset_index(drop=True)
    t = tiered_as_taught(swapped)
    assert "".join(t["类别"]) == "AAABABBBCCCCCC"
    v = check_tiers(t, changhai)
    assert v.passed and v.follow_through and "第 3 步扣分" in v.message("zh")
    # on a right table the taught code is simply right, with nothing to follow through
    right = changhai.sort_values("营业收入", ascending=False, kind="stable").reset_index(drop=True)
    right["累计营业收入"] = right["营业收入"].cumsum()
    right["比重(%)"], right["累计比重(%)"] = right["营业收入"] / 20, right["累计营业收入"] / 20
    v = check_tiers(tiered_as_taught(right), changhai)
    assert v.passed and not v.follow_through


def test_own_table_with_a_step_4_slip_is_judged_on_that_table(changhai):
    # ascending table, "cross" rule: every customer's share before it is < 80 (4: 63.0),
    # so all are A; on their own table "le" makes customer 4 C
    t = own_table(changhai)
    t["类别"] = "A"
    v = assert_mistake(check_tiers(t, changhai), "checks.boundary_rule", "客户 4", "C 类",
                       "（cross）", "（le）")
    assert not v.follow_through


def test_no_follow_through_without_the_cumulative_share(changhai):
    t = tiered_as_taught(own_table(changhai)).drop(columns=["累计比重(%)"])
    v = assert_mistake(check_tiers(t, changhai), "checks.tiers_from_wrong_table", "升序")
    assert not v.follow_through


def test_rounded_table_across_a_cut_passes_without_follow_through():
    # a: 80.04 %, shown as 80.0 (within step 3's 0.05) and classed A by "≤ 80": right for the
    # table, which step 3 accepts, so nothing was charged earlier
    df = pd.DataFrame({"客户": list("abc"), "营业收入": [8004, 1000, 996]})
    t = pd.DataFrame({"客户": list("abc"), "营业收入": [8004, 1000, 996],
                      "累计比重(%)": [80.0, 90.0, 100.0], "类别": list("ABC")})
    v = check_tiers(t, df)
    assert_ok(v)
    assert not v.follow_through


def test_rank_scheme_follows_the_students_row_order(changhai):
    # top 5 % of 14 = 1 customer, top 20 % = 3 (ceil): on the ascending table the first row
    # (13) is A, the next two (11, 9) B
    scheme = Scheme(cuts=(5, 20), by="rank", ties="order")
    t = own_table(changhai)
    t["类别"] = ["A", "B", "B"] + ["C"] * 11
    v = check_tiers(t, changhai, scheme)
    assert_ok(v)
    assert v.follow_through


def test_value_scheme_follows_the_students_values(changhai):
    # customer 3 typed as 10 instead of 100: by value (≥ 500 A, ≥ 100 B) it is C on the
    # student's table, B on the right one
    scheme = Scheme(cuts=(500, 100), by="value")
    t = by_hand("AABBCCCCCCCCCC")
    t["营业收入"] = [740, 590, 140, 120, 10, 68, 50, 50, 40, 40, 20, 20, 12, 10]
    v = check_tiers(t, changhai, scheme)
    assert_ok(v)
    assert v.follow_through and "原始数据是 100" in v.message("zh")


def test_tiers_from_own_table(changhai):
    from logicrm_edu.checks.own_tiers import tiers_from_own_table
    from logicrm_edu.checks.reference import build_reference
    from logicrm_edu.checks.rows import read_rows
    ref = build_reference(changhai)

    def own(table, scheme):
        rows = read_rows(table, ref, (), optional=("value", "cumulative_share"))
        return tiers_from_own_table(rows, scheme)

    t = own_table(changhai)
    assert own(t, Scheme()).tolist() == [0] * 13 + [2]
    # ties="same" on the data-order cumulative: 9/14 share 9's B (code 1)
    assert own(own_table(changhai, "data"), Scheme()).tolist() == [0, 0, 0, 1, 0, 1, 1, 1, 2,
                                                                  2, 1, 1, 2, 2]
    assert own(t.drop(columns=["累计比重(%)"]), Scheme()) is None  # no table to follow
    rank = Scheme(cuts=(5, 20), by="rank", ties="order")  # 1 A, 2 B, 11 C in the rows' order
    assert own(t, rank).tolist() == [0, 1, 1] + [2] * 11
    assert own(t.drop(columns=["营业收入"]), rank) is None


def test_classes_of_a_wrong_table_without_its_columns_name_step_3(changhai):
    # shares rounded half up to whole % and summed: 37, 67, 74, 80, 85, 88, 91, 94, 96, 98, ...
    # → 4 1 2 5 A, 3 6 7 8 B, 10 (96) and 12 C: the classes of that table, handed in alone
    v = check_tiers(by_hand("AAAABBBBCCCCCC"), changhai)
    assert_mistake(v, "checks.tiers_from_wrong_table", "取整后的比重再累加", "第 3 步")


def test_own_table_that_cannot_be_read_is_not_followed(changhai):
    # a division by zero (inf) or text in 累计比重: no follow-through, and no crash
    t = tiered_as_taught(own_table(changhai))
    t["累计比重(%)"] = t["累计比重(%)"].astype(object)
    t.loc[0, "累计比重(%)"] = float("inf")
    v = check_tiers(t, changhai)
    assert not v.passed and v.mistake != "checks.could_not_check", str(v)
    t.loc[0, "累计比重(%)"] = "很少"
    v = check_tiers(t, changhai)
    assert not v.passed and v.mistake != "checks.could_not_check", str(v)
