import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from logicrm_edu import (SchemeError, load_dataset, share_table, straddling_ties,
                         tier_codes, tier_customers, tier_summary)
from logicrm_edu.tiering import SchemeWarning, percent_cuts
from textbook import ORDER, TIERS_80_95


@pytest.fixture
def table():
    return share_table(load_dataset("changhai"))


@pytest.mark.parametrize("boundary,ties", sorted(TIERS_80_95))
def test_textbook_tiers_by_rule(table, boundary, ties):
    tiered = tier_customers(table, cuts=(80, 95), by="cumulative", boundary=boundary, ties=ties)
    assert tiered["客户"].tolist() == ORDER
    assert "".join(tiered["类别"].astype(str)) == TIERS_80_95[(boundary, ties)]


def test_class_column_is_ordered_categorical(table):
    tiered = tier_customers(table)
    assert list(tiered["类别"].cat.categories) == ["A", "B", "C"]
    assert tiered["类别"].cat.ordered


def test_straddling_ties_report_customers_10_and_12(table):
    for ties in ("same", "order"):
        report = straddling_ties(tier_customers(table, cuts=(80, 95), ties=ties))
        assert report["客户"].tolist() == [10, 12]
        assert report["类别(严格按顺序)"].tolist() == ["B", "C"]
    # cuts 70/90: tie groups 7/8 (90.4, 92.9), 10/12 and 9/14 each fall in one class
    assert straddling_ties(tier_customers(table, cuts=(70, 90))).empty


def test_exact_boundary_at_80():
    # 0.7 + 0.1 is 0.7999999999999999 in floats; the second customer is at exactly 80 %
    df = pd.DataFrame({"客户": [1, 2, 3, 4], "营业收入": [0.7, 0.1, 0.1, 0.1]})
    t = share_table(df)  # cumulative 70, 80, 90, 100
    def classes(**kw):
        return "".join(tier_customers(t, (80, 90), ties="order", **kw)["类别"].astype(str))
    assert classes(boundary="le") == "AABC"     # 80 ≤ 80 → A
    assert classes(boundary="lt") == "ABCC"     # 80 < 80 is false → B; 90 < 90 false → C
    assert classes(boundary="cross") == "AABC"  # shares before: 0, 70, 80, 90
    # and all three 0.1 customers are tied: ties="same" lifts them to the best tier, A
    assert "".join(tier_customers(t, (80, 90))["类别"].astype(str)) == "AAAA"


def test_rank_pyramid_express_delivery():
    # 40 customers with distinct revenue: top 5 % = 2, top 20 % = 8 → 2 / 6 / 32
    df = pd.DataFrame({"客户": range(40), "营业收入": range(100, 140)})
    tiered = tier_customers(share_table(df), cuts=(5, 20), by="rank",
                            labels=("关键客户", "主要客户", "大众客户"))
    assert tiered["类别"].value_counts().to_dict() == {"关键客户": 2, "主要客户": 6, "大众客户": 32}
    assert tiered["客户"].iloc[:2].tolist() == [39, 38]


@pytest.mark.parametrize("rounding,sizes", [("ceil", [1, 2, 11]), ("floor", [0, 2, 12]),
                                             ("round", [1, 2, 11])])
def test_rank_rounding_rule_on_14_customers(table, rounding, sizes):
    # 14 × 5 % = 0.7, 14 × 20 % = 2.8: ceil 1/3, floor 0/2, round 1/3
    tiered = tier_customers(table, cuts=(5, 20), by="rank", rounding=rounding, ties="order")
    counts = tiered["类别"].value_counts().reindex(["A", "B", "C"]).tolist()
    assert counts == sizes


def test_rank_retention_deck_vip_to_small():
    df = pd.DataFrame({"客户": range(200), "营业收入": range(1000, 1200)})
    tiered = tier_customers(df, cuts=(1, 5, 20), by="rank",
                            labels=("VIP", "主要客户", "普通客户", "小客户"))
    assert tiered["类别"].value_counts().reindex(["VIP", "主要客户", "普通客户", "小客户"]).tolist() \
        == [2, 8, 30, 160]


def test_top_n_counts(table):
    tiered = tier_customers(table, cuts=(2, 5), by="count", ties="order")
    assert "".join(tiered["类别"].astype(str)) == "AABBBCCCCCCCCC"


def test_by_value_thresholds(table):
    tiered = tier_customers(table, cuts=(500, 100), by="value")
    # ≥ 500: 740, 590; ≥ 100: 140, 120, 100
    assert "".join(tiered["类别"].astype(str)) == "AABBBCCCCCCCCC"


def test_raw_table_is_passed_through_share_table():
    tiered = tier_customers(load_dataset("changhai"))
    assert tiered["客户"].tolist() == ORDER


def test_english(table):
    tiered = tier_customers(share_table(load_dataset("changhai", lang="en"), lang="en"))
    assert "class" in tiered.columns
    assert "".join(tiered["class"].astype(str)) == TIERS_80_95[("le", "same")]


@pytest.mark.parametrize("kwargs,key", [
    (dict(cuts=(95, 80)), "scheme.cuts_order"),
    (dict(cuts=(80, 120)), "scheme.cuts_range"),
    (dict(cuts=()), "scheme.no_cuts"),
    (dict(cuts=(80, 95), boundary="gt"), "scheme.unknown_option"),
    (dict(cuts=(80, 95), ties="random"), "scheme.unknown_option"),
    (dict(cuts=(80, 95), by="profit"), "scheme.unknown_option"),
    (dict(cuts=(80, 95), labels=("A", "B")), "scheme.labels"),
    (dict(cuts=(80, 95), labels=("A", "A", "B")), "scheme.labels"),
    (dict(cuts=(2.5, 5), by="count"), "scheme.cuts_count"),
    (dict(cuts=(100, 500), by="value"), "scheme.cuts_order_value"),
    (dict(cuts=("x", 95)), "scheme.cuts_not_numbers"),
])
def test_bad_schemes_explained(table, kwargs, key):
    with pytest.raises(SchemeError) as err:
        tier_customers(table, **kwargs)
    assert err.value.key == key
    zh, en = str(err.value).split("\n")
    assert zh and en


def test_unsorted_table_rejected(table):
    shuffled = table.iloc[::-1]
    with pytest.raises(SchemeError) as err:
        tier_customers(shuffled)
    assert err.value.key == "scheme.not_sorted"


def test_tier_summary_textbook(table):
    summary = tier_summary(tier_customers(table, cuts=(80, 95), ties="order"))
    # by hand: A = 4,1,2,5 → 1590 (79.5 %); B = 3,6,7,8,10 → 308 (15.4 %); C → 102 (5.1 %)
    assert summary["类别"].tolist() == ["A", "B", "C"]
    assert summary["客户数"].tolist() == [4, 5, 5]
    assert summary["营业收入"].tolist() == [1590, 308, 102]
    assert summary["营业收入比重(%)"].tolist() == [79.5, 15.4, 5.1]
    assert summary["客户数比重(%)"].tolist() == pytest.approx([400 / 14, 500 / 14, 500 / 14])


def test_tier_summary_lists_empty_tiers():
    df = pd.DataFrame({"客户": [1, 2], "营业收入": [99, 1]})
    summary = tier_summary(tier_customers(df, cuts=(50, 60, 99)))
    assert summary["客户数"].tolist() == [0, 0, 1, 1]


values_st = st.lists(st.integers(min_value=0, max_value=50).map(lambda v: v * 5), min_size=1,
                     max_size=50).filter(lambda v: sum(v) > 0)
cuts_st = st.lists(st.integers(min_value=1, max_value=100), min_size=1, max_size=3,
                   unique=True).map(sorted)


@settings(max_examples=200, deadline=None)
@given(values_st, cuts_st, st.sampled_from(["le", "lt", "cross"]),
       st.sampled_from(["same", "order"]))
def test_cumulative_tier_properties(values, cuts, boundary, ties):
    values = sorted(values, reverse=True)
    codes = tier_codes(values, cuts, boundary=boundary, ties=ties)
    assert len(codes) == len(values)
    assert np.all(np.diff(codes) >= 0), "tiers are contiguous in sorted order"
    assert codes.min() >= 0 and codes.max() <= len(cuts)
    total = sum(values)
    cum = np.cumsum(values)
    order_codes = tier_codes(values, cuts, boundary=boundary, ties="order")
    for i, c in enumerate(order_codes):
        # the rule itself, in integer arithmetic: 100·cum vs cut·total
        prev = cum[i] - values[i]
        within = [(100 * cum[i] <= k * total) if boundary == "le" else
                  (100 * cum[i] < k * total) if boundary == "lt" else
                  (100 * prev < k * total) for k in cuts]
        assert c == sum(not w for w in within)
    if ties == "same":
        for v in set(values):
            assert len({codes[i] for i in range(len(values)) if values[i] == v}) == 1
        # tied customers take the best tier of their group
        for i in range(len(values)):
            assert codes[i] == min(order_codes[j] for j in range(len(values)) if values[j] == values[i])


@settings(max_examples=150, deadline=None)
@given(st.integers(min_value=1, max_value=300), cuts_st, st.sampled_from(["ceil", "floor", "round"]))
def test_rank_tier_sizes_follow_rounding(n, cuts, rounding):
    import math
    values = list(range(n, 0, -1))  # distinct, so ties play no part
    codes = tier_codes(values, cuts, by="rank", rounding=rounding)
    for k, cut in enumerate(cuts):
        exact = n * cut / 100
        expected = {"ceil": math.ceil(exact - 1e-12), "floor": math.floor(exact + 1e-12),
                    "round": math.floor(exact + 0.5 + 1e-12)}[rounding]
        assert int((codes <= k).sum()) == expected


# -- cut-offs given as fractions ---------------------------------------------------------

def test_fraction_cuts_read_as_percentages(table):
    # before: (0.8, 0.95) meant 0.8 % and 0.95 %, so every customer was class C
    with pytest.warns(SchemeWarning) as caught:
        tiered = tier_customers(table, cuts=(0.8, 0.95))
    assert "".join(tiered["类别"].astype(str)) == TIERS_80_95[("le", "same")]
    assert tiered.attrs["logicrm"]["cuts"] == (80, 95)
    zh, en = str(caught[0].message).split("\n")
    assert "0.8" in zh and "80" in zh and "fractions" in en


def test_fraction_cuts_by_rank_and_in_tier_codes():
    with pytest.warns(SchemeWarning):
        codes = tier_codes(list(range(20, 0, -1)), (0.05, 0.2), by="rank")
    assert codes.tolist() == [0] + [1] * 3 + [2] * 16  # 5 % of 20 = 1, 20 % = 4


def test_fraction_reading_keeps_decimals_exact():
    assert percent_cuts((0.725, 0.95)) == ((72.5, 95), True)
    assert percent_cuts((0.8, 1)) == ((80, 100), True)


@pytest.mark.parametrize("cuts,by", [((1,), "cumulative"), ((1, 5, 20), "rank"), ((80, 95), "cumulative"),
                                     ((0.5, 0.2), "value"), ((2, 5), "count")])
def test_other_cuts_are_not_fractions(cuts, by):
    assert percent_cuts(cuts, by=by) == (cuts, False)


def test_reversed_fraction_cuts_explained(table):
    with pytest.raises(SchemeError) as err:  # refused before any reading as % is announced
        tier_customers(table, cuts=(0.95, 0.8))
    assert err.value.key == "scheme.cuts_order" and "0.95, 0.8" in str(err.value)


@pytest.mark.parametrize("cuts,by", [((0.8, 95), "cumulative"), ((0.05, 20), "rank"),
                                     ((0.5, 0.8, 95), "cumulative")])
def test_mixed_fractions_and_percentages_refused(table, cuts, by):
    # before: (0.8, 95) meant 0.8 % and 95 %, so class A was silently empty
    with pytest.raises(SchemeError) as err:
        tier_customers(table, cuts=cuts, by=by)
    assert err.value.key == "scheme.cuts_mixed"
    zh, en = str(err.value).split("\n")
    assert all(str(c) in zh and str(c) in en for c in cuts)
    assert "80" in zh and "0.8" in en  # both ways of writing it are shown


def test_a_one_among_fractions_is_quoted_as_typed(table):
    # (1, 0.5) is read as fractions (100 %, 50 %): out of order, and said with what was typed
    with pytest.raises(SchemeError) as err:
        tier_customers(table, cuts=(1, 0.5))
    assert err.value.key == "scheme.cuts_order"
    assert "1, 0.5" in str(err.value) and "100" not in str(err.value)


def test_one_percent_is_not_mixed():
    assert tier_codes(list(range(100, 0, -1)), (1, 50), by="rank").tolist() == [0] + [1] * 49 + [2] * 50


# -- straddling ties from the table's content ---------------------------------------------

@pytest.mark.parametrize("resort", [
    lambda t: t.sort_values("客户"),
    lambda t: t.sort_values("客户", ascending=False),
    lambda t: t.sample(frac=1, random_state=3),
])
def test_straddling_ties_after_resorting(table, resort):
    # before: the positions kept in attrs pointed at other customers after a re-sort
    tiered = resort(tier_customers(table, cuts=(80, 95)))
    report = straddling_ties(tiered)
    assert report["客户"].tolist() == [10, 12]
    assert report["类别(严格按顺序)"].tolist() == ["B", "C"]
    assert report["类别"].astype(str).tolist() == ["B", "B"]


def test_straddling_ties_after_reset_index(table):
    tiered = tier_customers(table, cuts=(80, 95)).reset_index(drop=True)
    assert straddling_ties(tiered)["客户"].tolist() == [10, 12]


def test_straddling_ties_refuses_a_cut_table(table):
    tiered = tier_customers(table, cuts=(80, 95))
    with pytest.raises(SchemeError) as err:
        straddling_ties(tiered.iloc[:10])  # 10 rows: the classes no longer follow the rule
    assert err.value.key == "scheme.tiers_changed"
    with pytest.raises(SchemeError) as err:
        straddling_ties(table)
    assert err.value.key == "scheme.not_tiered"
