import pandas as pd

from logicrm_edu.rubric import course_marks, open_course
from logicrm_edu.rubric.demo import demo_roster, simulate_presentations, write_final_grades
from logicrm_edu.rubric.store import load_scores


def test_demo_roster():
    roster = demo_roster()
    assert roster["group"].nunique() == 8
    assert roster.groupby("group").size().between(4, 6).all()
    assert roster["id"].is_unique
    assert roster.equals(demo_roster())  # same seed, same roster


def test_eight_groups_end_in_a_final_grade_sheet(tmp_path):
    roster = demo_roster()
    report = simulate_presentations(tmp_path, roster, seed=1, progress=False)
    silent = [p for p in report.problems if p.key == "rubric.import.missing_rater"]
    assert len(silent) == 2  # two members hand nothing in; every other rater did
    marks = course_marks(open_course(tmp_path))
    assert marks.groups["score"].notna().all() and marks.groups["peer_raters"].eq(7).all()
    kinds = set(marks.flags["kind"])
    assert {"full_marks", "low_by_all"} <= kinds  # the generous group and the free riders
    assert marks.members["mark"].between(0, 100).all()

    paths = write_final_grades(tmp_path, lang="zh")
    grades = pd.read_csv(paths["csv"], dtype={"学号": str}, encoding="utf-8-sig")
    assert grades["学号"].tolist() == roster["id"].tolist()
    assert grades["总评"].notna().all()
    assert sum(key.startswith("report:") for key in paths) == 8


def test_same_seed_same_scores(tmp_path):
    roster = demo_roster(groups=3)
    simulate_presentations(tmp_path / "a", roster, seed=7, progress=False)
    simulate_presentations(tmp_path / "b", roster, seed=7, progress=False)
    columns = ["rater", "subject", "criterion", "points"]
    a = load_scores(open_course(tmp_path / "a").engine)[columns]
    b = load_scores(open_course(tmp_path / "b").engine)[columns]
    assert a.equals(b)
