import pandas as pd
import pytest
from openpyxl import load_workbook

from logicrm_edu.rubric import export_final_grades, final_grades
from logicrm_edu.rubric.settings import GradeSettings

from .test_marks import score_golden_course

# Golden course + gradebook, by hand (weights 60 assignments / 40 presentation, equal
# assignment weights, presentation scale 0–100):
# Alice  abc 8/10 = 80%, regions 5/5 = 100% → 90%;  final 0.6 × 90 + 0.4 × 63.90 = 79.56
# Bob    abc none = 0%,  regions 2/5 = 40% → 20%;    final 0.6 × 20 + 0.4 × 74.36 = 41.744
# Claire abc 3/10 = 30%, regions none → 15%;         final 0.6 × 15 + 0.4 × 63.56 = 34.424
# b1     nothing → 0%;   mark 80 × 0.9 = 72;         final 0.4 × 72 = 28.8
EXPECTED_FINAL = {"a1": 79.56, "a2": 41.744, "a3": 34.424, "b1": 28.8}


def members_table(rows):
    return pd.DataFrame(rows, columns=["id", "name", "class", "group", "group_score", "factor", "mark",
                                       "submitted", "note"])


def test_final_grade_arithmetic():
    members = members_table([("s1", "甲", "c", "G", 60.0, 1.2, 66.0, True, ""),
                             ("s2", "乙", "c", "G", float("nan"), 1.0, float("nan"), False,
                              "rubric.note.not_rated")])
    scores = pd.DataFrame([("s1", "x", 6.0, 10.0, ""), ("s1", "y", 1.0, 4.0, ""),
                           ("s2", "x", 0.0, 10.0, "rubric.note.no_submission"), ("s2", "y", 4.0, 4.0, "")],
                          columns=["student", "assignment", "score", "max_score", "note"])
    settings = GradeSettings(assignment_weight=50, presentation_weight=50, assignments={"x": 3, "y": 1})
    table = final_grades(members, scores, settings, presentation_max=70).set_index("id")
    assert table.loc["s1", ["x", "y"]].tolist() == [60.0, 25.0]
    assert table.at["s1", "assignments"] == pytest.approx((3 * 60 + 25) / 4)
    assert table.at["s1", "final"] == pytest.approx(0.5 * 51.25 + 0.5 * 66 / 70 * 100)
    assert table.at["s2", "final"] == pytest.approx(0.5 * 25)  # unrated presentation counts 0
    assert table.at["s2", "notes"] == "小组展示没有评分，按 0 分计，作业“x”未提交，按 0 分计"


def test_export_with_a_real_gradebook(golden_course, gradebook):
    score_golden_course(golden_course)
    gradebook(golden_course)
    paths = export_final_grades(golden_course)
    table = pd.read_csv(paths["csv"], dtype={"学号": str}, encoding="utf-8-sig").set_index("学号")
    assert list(table.columns[:5]) == ["姓名", "班级", "小组", "abc得分(%)", "regions得分(%)"]
    for sid, final in EXPECTED_FINAL.items():
        assert table.at[sid, "总评"] == round(final, 1), sid
    assert table.at["a2", "个人展示分"] == 74.4 and table.at["a2", "互评系数"] == 1.479
    assert "作业“abc”未提交" in table.at["a2", "备注"]
    assert "还有待人工评分" in table.at["a3", "备注"]


def test_csv_has_a_bom_and_xlsx_keeps_ids_as_text(golden_course, gradebook):
    score_golden_course(golden_course)
    gradebook(golden_course)
    paths = export_final_grades(golden_course, golden_course / "out", lang="en")
    assert paths["csv"].read_bytes()[:3] == b"\xef\xbb\xbf"
    book = load_workbook(paths["xlsx"])
    sheet = book["Final grades"]
    header = [c.value for c in sheet[1]]
    assert header[:4] == ["id", "name", "class", "group"] and header[-2:] == ["final grade", "notes"]
    assert sheet["A2"].value == "a1" and sheet["A2"].number_format == "@"
    final = sheet.cell(2, header.index("final grade") + 1)
    assert final.value == 79.6 and final.number_format == "0.0"
    assert sheet.freeze_panes == "C2"
    notes = [row[0] for row in book["Notes"].iter_rows(values_only=True)]
    assert notes[0].startswith("final = weighted mean")


def test_weights_per_assignment_and_notes_about_them(golden_course, gradebook):
    score_golden_course(golden_course)
    gradebook(golden_course)
    with open(golden_course / "course.toml", "a", encoding="utf-8") as toml:
        toml.write("[grades.assignments]\nabc = 3\nextra = 1\n")
    paths = export_final_grades(golden_course)
    table = pd.read_csv(paths["csv"], dtype={"学号": str}, encoding="utf-8-sig").set_index("学号")
    # Alice: (3 × 80 + 1 × 0 for "extra", not in the gradebook) / 4 = 60; "regions" not counted
    assert table.at["a1", "作业成绩(%)"] == 60.0
    notes = [row[0] for row in load_workbook(paths["xlsx"])["说明"].iter_rows(values_only=True)]
    assert any("“extra”" in n and "成绩库中没有" in n for n in notes)
    assert any("“regions”" in n and "不计入总评" in n for n in notes)


def test_without_gradebook_assignments_count_zero_with_a_note(golden_course):
    score_golden_course(golden_course)
    paths = export_final_grades(golden_course)
    table = pd.read_csv(paths["csv"], dtype={"学号": str}, encoding="utf-8-sig").set_index("学号")
    assert table.at["a1", "作业成绩(%)"] == 0 and table.at["a1", "总评"] == round(0.4 * 63.90, 1)
    notes = [row[0] for row in load_workbook(paths["xlsx"])["说明"].iter_rows(values_only=True)]
    assert any("找不到 nbgrader 成绩库" in n for n in notes)
