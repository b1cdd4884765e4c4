"""The Likert summary, the satisfaction index and the IPA quadrants, on tables small
enough to work out by hand."""
import doctest

import pandas as pd
import pytest

from logicrm_edu import survey
from logicrm_edu.survey import (importance_satisfaction, likert_summary, quadrants,
                                satisfaction_index, valid_answers)


def test_examples_run_as_printed():
    # pandas' defaults, as a student's fresh kernel has them (as tests/test_docstrings.py)
    with pd.option_context("display.unicode.east_asian_width", False, "display.width", 80,
                           "display.max_columns", 20, "display.max_rows", 60):
        result = doctest.testmod(survey, optionflags=doctest.ELLIPSIS)
    assert result.failed == 0 and result.attempted > 0


def test_blank_and_out_of_range_answers_are_left_out():
    answers = pd.Series([5, None, 6, 0, 3, 2.5, "4"])
    assert valid_answers(answers).dropna().tolist() == [5.0, 3.0, 4.0]


def test_summary_counts_only_valid_answers_and_4_or_5_as_satisfied():
    data = pd.DataFrame({"满意度_准时": [5, 4, 3, None, 6, 0],
                         "满意度_价格": [1, 2, 3, 4, 5, 5],
                         "重要性_准时": [5, 5, 5, 5, 5, 5]})
    table = likert_summary(data)
    # 准时: valid 5, 4, 3 → mean 4, two of three satisfied; 价格: 20 / 6, three of six
    assert table.index.tolist() == ["准时", "价格"]
    assert table.loc["准时"].tolist() == [3, 4.0, pytest.approx(200 / 3)]
    assert table.loc["价格", "平均分"] == pytest.approx(20 / 6)
    assert table.loc["价格", "满意率(%)"] == 50.0
    assert likert_summary(data, prefix="重要性_").loc["准时", "平均分"] == 5.0


def test_index_weighs_means_by_percent_weights():
    # 0.30 × 4 + 0.70 × 3 = 1.2 + 2.1
    assert satisfaction_index({"准时": 4.0, "价格": 3.0}, {"准时": 30, "价格": 70}) == 3.3
    summary = pd.DataFrame({"平均分": [4.0, 3.0]}, index=["准时", "价格"])
    assert satisfaction_index(summary, {"准时": 50, "价格": 50}) == 3.5


def test_index_refuses_weights_not_adding_to_100():
    with pytest.raises(ValueError, match="100"):
        satisfaction_index({"准时": 4.0}, {"准时": 0.3})


def test_quadrant_lines_are_the_means_and_a_point_on_a_line_counts_high():
    # importance mean 3 (b low, c on the line); satisfaction mean 3 (a and b low)
    got = quadrants({"a": 4, "b": 2, "c": 3}, {"a": 2, "b": 2, "c": 5})
    assert got == {"a": "优先改进", "b": "次要改进", "c": "继续保持"}


def test_ipa_table_compares_exact_means():
    # satisfaction means 10/3, 3, 11/3: their mean is exactly 10/3, so a sits on the line
    data = pd.DataFrame({"满意度_a": [3, 3, 4], "重要性_a": [5, 5, 5],
                         "满意度_b": [3, 3, 3], "重要性_b": [1, 1, 1],
                         "满意度_c": [4, 4, 3], "重要性_c": [3, 3, 3]})
    table = importance_satisfaction(data)
    assert table["象限"].tolist() == ["继续保持", "次要改进", "继续保持"]
    assert table.loc["b"].tolist() == [1.0, 3.0, "次要改进"]
