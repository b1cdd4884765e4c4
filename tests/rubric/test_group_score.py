import math

import pandas as pd
import pytest

from logicrm_edu.rubric import RubricError, criterion_means, group_scores, rater_totals, trimmed_mean


def scores(rows):
    return pd.DataFrame(rows, columns=["rater_kind", "rater", "subject", "criterion", "points"])


def test_totals_sum_criteria():
    table = rater_totals(scores([("teacher", "teacher", "G1", "a", 10), ("teacher", "teacher", "G1", "b", 5),
                                 ("group", "G2", "G1", "a", 7)]))
    assert table.set_index(["rater", "subject"])["total"].to_dict() == {("teacher", "G1"): 15,
                                                                       ("G2", "G1"): 7}


def test_teacher_and_peer_weights():
    totals = pd.DataFrame([("teacher", "teacher", "G1", 80), ("group", "G2", "G1", 70),
                           ("group", "G3", "G1", 60)], columns=["rater_kind", "rater", "subject", "total"])
    row = group_scores(totals, ["G1"], teacher_weight=0.6).iloc[0]
    assert row["peer_mean"] == 65
    assert row["score"] == pytest.approx(0.6 * 80 + 0.4 * 65)
    assert row["note"] == ""


def test_trimming_drops_extremes_only_with_enough_raters():
    assert trimmed_mean([10, 50, 52, 54, 100], 1) == (52, 3)
    assert trimmed_mean([10, 100], 1) == (55, 2)  # too few: nothing dropped
    assert math.isnan(trimmed_mean([], 0)[0])
    with pytest.raises(RubricError):
        trimmed_mean([1, 2], -1)


def test_missing_components_are_noted():
    totals = pd.DataFrame([("teacher", "teacher", "G1", 80), ("group", "G1", "G2", 70)],
                          columns=["rater_kind", "rater", "subject", "total"])
    table = group_scores(totals, ["G1", "G2", "G3"], teacher_weight=0.5).set_index("group")
    assert (table.at["G1", "score"], table.at["G1", "note"]) == (80, "rubric.note.teacher_only")
    assert (table.at["G2", "score"], table.at["G2", "note"]) == (70, "rubric.note.peers_only")
    assert math.isnan(table.at["G3", "score"]) and table.at["G3", "note"] == "rubric.note.not_rated"


def test_a_group_rating_itself_is_ignored():
    totals = pd.DataFrame([("group", "G1", "G1", 100), ("group", "G2", "G1", 50)],
                          columns=["rater_kind", "rater", "subject", "total"])
    row = group_scores(totals, ["G1"], teacher_weight=0.5).iloc[0]
    assert (row["peer_raters"], row["score"]) == (1, 50)


def test_bad_teacher_weight():
    with pytest.raises(RubricError):
        group_scores(pd.DataFrame(columns=["rater_kind", "rater", "subject", "total"]), ["G1"],
                     teacher_weight=60)


def test_criterion_means_by_kind():
    table = criterion_means(scores([
        ("teacher", "teacher", "G1", "a", 10), ("group", "G2", "G1", "a", 6), ("group", "G3", "G1", "a", 8),
        ("group", "G1", "G1", "a", 20), ("group", "G2", "G3", "a", 1)]), "G1")
    assert table.to_dict("records") == [{"criterion": "a", "teacher": 10.0, "peers": 7.0}]
