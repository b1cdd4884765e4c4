"""Step 3: the pyramid (1 VIP, 2 major, 3 ordinary, 4 small of ten customers)."""
import pandas as pd

from logicrm_edu.checks.customer_retention import check_pyramid
from logicrm_edu.grading.answers import roundtrip

from .conftest import AMOUNTS, PYRAMID

BY_PROFIT = ["K02", "K03", "K04", "K05", "K01", "K06", "K07", "K08", "K09", "K10"]
BY_REVENUE = list(AMOUNTS)
LABELS = ["VIP客户"] + ["主要客户"] * 2 + ["普通客户"] * 3 + ["小客户"] * 4


def tables(order, labels=LABELS):
    pyramid = pd.DataFrame({"客户编号": order, "客户层级": labels})
    revenue = pyramid["客户编号"].map(lambda k: AMOUNTS[k][0])
    shares = (pyramid.assign(营业收入=revenue).groupby("客户层级", sort=False)
              .agg(客户数=("客户编号", "size"), 营业收入=("营业收入", "sum")).reset_index())
    shares["营业收入比重(%)"] = shares["营业收入"] / 4100 * 100
    return pyramid, shares


def judge(pyramid, shares, reference, database=None, ratios=None):
    return check_pyramid(roundtrip(pyramid), roundtrip(shares), reference, PYRAMID,
                         roundtrip(database), roundtrip(ratios))


def test_right_tiers_and_shares(reference):
    # VIP K02: 800 of 4100 = 19.51 %; major K03 + K04 = 1100, 26.83 %
    verdict = judge(*tables(BY_PROFIT), reference)
    assert verdict.passed, verdict.message("en")


def test_short_and_english_labels_count(reference):
    short = [label.removesuffix("客户") for label in LABELS]
    assert judge(*tables(BY_PROFIT, short), reference).passed


def test_ranked_by_revenue(reference):
    verdict = judge(*tables(BY_REVENUE), reference)
    # the shares follow the student's own tiers: half the points
    assert (verdict.mistake, verdict.score, verdict.follow_through) == (
        "retention.ranked_by_revenue", 0.5, True)


def test_cumulative_tiers(reference):
    cumulative = ["普通客户"] * 6 + ["小客户"] * 4
    assert judge(*tables(BY_PROFIT, cumulative), reference).mistake == "retention.tiers_cumulative"


def test_cumulative_head_counts_in_the_shares(reference):
    pyramid, shares = tables(BY_PROFIT)
    shares["客户数"] = [1, 3, 6, 10]
    verdict = judge(pyramid, shares, reference)
    assert (verdict.mistake, verdict.score) == ("retention.tiers_cumulative", 0.5)


def test_shares_of_profit_instead_of_sales(reference):
    pyramid, shares = tables(BY_PROFIT)
    shares["营业收入比重(%)"] = [300 / 11.5, 350 / 11.5, 310 / 11.5, 190 / 11.5]
    assert judge(pyramid, shares, reference).mistake == "retention.share_of_profit"


def test_follow_through_on_own_database(reference, database):
    database.loc[database["客户编号"] == "K01", "毛利"] = 500   # wrong: K01 becomes the VIP
    order = ["K01"] + [k for k in BY_PROFIT if k != "K01"]
    verdict = judge(*tables(order), reference, database=database)
    assert verdict.passed and verdict.follow_through


def test_unknown_label(reference):
    pyramid, shares = tables(BY_PROFIT)
    pyramid.loc[0, "客户层级"] = "A"
    assert judge(pyramid, shares, reference).mistake == "retention.unknown_tier_label"
