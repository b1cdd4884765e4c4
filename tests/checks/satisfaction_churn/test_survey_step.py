"""Step 2: means, satisfied shares and the index; each usual mistake named."""
import pandas as pd
import pytest

from logicrm_edu.checks.satisfaction_churn import check_survey

from .conftest import WEIGHTS

INDEX = 0.5 * 22 / 6 + 0.3 * 3 + 0.2 * 2        # 3.1333


def table(means, shares):
    return pd.DataFrame({"维度": ["准时", "价格", "服务态度"], "平均分": means,
                         "满意率(%)": shares}).set_index("维度")


RIGHT = table([22 / 6, 3.0, 2.0], [400 / 6, 37.5, 0.0])


def test_right_answers_pass(small):
    verdict = check_survey(RIGHT, INDEX, small, WEIGHTS)
    assert verdict.passed and verdict.score == 1


def test_rounded_and_transposed_answers_pass(small):
    rounded = pd.DataFrame([[3.67, 3.0, 2.0], [66.7, 37.5, 0]], columns=["准时", "价格", "服务态度"],
                           index=["平均分", "满意率"])
    assert check_survey(rounded, 3.13, small, WEIGHTS).passed


@pytest.mark.parametrize("means, mistake", [
    ([28 / 8, 3.0, 14 / 8], "churn.blank_as_zero"),        # fillna(0): 28 over 8 rows
    ([22 / 8, 3.0, 14 / 8], "churn.blank_as_zero"),        # invalid answers as 0
    ([28 / 7, 3.0, 14 / 8], "churn.out_of_range_kept"),    # plain .mean(): 6 and 0 kept
])
def test_wrong_means_are_named_and_the_index_follows_them(small, means, mistake):
    own_index = 0.5 * means[0] + 0.3 * means[1] + 0.2 * means[2]
    verdict = check_survey(table(means, [400 / 6, 37.5, 0.0]), own_index, small, WEIGHTS)
    assert verdict.mistake == mistake
    assert verdict.score == pytest.approx(0.5)         # satisfied 0.25 + index 0.25 (own means)


def test_threes_counted_as_satisfied(small):
    verdict = check_survey(table([22 / 6, 3.0, 2.0], [500 / 6, 62.5, 100 / 7]), INDEX, small,
                           WEIGHTS)
    assert verdict.mistake == "churn.satisfied_counts_3" and verdict.score == pytest.approx(0.75)


def test_satisfied_share_as_fraction(small):
    verdict = check_survey(table([22 / 6, 3.0, 2.0], [4 / 6, 0.375, 0.0]), INDEX, small, WEIGHTS)
    assert verdict.mistake == "churn.fraction_not_percent"


@pytest.mark.parametrize("index, mistake", [
    ((22 / 6 + 3 + 2) / 3, "churn.unweighted_index"),
    (50 * 22 / 6 + 30 * 3 + 20 * 2, "churn.weights_as_percent"),
    (3.5, "churn.index_wrong"),
])
def test_wrong_index(small, index, mistake):
    verdict = check_survey(RIGHT, index, small, WEIGHTS)
    assert verdict.mistake == mistake and verdict.score == pytest.approx(0.75)


def test_not_a_table_keeps_the_index_points(small):
    verdict = check_survey([3.67, 3.0, 2.0], INDEX, small, WEIGHTS)
    assert verdict.mistake == "churn.not_a_table" and verdict.score == pytest.approx(0.25)
    assert "survey" in verdict.message("zh")


def test_every_mistake_message_has_a_hint_in_both_languages(small):
    verdict = check_survey(RIGHT, "三点一", small, WEIGHTS)
    assert verdict.mistake == "churn.not_a_number"
    assert verdict.hint("zh") and verdict.hint("en") and "index_score" in verdict.message("en")
