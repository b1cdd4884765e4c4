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
    assert_mistake(check_tiers(asc, changhai), "checks.sorted_ascending")


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
