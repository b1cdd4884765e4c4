"""Weighted scoring (加权评分法): normalise, weigh, add up, rank — hand-worked figures."""
import doctest
from fractions import Fraction

import pandas as pd
import pytest

from logicrm_edu import scoring
from logicrm_edu.errors import DataError, SchemeError
from logicrm_edu.prospects import CREDIT_POINTS, load_prospects
from logicrm_edu.scoring import normalise, weight_fractions, weighted_scores

WEIGHTS = {"月均件量": 40, "单件收入": 15, "信用等级": 20, "经营年限": 10, "距离": 15}
POINTS = {"信用等级": CREDIT_POINTS}


def small():
    # three prospects; parcels 100/400/250 -> 0, 1, 0.5; distance 2/10/6 (nearer better) -> 1, 0, 0.5
    return pd.DataFrame({"客户": ["P1", "P2", "P3"], "月均件量": [100, 400, 250],
                         "距离": [2, 10, 6], "信用等级": ["差", "优", "良"]})


def test_small_example_by_hand():
    out = weighted_scores(small(), {"月均件量": 60, "距离": 40}, lower_better=["距离"])
    # P2: 0.6*1 + 0.4*0 = 0.6; P3: 0.6*0.5 + 0.4*0.5 = 0.5; P1: 0.6*0 + 0.4*1 = 0.4
    assert out["客户"].tolist() == ["P2", "P3", "P1"]
    assert out["加权得分"].tolist() == pytest.approx([0.6, 0.5, 0.4], abs=1e-15)
    assert out["距离(标准化)"].tolist() == [0.0, 0.5, 1.0]
    assert out["排名"].tolist() == [1, 2, 3]
    assert list(out.index) == [1, 2, 3]


def test_fractions_and_percent_weights_agree_and_scale_100():
    a = weighted_scores(small(), {"月均件量": 0.6, "距离": 0.4}, lower_better=["距离"])
    b = weighted_scores(small(), {"月均件量": 60, "距离": 40}, lower_better=["距离"], scale=100)
    assert b["加权得分"].tolist() == pytest.approx([60, 50, 40])
    assert (a["加权得分"] * 100).tolist() == pytest.approx(b["加权得分"].tolist())


def test_text_criterion_through_points():
    # 差=1, 优=4, 良=3 -> (1-1)/3 = 0, (4-1)/3 = 1, (3-1)/3 = 2/3
    values = normalise(small(), "信用等级", points=CREDIT_POINTS)
    assert values == [Fraction(0), Fraction(1), Fraction(2, 3)]


def test_constant_criterion_counts_one_for_everyone():
    df = small().assign(经营年限=5)
    assert normalise(df, "经营年限") == [1, 1, 1]


def test_default_dataset_top_prospect_by_hand():
    out = weighted_scores(load_prospects(), WEIGHTS, lower_better=["距离"], points=POINTS)
    # P01: parcels max (5200) -> 1; price (5.2-4.8)/(22-4.8) = 1/43; credit 良 (3-1)/3 = 2/3;
    # years (6-1)/(14-1) = 5/13; distance (25-3.5)/(25-2) = 43/46
    p01 = (Fraction(2, 5) + Fraction(3, 20) / 43 + Fraction(1, 5) * Fraction(2, 3)
           + Fraction(1, 10) * Fraction(5, 13) + Fraction(3, 20) * Fraction(43, 46))
    assert out.iloc[0]["客户"] == "P01"
    assert out.iloc[0]["加权得分"] == float(p01)


def test_equal_figures_tie_exactly_and_share_a_rank():
    out = weighted_scores(load_prospects(), WEIGHTS, lower_better=["距离"], points=POINTS)
    top = out.head(4)
    assert top["客户"].tolist() == ["P01", "P10", "P11", "P12"]  # P10/P11: the same figures
    assert top.iloc[1]["加权得分"] == top.iloc[2]["加权得分"]
    assert top["排名"].tolist() == [1, 2, 2, 4]


def test_the_callers_table_is_not_changed():
    df = small()
    before = df.copy()
    weighted_scores(df, {"月均件量": 100})
    pd.testing.assert_frame_equal(df, before)


@pytest.mark.parametrize("weights, key", [
    ({"月均件量": 30, "距离": 40}, "selection.weights_sum"),
    ({"月均件量": 0.3, "距离": 0.4}, "selection.weights_sum"),
    ({"月均件量": 120, "距离": -20}, "selection.weights_negative"),
    ({"月均件量": "三十", "距离": 70}, "selection.weights_not_numbers"),
    ({}, "selection.weights_empty"),
])
def test_bad_weights_are_explained(weights, key):
    with pytest.raises(SchemeError) as err:
        weight_fractions(weights)
    assert err.value.key == key


def test_weights_add_up_exactly_despite_binary_fractions():
    # 0.1 + 0.2 + 0.7 is 1.0000000000000002 in floats, but exactly 1 as the decimals meant
    assert sum(weight_fractions({"a": 0.1, "b": 0.2, "c": 0.7}).values()) == 1


def test_lower_better_must_be_a_criterion():
    with pytest.raises(SchemeError) as err:
        weighted_scores(small(), {"月均件量": 100}, lower_better=["距离"])
    assert err.value.key == "selection.lower_better_unknown"


@pytest.mark.parametrize("change, key", [
    ({"月均件量": [100, None, 250]}, "selection.data.blank_criterion"),
    ({"月均件量": [100, "很多", 250]}, "selection.data.criterion_not_number"),
    ({"信用等级": ["差", "优", "极好"]}, "selection.data.no_points"),
])
def test_bad_cells_name_the_prospect(change, key):
    df = small().assign(**change)
    with pytest.raises(DataError) as err:
        weighted_scores(df, {"月均件量": 50, "信用等级": 50}, points=POINTS)
    assert err.value.key == key
    assert "P2" in str(err.value) or "P3" in str(err.value)


def test_missing_column():
    with pytest.raises(DataError) as err:
        weighted_scores(small(), {"单件收入": 100})
    assert err.value.key == "selection.data.missing_column"


def test_docstring_examples_run():
    failures, _ = doctest.testmod(scoring, optionflags=doctest.ELLIPSIS)
    assert failures == 0
