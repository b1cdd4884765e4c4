import pandas as pd
import pytest

from logicrm_edu.rubric import METHODS, adjusted_marks, equal_marks

from .test_webpa import MARKS, MEMBERS, golden_ratings


def test_equal_marks_give_the_group_mark_and_penalise_non_submitters():
    table = equal_marks(golden_ratings(), MEMBERS, 60, 0.5, penalty=10)
    assert list(table.columns) == ["member", "factor", "mark"]
    assert table["mark"].tolist() == [60.0, 60.0, 60.0, 60.0, 54.0]


def test_adjusted_marks_use_the_common_factor_column():
    table = adjusted_marks("webpa", golden_ratings(), MEMBERS, 60, 0.5)
    assert list(table.columns) == ["member", "factor", "mark"]
    assert table["mark"].round(2).tolist() == MARKS
    assert adjusted_marks("equal", golden_ratings(), MEMBERS, 60, 0.5)["factor"].tolist() == [1.0] * 5


def test_every_method_keeps_the_interface():
    for name in METHODS:
        table = adjusted_marks(name, golden_ratings(), MEMBERS, 60, 0.5, scale=(0, 70), self_rating=True)
        assert table["member"].tolist() == MEMBERS, name
        assert table["mark"].between(0, 70).all(), name


def test_methods_check_the_ratings_the_same_way():
    bad = golden_ratings().assign(rater="Zoe")
    for name in METHODS:
        with pytest.raises(ValueError):
            adjusted_marks(name, bad, MEMBERS, 60, 0.5)


def test_unknown_method_is_a_key_error():
    with pytest.raises(KeyError):
        adjusted_marks("spark", pd.DataFrame(columns=["rater", "ratee", "score"]), MEMBERS, 60, 0.5)
