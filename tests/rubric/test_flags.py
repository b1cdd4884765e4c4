import pandas as pd

from logicrm_edu.rubric import rating_flags


def ratings(matrix: dict) -> pd.DataFrame:
    return pd.DataFrame([(r, e, s) for r, row in matrix.items() for e, s in row.items()],
                        columns=["rater", "ratee", "score"])


def kinds(table):
    return sorted(zip(table["kind"], table["rater"].fillna("-"), table["ratee"].fillna("-")))


def test_ordinary_ratings_raise_no_flag():
    table = rating_flags(ratings({"A": {"B": 24, "C": 22}, "B": {"A": 25, "C": 21},
                                  "C": {"A": 23, "B": 25}}), 30)
    assert table.empty


def test_one_rater_gives_full_marks():
    table = rating_flags(ratings({"A": {"B": 30, "C": 30}, "B": {"A": 25, "C": 21},
                                  "C": {"A": 23, "B": 25}}), 30)
    assert kinds(table) == [("full_marks", "A", "-")]


def test_everyone_gives_full_marks():
    table = rating_flags(ratings({"A": {"B": 30}, "B": {"A": 30}}), 30)
    assert kinds(table) == [("all_full_marks", "-", "-")]


def test_one_rater_far_from_the_others():
    # D's totals are 15 points (50% of 30) away from the others' mean on average
    table = rating_flags(ratings({
        "A": {"B": 25, "C": 25, "D": 25}, "B": {"A": 25, "C": 25, "D": 25},
        "C": {"A": 25, "B": 25, "D": 25}, "D": {"A": 10, "B": 10, "C": 10}}), 30)
    assert kinds(table) == [("outlier_rater", "D", "-")]
    assert table["value"].iloc[0] == 0.5


def test_member_rated_much_lower_by_all_teammates():
    table = rating_flags(ratings({"A": {"B": 25, "C": 25, "D": 10}, "B": {"A": 25, "C": 24, "D": 12},
                                  "C": {"A": 26, "B": 25, "D": 11}, "D": {"A": 25, "B": 25, "C": 25}}), 30)
    assert ("low_by_all", "-", "D") in kinds(table)
    # one teammate rating D normally clears the flag
    table = rating_flags(ratings({"A": {"B": 25, "C": 25, "D": 10}, "B": {"A": 25, "C": 24, "D": 24},
                                  "C": {"A": 26, "B": 25, "D": 11}}), 30)
    assert "low_by_all" not in set(table["kind"])


def test_empty_ratings():
    assert rating_flags(pd.DataFrame(columns=["rater", "ratee", "score"]), 30).empty
