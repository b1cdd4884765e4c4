import pandas as pd
import pytest

from logicrm_edu.rubric import RubricError, webpa_marks, webpa_scores

MEMBERS = ["Alice", "Bob", "Claire", "David", "Elaine"]
# The golden case, typed in by hand: rows = rater, columns = rated member.
GIVEN = {
    "Alice": [4, 4, 3, 2, 1],
    "Bob": [3, 5, 3, 2, 0],
    "Claire": [4, 4, 4, 4, 4],
    "David": [3, 5, 4, 3, 1],
}  # Elaine submitted nothing
WEBPA = [1.130, 1.479, 1.119, 0.855, 0.417]
MARKS = [63.90, 74.36, 63.56, 55.66, 42.52]
ELAINE_WITH_10_PERCENT_PENALTY = 38.27


def golden_ratings():
    return pd.DataFrame([(rater, ratee, score) for rater, row in GIVEN.items()
                         for ratee, score in zip(MEMBERS, row)], columns=["rater", "ratee", "score"])


def test_golden_case():
    table = webpa_marks(golden_ratings(), MEMBERS, group_mark=60, weighting=0.5)
    assert list(table.columns) == ["member", "webpa_score", "mark"]
    assert table["member"].tolist() == MEMBERS
    assert table["webpa_score"].round(3).tolist() == WEBPA
    assert table["mark"].round(2).tolist() == MARKS


def test_golden_case_with_non_submitter_penalty():
    table = webpa_marks(golden_ratings(), MEMBERS, 60, 0.5, penalty=10)
    assert table["mark"].round(2).tolist() == MARKS[:4] + [ELAINE_WITH_10_PERCENT_PENALTY]


def test_penalty_in_points():
    table = webpa_marks(golden_ratings(), MEMBERS, 60, 0.5, penalty=5, penalty_kind="points")
    assert table["mark"].round(2).tolist() == MARKS[:4] + [37.52]


def test_criteria_are_summed():
    # each rating split into two criteria (score = a + b) gives the same result
    split = golden_ratings()
    split = pd.concat([split.assign(score=split["score"] // 2),
                       split.assign(score=split["score"] - split["score"] // 2)])
    assert webpa_marks(split, MEMBERS, 60, 0.5)["mark"].round(2).tolist() == MARKS


def test_nobody_submitted_everyone_gets_the_group_mark():
    empty = pd.DataFrame(columns=["rater", "ratee", "score"])
    table = webpa_marks(empty, MEMBERS, 60, 0.5)
    assert table["webpa_score"].tolist() == [1.0] * 5
    assert table["mark"].tolist() == [60.0] * 5


def test_marks_are_clipped_to_the_scale():
    table = webpa_marks(golden_ratings(), MEMBERS, 60, 1.0, scale=(0, 70))
    # w = 1: Bob 1.479 × 60 = 88.7 → 70; David 0.8553 × 60 = 51.32 stays
    assert table["mark"].iloc[1] == 70
    assert table["mark"].iloc[3] == pytest.approx(51.32, abs=0.01)


def test_weighting_zero_ignores_ratings():
    assert webpa_marks(golden_ratings(), MEMBERS, 60, 0)["mark"].tolist() == [60.0] * 5


def test_rater_giving_all_zeros_gives_no_information():
    ratings = pd.concat([golden_ratings(), pd.DataFrame(
        [("Elaine", m, 0) for m in MEMBERS], columns=["rater", "ratee", "score"])])
    table = webpa_marks(ratings, MEMBERS, 60, 0.5, penalty=10)
    assert table["webpa_score"].round(3).tolist() == WEBPA  # s stays 4
    assert table["mark"].round(2).tolist() == MARKS  # but Elaine did submit: no penalty


def test_without_self_rating_equal_work_gives_one_even_for_non_submitters():
    members = ["A", "B", "C", "D"]
    ratings = pd.DataFrame([(r, e, 5) for r in "ABC" for e in members if e != r],
                           columns=["rater", "ratee", "score"])
    assert webpa_scores(ratings, members, self_rating=False).tolist() == [1.0] * 4


def test_without_self_rating_hand_computed():
    # A rates B 6, C 2; B rates A 3, C 1; C rates nobody (n = 3).
    # fractions: A→B .75, A→C .25; B→A .75, B→C .25. Raters who could rate:
    # A: only B (1), B: only A (1), C: A and B (2). factor = received × (n−1) / could rate
    ratings = pd.DataFrame([("A", "B", 6), ("A", "C", 2), ("B", "A", 3), ("B", "C", 1)],
                           columns=["rater", "ratee", "score"])
    scores = webpa_scores(ratings, ["A", "B", "C"], self_rating=False)
    assert scores.tolist() == pytest.approx([1.5, 1.5, 0.5])


def test_self_ratings_rejected_when_self_rating_is_off():
    with pytest.raises(RubricError) as caught:
        webpa_scores(golden_ratings(), MEMBERS, self_rating=False)
    assert caught.value.key == "rubric.marks.self_ratings_given"


@pytest.mark.parametrize("change, key", [
    (lambda r: r.assign(ratee=r["ratee"].replace("Bob", "Zoe")), "rubric.marks.unknown_member"),
    (lambda r: r.assign(score=r["score"].replace(5, -1)), "rubric.marks.bad_score"),
    (lambda r: r.assign(score=r["score"].astype(object).replace(5, "five")), "rubric.marks.bad_score"),
    (lambda r: r.drop(columns="ratee"), "rubric.marks.missing_columns"),
])
def test_bad_ratings(change, key):
    with pytest.raises(RubricError) as caught:
        webpa_marks(change(golden_ratings()), MEMBERS, 60, 0.5)
    assert caught.value.key == key
    assert "\n" in str(caught.value)  # zh and en


@pytest.mark.parametrize("options, key", [
    (dict(weighting=50), "rubric.marks.bad_weighting"),
    (dict(penalty=-1), "rubric.marks.bad_penalty"),
    (dict(penalty=120), "rubric.marks.bad_penalty"),
    (dict(penalty_kind="pct"), "rubric.marks.bad_penalty_kind"),
    (dict(group_mark=130), "rubric.marks.group_mark_out_of_scale"),
])
def test_bad_options(options, key):
    arguments = dict(group_mark=60, weighting=0.5) | options
    with pytest.raises(RubricError) as caught:
        webpa_marks(golden_ratings(), MEMBERS, **arguments)
    assert caught.value.key == key
