"""Step 2: ratios per customer and per service line, by parts, with follow-through."""
import pandas as pd
import pytest

from logicrm_edu.checks.customer_retention import check_ratios
from logicrm_edu.grading.answers import roundtrip


@pytest.fixture
def ratios(database):
    out = database[["客户编号", "营业收入", "毛利"]].copy()
    out["毛利率(%)"] = out["毛利"] / out["营业收入"] * 100       # K01: 10, K02: 37.5
    out["贡献率(%)"] = out["毛利"] / 1150 * 100                  # K02: 26.09
    return out


@pytest.fixture
def lines():
    # 快递: revenue 0.6 × 4100 = 2460, cost 0.6 × 2950 = 1770 → 690, 28.05 %
    # 整车: revenue 1640, cost 1180 → 460, 28.05 %
    return pd.DataFrame({"业务类型": ["快递", "整车"], "毛利率(%)": [690 / 2460 * 100,
                                                           460 / 1640 * 100]})


def judge(ratios, lines, reference, database=None):
    return check_ratios(roundtrip(ratios), roundtrip(lines), reference, roundtrip(database))


def test_right_as_percent_fraction_or_rounded(ratios, lines, reference):
    assert judge(ratios, lines, reference).passed
    fractions = ratios.assign(**{"毛利率(%)": ratios["毛利率(%)"] / 100,
                                 "贡献率(%)": ratios["贡献率(%)"] / 100})
    assert judge(fractions, lines.round(1), reference).passed


def test_margin_on_cost_loses_the_customer_half(ratios, lines, reference):
    ratios["毛利率(%)"] = ratios["毛利"] / (ratios["营业收入"] - ratios["毛利"]) * 100
    verdict = judge(ratios, lines, reference)
    assert (verdict.mistake, verdict.score) == ("retention.margin_on_cost", 0.5)


def test_contribution_from_revenue(ratios, lines, reference):
    ratios["贡献率(%)"] = ratios["营业收入"] / 4100 * 100
    assert judge(ratios, lines, reference).mistake == "retention.contribution_from_revenue"


def test_line_margin_as_a_mean_of_order_margins(ratios, reference, orders):
    rates = (orders["营业收入"] - orders["成本"]) / orders["营业收入"] * 100
    averaged = rates.groupby(orders["业务类型"]).mean().reset_index(name="毛利率")
    verdict = judge(ratios, averaged, reference)
    assert (verdict.mistake, verdict.score) == ("retention.line_margin_averaged", 0.5)


def test_follow_through_on_the_students_own_database(database, lines, reference):
    database.loc[database["客户编号"] == "K10", "毛利"] = 160   # wrong: total becomes 1300
    own = database[["客户编号"]].assign(
        毛利率=database["毛利"] / database["营业收入"] * 100,
        贡献率=database["毛利"] / database["毛利"].sum() * 100)
    verdict = judge(own, lines, reference, database)
    assert verdict.passed and verdict.follow_through
    assert not judge(own, lines, reference).passed  # without the database: wrong
