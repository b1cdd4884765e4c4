import json
import os
from datetime import datetime
from pathlib import Path

import pandas as pd
import pytest
from nbgrader.api import Gradebook
from openpyxl import load_workbook

from logicrm_edu.course.table_sheet import display_width
from logicrm_edu.rubric import (export_final_grades, final_grades, import_sheets, open_course,
                                write_grade_sheet, write_score_sheets)
from logicrm_edu.rubric.grades import FIXED, LEADING, PresentationMarks
from logicrm_edu.rubric.settings import CourseSettings, GradeSettings

from .conftest import TALK
from .helpers import fill_sheet, sheet_for
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
    table = final_grades([PresentationMarks("talk", members, 70)], scores, settings).set_index("id")
    assert table.loc["s1", ["x", "y"]].tolist() == [60.0, 25.0]
    assert table.at["s1", "assignments"] == pytest.approx((3 * 60 + 25) / 4)
    assert table.at["s1", "final"] == pytest.approx(0.5 * 51.25 + 0.5 * 66 / 70 * 100)
    assert table.at["s2", "final"] == pytest.approx(0.5 * 25)  # unrated presentation counts 0
    assert table.at["s2", "notes"] == "小组展示没有评分，按 0 分计，作业“x”未提交，按 0 分计"


def test_several_presentations_count_by_their_weights():
    first = members_table([("s1", "甲", "c", "G", 60.0, 1.2, 66.0, True, ""),
                           ("s2", "乙", "c", "G", 60.0, 0.8, 44.0, True, "")])
    second = members_table([("s1", "甲", "c", "G", 8.0, 1.2, 9.6, True, ""),
                            ("s2", "乙", "c", "G", float("nan"), 0.8, float("nan"), True,
                             "rubric.note.not_rated")])
    scores = pd.DataFrame([("s1", "x", 5.0, 10.0, ""), ("s2", "x", 10.0, 10.0, "")],
                          columns=["student", "assignment", "score", "max_score", "note"])
    settings = GradeSettings(assignment_weight=60, presentation_weight=40,
                             presentations={"abc": 1, "sel": 3})
    table = final_grades([PresentationMarks("abc", first, 80), PresentationMarks("sel", second, 12)],
                         scores, settings).set_index("id")
    # by hand: s1 abc 66/80 = 82.5 %, sel 9.6/12 = 80 % → (82.5 + 3 × 80) / 4 = 80.625;
    #          final 0.6 × 50 + 0.4 × 80.625 = 62.25
    #          s2 abc 44/80 = 55 %, sel not rated = 0 → 55 / 4 = 13.75; final 0.6 × 100 + 0.4 × 13.75 = 65.5
    assert table.loc["s1", ["presentation:abc", "presentation:sel"]].tolist() == [82.5, 80.0]
    assert table.at["s1", "presentation_pct"] == pytest.approx(80.625)
    assert table.at["s1", "final"] == pytest.approx(62.25)
    assert table.at["s2", "final"] == pytest.approx(65.5)
    assert table.at["s2", "notes"] == "《sel》展示没有评分，按 0 分计"
    assert "group_score" not in table.columns and "presentation" not in table.columns


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
    assert header[:4] == ["id", "name", "class", "group"]
    assert header[-3:] == ["final grade", "final grade state", "notes"]
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


def one_row_table(**values):
    row = dict(id="0123", name="甲", **{"class": "c"}, group="G", abc=76.25, assignments=76.25,
               group_score=80.0, factor=0.9, presentation=72.0, presentation_pct=72.0, final=76.25,
               final_state="已定", notes="")
    row.update(values)
    return pd.DataFrame([row], columns=LEADING + ["abc"] + FIXED[len(LEADING):])


def test_grades_are_rounded_half_up_and_shown_with_their_places(tmp_path):
    paths = write_grade_sheet(one_row_table(), CourseSettings(tmp_path), [], tmp_path)
    sheet = load_workbook(paths["xlsx"])["总评成绩"]
    header = [c.value for c in sheet[1]]
    final = sheet.cell(2, header.index("总评") + 1)
    assert (final.value, final.number_format) == (76.3, "0.0")  # pandas' round(1) gave 76.2
    # the peer factor was shown as 0.9 / 1.0 by a "0.0" format: it keeps its 3 places
    factor = sheet.cell(2, header.index("互评系数") + 1)
    assert (factor.value, factor.number_format) == (0.9, "0.000")
    assert sheet["A2"].value == "0123" and sheet["A2"].number_format == "@"
    csv = pd.read_csv(paths["csv"], encoding="utf-8-sig", dtype={"学号": str})
    assert csv.at[0, "总评"] == 76.3 and csv.at[0, "abc得分(%)"] == 76.3


def test_peer_factor_rounded_half_up_to_three_places(tmp_path):
    paths = write_grade_sheet(one_row_table(factor=1.4795, final=0.125), CourseSettings(tmp_path), [],
                              tmp_path, lang="en")
    sheet = load_workbook(paths["xlsx"])["Final grades"]
    header = [c.value for c in sheet[1]]
    assert sheet.cell(2, header.index("peer factor") + 1).value == 1.48
    assert sheet.cell(2, header.index("final grade") + 1).value == 0.1  # 0.125 to 1 place


def test_columns_fit_their_headings(tmp_path):
    paths = write_grade_sheet(one_row_table(), CourseSettings(tmp_path), [], tmp_path)
    sheet = load_workbook(paths["xlsx"])["总评成绩"]
    for cell in sheet[1]:  # the old sheet made every column 12 wide
        assert sheet.column_dimensions[cell.column_letter].width >= display_width(cell.value), cell.value


@pytest.mark.parametrize("umask, mode", [(0o022, 0o644), (0o002, 0o664)])
def test_grade_sheet_files_are_normal_files(tmp_path, umask, mode):
    old = os.umask(umask)
    try:
        paths = write_grade_sheet(one_row_table(), CourseSettings(tmp_path), [], tmp_path / "out")
    finally:
        os.umask(old)
    assert sorted(p.stat().st_mode & 0o777 for p in paths.values()) == [mode, mode]


def test_late_pending_and_not_a_notebook_reach_the_final_grade(golden_course, gradebook):
    score_golden_course(golden_course)
    path = gradebook(golden_course)
    with Gradebook(f"sqlite:///{path}", course_id="") as gb:  # Alice hands abc in 1 h 30 min late
        gb.find_assignment("abc").duedate = datetime(2025, 3, 14, 15, 59)
        gb.find_submission("abc", "a1").timestamp = datetime(2025, 3, 14, 17, 29)
        gb.db.commit()
    with open(golden_course / "course.toml", "a", encoding="utf-8") as toml:
        toml.write("[late]\npenalty_per_day = 10\n")
    record = Path(golden_course) / ".logicrm" / "collect" / "abc.json"
    record.parent.mkdir(parents=True)
    record.write_text(json.dumps([{"file": "Bob/slides.pptx", "student": "a2", "status": "not_notebook",
                                   "detail": "", "kept": ""}]), encoding="utf-8")
    paths = export_final_grades(golden_course)
    table = pd.read_csv(paths["csv"], dtype={"学号": str}, encoding="utf-8-sig").set_index("学号")
    # Alice: abc 8 − 10% = 7.2 of 10 → 72%; (72 + 100) / 2 = 86; 0.6 × 86 + 0.4 × 63.90 = 77.16
    assert table.at["a1", "abc得分(%)"] == 72.0 and table.at["a1", "总评"] == 77.2
    assert "作业“abc”迟交 1 小时 30 分钟，扣 10% 的得分" in table.at["a1", "备注"]
    assert "作业“abc”交了文件，但不是 notebook（slides.pptx），按 0 分计" in table.at["a2", "备注"]
    assert "作业“abc”未提交" not in table.at["a2", "备注"]
    assert table.at["a3", "总评状态"] == "暂定" and table.at["a1", "总评状态"] == "已定"
    sheet = load_workbook(paths["xlsx"])["总评成绩"]
    header = [c.value for c in sheet[1]]
    rows = {sheet.cell(r, 1).value: r for r in range(2, sheet.max_row + 1)}
    shade = lambda sid: sheet.cell(rows[sid], header.index("总评") + 1).fill.fgColor.rgb
    assert shade("a3").endswith("FFF2CC") and not shade("a1").endswith("FFF2CC")


def test_collected_but_not_graded_makes_the_final_grade_provisional(golden_course, gradebook):
    score_golden_course(golden_course)
    gradebook(golden_course)
    folder = Path(golden_course) / "submitted" / "a2" / "abc"
    folder.mkdir(parents=True)
    (folder / "abc.ipynb").write_text("{}", encoding="utf-8")
    paths = export_final_grades(golden_course)
    table = pd.read_csv(paths["csv"], dtype={"学号": str}, encoding="utf-8-sig").set_index("学号")
    assert "作业“abc”已收到但还没有评分，暂按 0 分计，总评为暂定" in table.at["a2", "备注"]
    assert table.at["a2", "总评状态"] == "暂定" and table.at["a2", "总评"] == round(EXPECTED_FINAL["a2"], 1)


def test_a_term_of_two_presentations_through_real_sheets(golden_course, gradebook):
    """The golden course with a second presentation ("pitch", 0–20, teacher only, counted
    twice): sheets written, filled and imported as for the first."""
    toml = golden_course / "course.toml"
    toml.write_text(toml.read_text(encoding="utf-8").replace(
        'group_rubric = "talk"', 'presentations = ["talk", "pitch"]')
        + "[grades.presentations]\ntalk = 1\npitch = 2\n", encoding="utf-8")
    (golden_course / "rubrics" / "pitch.toml").write_text(
        TALK.replace("展示", "路演").replace("Talk", "Pitch").replace("max = 100", "max = 20"),
        encoding="utf-8")
    score_golden_course(golden_course)
    course = open_course(golden_course)
    assert [r.id for r in course.presentations] == ["talk", "pitch"]
    pitch = write_score_sheets(course.presentations[1], course.roster, golden_course / "p",
                               self_rating=True, progress=False)
    import_sheets([fill_sheet(sheet_for(pitch, "teacher"), {"G1": 15, "G2": 20, "G3": 10})],
                  golden_course, progress=False)
    gradebook(golden_course)
    table = pd.read_csv(export_final_grades(golden_course)["csv"], dtype={"学号": str},
                        encoding="utf-8-sig").set_index("学号")
    # by hand, Alice (G1, factor 1.130 from the member sheets, as in the golden case):
    # talk 63.90 %; pitch: group 15 (teacher only) → WebPA mark 15 × 0.5 + 15 × 0.5 × 1.130
    # = 15.975 of 20 = 79.875 %; presentations (63.90 + 2 × 79.875) / 3 = 74.55;
    # final 0.6 × 90 + 0.4 × 74.55 = 83.82
    assert table.at["a1", "《talk》展示(%)"] == 63.9
    assert table.at["a1", "《pitch》展示(%)"] == 79.9
    assert table.at["a1", "总评"] == 83.8
