import pytest

from logicrm_edu.rubric import course_marks, import_sheets, open_course, write_score_sheets

from .helpers import GOLDEN_RATINGS, fill_sheet, sheet_for

# Hand-set group scores: teacher G1 60, G2 80, G3 40; peers G1: 58 (G2), 62 (G3) → 60;
# G2: 70 (G1), 90 (G3) → 80; G3: 50 (G1), 70 (G2) → 60.  Teacher weight 0.5:
# G1 = 60, G2 = 80, G3 = 50.
GROUP_SCORES = {"G1": 60.0, "G2": 80.0, "G3": 50.0}
# The golden WebPA marks for G1 (G = 60, w = 0.5, Elaine penalised 10%).
GOLDEN_MARKS = [63.90, 74.36, 63.56, 55.66, 38.27]


def score_golden_course(course_dir):
    """Fill and import the teacher's, the groups' and G1's member sheets (Elaine hands nothing in)."""
    course = open_course(course_dir)
    out = course_dir / "sheets"
    group = write_score_sheets(course.group_rubric, course.roster, out, self_rating=True, progress=False)
    member = write_score_sheets(course.member_rubric, course.roster, out, self_rating=True, progress=False)
    filled = [fill_sheet(sheet_for(group, "teacher"), {"G1": 60, "G2": 80, "G3": 40}),
              fill_sheet(sheet_for(group, "group-G1"), {"G2": 70, "G3": 50}),
              fill_sheet(sheet_for(group, "group-G2"), {"G1": 58, "G3": 70}),
              fill_sheet(sheet_for(group, "group-G3"), {"G1": 62, "G2": 90})]
    for rater, row in GOLDEN_RATINGS.items():
        scores = dict(zip(["a1", "a2", "a3", "a4", "a5"], row))
        filled.append(fill_sheet(sheet_for(member, f"-{rater}-"), scores))
    return import_sheets(filled, course_dir, progress=False)


def test_golden_case_through_real_sheets(golden_course):
    score_golden_course(golden_course)
    marks = course_marks(open_course(golden_course))
    assert marks.groups.set_index("group")["score"].to_dict() == GROUP_SCORES
    team = marks.members[marks.members["group"] == "G1"]
    assert team["name"].tolist() == ["Alice", "Bob", "Claire", "David", "Elaine"]
    assert team["mark"].round(2).tolist() == GOLDEN_MARKS
    assert team["factor"].round(3).tolist() == [1.130, 1.479, 1.119, 0.855, 0.417]
    assert team["submitted"].tolist() == [True, True, True, True, False]
    assert marks.scale == (0, 100)


def test_groups_where_nobody_rated_each_other(golden_course):
    score_golden_course(golden_course)
    members = course_marks(open_course(golden_course)).members.set_index("id")
    # nobody in G2/G3 handed a member sheet in: factor 1, everyone a non-submitter (−10%)
    assert members.loc[["b1", "c1"], "factor"].tolist() == [1.0, 1.0]
    assert members.loc[["b1", "c1"], "mark"].tolist() == pytest.approx([72.0, 45.0])


def test_flags_and_unrated_groups(course):
    course_ctx = open_course(course)
    group = write_score_sheets(course_ctx.group_rubric, course_ctx.roster, course / "s", self_rating=False,
                               progress=False)
    full = [25, 20, 20, 20, 15]
    import_sheets([fill_sheet(sheet_for(group, "group-G1"), {"G2": full, "G3": full}),
                   fill_sheet(sheet_for(group, "group-G2"), {"G1": full, "G3": full})], course, progress=False)
    marks = course_marks(course_ctx)
    groups = marks.groups.set_index("group")
    assert groups.at["G1", "note"] == "rubric.note.peers_only"
    assert groups.at["G3", "score"] == 100
    assert set(marks.flags["kind"]) == {"all_full_marks"}  # both raters gave full marks
    assert set(marks.flags["scope"]) == {"groups"}
    g3 = marks.members[marks.members["group"] == "G3"]
    assert g3["mark"].tolist() == [100.0] * 3
    assert (g3["note"] == "rubric.note.peers_only").all()


def test_scores_of_students_no_longer_in_the_roster_are_flagged(golden_course, roster):
    from logicrm_edu.rubric.store import open_store, save_roster
    score_golden_course(golden_course)
    save_roster(open_store(golden_course), roster[roster["id"] != "a4"])  # David left the course
    marks = course_marks(open_course(golden_course))
    stale = marks.flags[marks.flags["kind"] == "stale_ratings"]
    assert stale["value"].tolist() == [8.0]  # David's 5 ratings (one of himself) + 3 by teammates
    assert "a4" not in set(marks.members["id"])
