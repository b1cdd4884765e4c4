"""Step 3: every correct style passes, every named wrong method is recognised."""
import numpy as np
import pandas as pd
import pytest

from logicrm_edu.checks.customer_selection import check_scores
from logicrm_edu.grading.answers import roundtrip

from .helpers import DATA, ORDER, RULE, scored


def test_right_on_either_scale_in_any_order_with_index_as_customer():
    assert check_scores(scored(), DATA, RULE).passed
    assert check_scores(scored(scale=100), DATA, RULE).passed
    shuffled = scored().sample(frac=1, random_state=3)
    assert check_scores(shuffled, DATA, RULE).passed
    assert check_scores(scored().set_index("客户"), DATA, RULE).passed


def test_rounded_for_display_on_0_100_is_accepted_but_not_on_0_1():
    assert check_scores(scored(scale=100).round(1), DATA, RULE).passed
    assert check_scores(scored().round(2), DATA, RULE).mistake == "selection.wrong_scores"


def test_ties_may_share_a_rank_or_be_numbered_in_turn():
    table = scored()
    assert table["排名"].tolist()[:4] == [1, 2, 2, 4]
    in_turn = table.assign(排名=range(1, 23))
    assert check_scores(in_turn, DATA, RULE).passed
    dense = table.assign(排名=table["加权得分"].rank(ascending=False, method="dense"))
    verdict = check_scores(dense, DATA, RULE)
    # dense ranks (1, 2, 2, 3, ...) are one too small from P12 on: 22 - 3 = 19 prospects
    assert verdict.mistake == "selection.wrong_rank" and "19 家" in verdict.message("zh")


def test_rank_ascending():
    table = scored()
    table["排名"] = table["加权得分"].rank(method="min")
    assert check_scores(table, DATA, RULE).mistake == "selection.rank_ascending"


def _scores(norm, weights=None, scale=1):
    """A student's scores from a normalising function (a column -> normalised column)."""
    values = DATA[["月均件量", "单件收入", "经营年限", "距离"]].astype(float)
    values["信用等级"] = DATA["信用等级"].map({"优": 4, "良": 3, "中": 2, "差": 1})
    weights = weights or {"月均件量": 0.40, "单件收入": 0.15, "信用等级": 0.20, "经营年限": 0.10,
                          "距离": 0.15}
    total = sum(w * norm(name, values[name]) for name, w in weights.items()) * scale
    table = pd.DataFrame({"客户": DATA["客户"], "加权得分": total})
    table["排名"] = table["加权得分"].rank(ascending=False, method="min")
    return roundtrip(table)


def minmax(name, x):
    return (x.max() - x) / (x.max() - x.min()) if name == "距离" else (x - x.min()) / (x.max() - x.min())


def test_own_computation_matches_on_either_scale():
    assert check_scores(_scores(minmax), DATA, RULE).passed
    in_percent = {"月均件量": 40, "单件收入": 15, "信用等级": 20, "经营年限": 10, "距离": 15}
    verdict = check_scores(_scores(minmax, in_percent), DATA, RULE)  # 0-1 values x 40 %: 0-100
    assert verdict.passed and "0–100" in verdict.message("zh")


@pytest.mark.parametrize("make, mistake, field", [
    (lambda: _scores(lambda n, x: (x - x.min()) / (x.max() - x.min())),
     "selection.wrong_direction", "距离"),
    (lambda: _scores(lambda n, x: (x.max() - x) / (x.max() - x.min()) if n == "信用等级"
                     else minmax(n, x)), "selection.wrong_direction", "信用等级"),
    (lambda: _scores(lambda n, x: 1 - x / x.max() if n == "距离" else x / x.max()),
     "selection.max_normalised", None),
    (lambda: _scores(lambda n, x: x), "selection.not_normalised", None),
    (lambda: _scores(lambda n, x: minmax(n, x) * 100,
                     {"月均件量": 40, "单件收入": 15, "信用等级": 20, "经营年限": 10, "距离": 15}),
     "selection.weights_as_whole_numbers", None),
    (lambda: _scores(minmax, {"月均件量": 0.40, "单件收入": 0.15, "信用等级": 0.20, "距离": 0.15}),
     "selection.criterion_left_out", "经营年限"),
])
def test_named_wrong_methods(make, mistake, field):
    verdict = check_scores(make(), DATA, RULE)
    assert not verdict.passed and verdict.mistake == mistake
    if field:
        assert field in verdict.message("zh") and field in verdict.message("en")


def test_criterion_left_out_says_what_the_weights_add_up_to():
    verdict = check_scores(_scores(minmax, {"月均件量": 0.40, "单件收入": 0.15, "信用等级": 0.20,
                                            "距离": 0.15}), DATA, RULE)
    assert "90" in verdict.message("zh")


def test_table_problems():
    assert check_scores(scored().drop(columns="排名"), DATA, RULE).mistake == "selection.missing_column"
    assert check_scores(scored().iloc[1:], DATA, RULE).mistake == "selection.missing_prospects"
    doubled = roundtrip(pd.concat([scored(), scored().head(1)]))
    assert check_scores(doubled, DATA, RULE).mistake == "selection.extra_prospects"
    assert check_scores(scored()["加权得分"], DATA, RULE).mistake == "selection.not_a_table"
    assert check_scores(None, DATA, RULE).mistake == "selection.no_answer"
    text = scored().astype({"加权得分": object})
    text.loc[3, "加权得分"] = "高"
    assert check_scores(roundtrip(text), DATA, RULE).mistake == "selection.not_numbers"


def test_order_constant_is_the_hand_worked_order():
    assert scored()["客户"].tolist() == ORDER
    assert np.all(np.diff(scored()["加权得分"].to_numpy()) <= 0)
