"""Step 4: the rank pyramid and the credit veto; named wrong rules; follow-through."""
import pandas as pd
import pytest

from logicrm_edu.checks.customer_selection import check_classes
from logicrm_edu.grading.answers import roundtrip

from .helpers import DATA, ORDER, RULE, classes, scored


def test_right_classes_pass_in_any_label_form():
    verdict = check_classes(classes(), DATA, RULE)
    assert verdict.passed and not verdict.follow_through
    assert "关键客户 3 家" in verdict.message("zh") and "不开发 2 家" in verdict.message("zh")
    short = classes({c: "关键" for c in ("P01", "P10", "P11")})
    assert check_classes(short, DATA, RULE).passed


@pytest.mark.parametrize("changes, mistake", [
    ({"P12": "主要客户", "P16": "大众客户"}, "selection.forgot_exclusion"),
    ({"P12": "主要客户"}, "selection.forgot_exclusion"),
    # 20 eligible prospects: 1 key (P01), places 2-4 of them major (P10, P11, P03)
    ({"P10": "主要客户", "P11": "主要客户"}, "selection.excluded_before_ranking"),
    # floor(1.1) = 1, floor(4.4) = 4: P01 key; P10, P11 major; P03 (place 5) mass
    ({"P10": "主要客户", "P11": "主要客户", "P03": "大众客户"}, "selection.count_rounded_down"),
    ({"P11": "主要客户"}, "selection.ties_split"),
    # top = 2 + 5 = 7 places: P04 and P02 (places 6 and 7) become major too
    ({"P04": "主要客户", "P02": "主要客户"}, "selection.major_on_top_of_key"),
    ({"P22": "主要客户"}, "selection.wrong_classes"),
])
def test_named_wrong_rules(changes, mistake):
    verdict = check_classes(classes(changes), DATA, RULE, own_scored=scored())
    assert not verdict.passed and verdict.mistake == mistake
    assert verdict.hint("zh") and verdict.hint("en")


def test_labels():
    assert check_classes(classes({"P05": "A"}), DATA, RULE).mistake == "selection.unknown_labels"
    assert check_classes(classes({"P05": None}), DATA, RULE).mistake == "selection.blank_classes"


def test_follow_through_on_own_scores():
    own = scored()
    own.loc[own["客户"] == "P04", "加权得分"] = 0.99  # the student's own (wrong) top score
    own["排名"] = own["加权得分"].rank(ascending=False, method="min")
    # by their scores: P04 key with P01 (2 places), tie P10/P11 then in places 3-4: major
    mine = classes({"P04": "关键客户", "P10": "主要客户", "P11": "主要客户", "P03": "大众客户"})
    verdict = check_classes(mine, DATA, RULE, own_scored=roundtrip(own))
    assert verdict.passed and verdict.follow_through
    assert not check_classes(mine, DATA, RULE).passed  # without their table: wrong


def test_follow_through_on_own_ascending_ranks():
    own = scored()
    own["排名"] = own["加权得分"].rank(method="min")  # rank 1 = lowest
    by_rank = own.sort_values("排名", kind="stable")["客户"].tolist()
    # 2 key and 3 more major places from the bottom, then the veto (P16 is at the bottom)
    changes = {c: "大众客户" for c in ORDER if c not in ("P12", "P16")}
    changes.update({c: "关键客户" for c in by_rank[:2]} | {c: "主要客户" for c in by_rank[2:5]})
    changes.update({"P16": "不开发"})
    verdict = check_classes(classes(changes), DATA, RULE, own_scored=roundtrip(own))
    assert verdict.passed and verdict.follow_through


def test_unreadable_own_table_is_no_excuse():
    wrong = classes({"P22": "主要客户"})
    assert not check_classes(wrong, DATA, RULE, own_scored=pd.Series([1, 2])).passed
