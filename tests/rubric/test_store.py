import pandas as pd
import pytest

from logicrm_edu.rubric import RaterStatement, RubricError
from logicrm_edu.rubric.store import (audit_trail, load_roster, load_scores, open_store,
                                      previous_subjects, save_roster, save_statements,
                                      scores_by_student)


def statement(subjects_points, *, rater="teacher", subjects=None, source="teacher.xlsx"):
    scores = pd.DataFrame([(s, "overall", p, f"C{5 + i}") for i, (s, p) in enumerate(subjects_points)],
                          columns=["subject", "criterion", "points", "cell"])
    return RaterStatement(rubric="talk", rater_kind="teacher", rater=rater, scores=scores,
                          source=source, sheet="评分", subjects=subjects)


def test_roster_round_trip_in_order(tmp_path, roster):
    engine = open_store(tmp_path)
    save_roster(engine, roster.iloc[::-1])
    assert load_roster(engine)["id"].tolist() == roster["id"].tolist()[::-1]
    assert (tmp_path / "rubric.db").is_file()


def test_no_roster_yet(tmp_path):
    with pytest.raises(RubricError) as caught:
        load_roster(open_store(tmp_path))
    assert caught.value.key == "rubric.store.no_roster"
    assert load_roster(open_store(tmp_path), required=False).columns.tolist() == [
        "id", "name", "class", "group"]


def test_scores_by_student_counts_member_scores_given_and_received(tmp_path):
    engine = open_store(tmp_path)
    save_statements(engine, [statement([("G1", 80)])])  # a group's score: no student's
    member = statement([("s2", 90), ("s3", 70)], rater="s1")
    save_statements(engine, [RaterStatement(**{**member.__dict__, "rubric": "contribution",
                                               "rater_kind": "member"})])
    assert scores_by_student(engine) == {"s1": 2, "s2": 1, "s3": 1}


def test_scores_keep_their_origin(tmp_path):
    engine = open_store(tmp_path)
    save_statements(engine, [statement([("G1", 80), ("G2", 70)])])
    scores = load_scores(engine)
    assert scores[["subject", "points", "source", "sheet", "cell"]].values.tolist() == [
        ["G1", 80.0, "teacher.xlsx", "评分", "C5"], ["G2", 70.0, "teacher.xlsx", "评分", "C6"]]
    assert scores["received"].notna().all()


def test_a_sheet_replaces_all_of_the_raters_scores(tmp_path):
    engine = open_store(tmp_path)
    save_statements(engine, [statement([("G1", 80), ("G2", 70)])])
    newer = statement([("G1", 60)], source="teacher-v2.xlsx")
    assert previous_subjects(engine, newer) == {"G1", "G2"}
    save_statements(engine, [newer])
    assert load_scores(engine)[["subject", "points"]].values.tolist() == [["G1", 60.0]]
    trail = audit_trail(engine)
    assert trail["source"].tolist() == ["teacher.xlsx", "teacher-v2.xlsx"]
    assert trail["replaced"].notna().tolist() == [True, False]


def test_a_form_save_replaces_only_its_group(tmp_path):
    engine = open_store(tmp_path)
    save_statements(engine, [statement([("G1", 80), ("G2", 70)])])
    save_statements(engine, [statement([("G2", 75)], subjects=("G2",), source="notebook")])
    scores = load_scores(engine).sort_values("subject")
    assert scores[["subject", "points", "source"]].values.tolist() == [
        ["G1", 80.0, "teacher.xlsx"], ["G2", 75.0, "notebook"]]
    assert audit_trail(engine)["replaced"].isna().all()  # the first sheet still has G1 in force


def test_failure_inside_the_transaction_keeps_nothing(tmp_path):
    engine = open_store(tmp_path)
    save_statements(engine, [statement([("G1", 80)])])
    broken = statement([("G1", 10)])
    broken = RaterStatement(**{**broken.__dict__, "scores": broken.scores.assign(points="x")})
    with pytest.raises(ValueError):
        save_statements(engine, [statement([("G2", 50)], rater="t2"), broken])
    assert load_scores(engine)[["rater", "subject", "points"]].values.tolist() == [["teacher", "G1", 80.0]]
    assert len(audit_trail(engine)) == 1
