"""course/export.py on a real course: ``init_course``, a roster imported with
``import_roster``, and a real nbgrader gradebook opened with ``nbgrader_app.gradebook``.

The gradebook, by hand (abc_tiering, max 20; due 2025-03-14 15:59 UTC; late policy
10% of the score per day started, at most 30%):

- 2301 on time (15:00 UTC): every cell full except step2_hidden 0.125 (auto) and
  step6_strategy 2.675 (by hand) → 2+1+0.125+2+2+1+2+1+2+2.675 = 15.8;
- 2302 at 2025-03-16 02:00 UTC, 1 d 10 h 1 min late → 2 days started → 20%:
  full marks but step6_strategy 4 → 18, penalty 3.6, after 14.4;
- 2303 time only in submitted/…/timestamp.txt (12:00 UTC, on time): the test cells
  12 + step1 1, step6_strategy not graded yet → 13, provisional;
- 2304 no submission; the collect record says they uploaded 作业.pdf.
"""
import json
import os
import warnings
from datetime import datetime, timezone

import pytest
from openpyxl import load_workbook
from sqlalchemy.exc import SAWarning

from logicrm_edu.course.export import export_grades, grade_tables
from logicrm_edu.course.nbgrader_app import gradebook
from logicrm_edu.course.roster import import_roster
from logicrm_edu.course.table_sheet import display_width
from logicrm_edu.course.template import init_course

A = "abc_tiering"
ROSTER = "学号,姓名,班级,小组\n2301,张三,物流2301,1\n2302,李四,物流2301,1\n2303,王五,物流2302,2\n2304,赵六,物流2302,2\n"
TESTS = {"step2_test": 1, "step2_hidden": 1, "step3_test": 2, "step3_hidden": 2, "step4_test": 1,
         "step4_hidden": 2, "step5_test": 1, "step5_hidden": 2}
TASKS = {"step1_indicator": 2, "step6_strategy": 6}
LATE_POLICY = "\n[late]\npenalty_per_day = 10\nmax_penalty = 30\n"
COLLECT_RECORD = [{"file": "2304_赵六/作业.pdf", "student": "2304", "status": "not_notebook",
                   "detail": "", "kept": "lms_unmatched/abc_tiering/x/2304_赵六/作业.pdf"},
                  {"file": "2399_钱七.ipynb", "student": "", "status": "unmatched", "detail": "nobody",
                   "kept": ""}]


def utc(*parts):
    return datetime(*parts, tzinfo=timezone.utc)


def local(moment):
    """How a time is shown in the workbook: the machine's local time, to the minute."""
    return moment.astimezone().replace(tzinfo=None)


def build_gradebook(course):
    """The gradebook described in the module docstring."""
    given = {  # student → (timestamp, {cell: (score, needs manual grading)})
        "2301": (datetime(2025, 3, 14, 15, 0), {**{c: (m, False) for c, m in TESTS.items()},
                                                 "step2_hidden": (0.125, False),
                                                 "step1_indicator": (2, False),
                                                 "step6_strategy": (2.675, False)}),
        "2302": (datetime(2025, 3, 16, 2, 0), {**{c: (m, False) for c, m in TESTS.items()},
                                                "step1_indicator": (2, False),
                                                "step6_strategy": (4, False)}),
        "2303": (None, {**{c: (m, False) for c, m in TESTS.items()}, "step1_indicator": (1, False),
                        "step6_strategy": (None, True)}),
    }
    with gradebook(course) as gb, warnings.catch_warnings():
        warnings.filterwarnings("ignore", "Object of type", SAWarning)  # see tests/rubric/helpers.py
        gb.update_or_create_assignment(A, duedate=datetime(2025, 3, 14, 15, 59))
        gb.add_notebook(A, A)
        for cell, top in TESTS.items():
            gb.add_grade_cell(cell, A, A, max_score=top, cell_type="code")
        for cell, top in TASKS.items():
            gb.add_task_cell(cell, A, A, max_score=top, cell_type="markdown")
        for sid, (stamp, cells) in given.items():
            gb.add_submission(A, sid, timestamp=stamp)
            for cell, (points, manual) in cells.items():
                grade = gb.find_grade(cell, A, A, sid)
                if cell in TASKS:
                    grade.manual_score = points
                else:
                    grade.auto_score = points
                grade.needs_manual_grade = manual
        gb.db.commit()
    stamp = course / "submitted" / "2303" / A / "timestamp.txt"
    stamp.parent.mkdir(parents=True)
    stamp.write_text("2025-03-14 12:00:00.000000 UTC", encoding="utf-8")


@pytest.fixture(scope="module")
def course_template(tmp_path_factory):
    base = tmp_path_factory.mktemp("export")
    course = init_course(base / "course")
    (base / "roster.csv").write_text(ROSTER, encoding="utf-8")
    import_roster(course, base / "roster.csv")
    build_gradebook(course)
    return course


@pytest.fixture
def course(course_template, tmp_path):
    """A private copy, with the late policy and the collect record."""
    import shutil

    copy = shutil.copytree(course_template, tmp_path / "course")
    with open(copy / "course.toml", "a", encoding="utf-8") as toml:
        toml.write(LATE_POLICY)
    record = copy / ".logicrm" / "collect" / f"{A}.json"
    record.parent.mkdir(parents=True, exist_ok=True)
    record.write_text(json.dumps(COLLECT_RECORD, ensure_ascii=False), encoding="utf-8")
    return copy


def students_sheet(path):
    sheet = load_workbook(path)["成绩"]
    header = [c.value for c in sheet[1]]
    rows = {sheet.cell(r, 1).value: r for r in range(2, sheet.max_row + 1)}
    return sheet, header, rows


def cell(sheet, header, rows, sid, heading):
    return sheet.cell(rows[sid], header.index(heading) + 1)


def test_scores_are_rounded_half_up_with_a_format_to_match(course, tmp_path):
    paths, _ = export_grades(course, tmp_path)
    sheet, header, rows = students_sheet(paths["xlsx"])
    # float round() gives 0.12 for 0.125 and 2.67 for 2.675: the old export wrote both unrounded
    # under "0.##", which Excel shows as 0.13 but 2.68 only by luck of the binary value
    hidden = cell(sheet, header, rows, "2301", f"{A}:step2_hidden")
    strategy = cell(sheet, header, rows, "2301", f"{A}:step6_strategy")
    assert (hidden.value, hidden.number_format) == (0.13, "0.00")
    assert (strategy.value, strategy.number_format) == (2.68, "0.00")
    total = cell(sheet, header, rows, "2301", f"{A} 得分")  # the exact total rounded, not 0.13 + 2.68 + …
    assert (total.value, total.number_format) == (15.8, "0.00")
    assert sheet.cell(rows["2301"], 1).number_format == "@"


def test_grade_id_headers_are_shown_whole(course, tmp_path):
    paths, _ = export_grades(course, tmp_path)
    sheet, header, _ = students_sheet(paths["xlsx"])
    # the old sheet gave a header half its width (+2), so abc_tiering:step2_hidden (24) got 14
    for index, heading in enumerate(header, start=1):
        letter = sheet.cell(1, index).column_letter
        assert sheet.column_dimensions[letter].width >= display_width(heading), heading
    letter = sheet.cell(1, header.index(f"{A} 扣分后得分") + 1).column_letter
    assert sheet.column_dimensions[letter].width >= 12 + 2 * 5  # "abc_tiering " + 5 CJK characters


def test_late_submissions_are_flagged_and_penalised(course, tmp_path):
    paths, tables = export_grades(course, tmp_path)
    sheet, header, rows = students_sheet(paths["xlsx"])
    value = lambda sid, heading: cell(sheet, header, rows, sid, f"{A} {heading}").value
    assert value("2302", "迟交") == "是，迟交 1 天 10 小时 1 分钟"
    assert (value("2302", "得分"), value("2302", "迟交扣分"), value("2302", "扣分后得分")) == (18, 3.6, 14.4)
    assert "迟交扣 20% 的得分" in value("2302", "备注")
    assert value("2302", "提交时间") == local(utc(2025, 3, 16, 2, 0))
    assert cell(sheet, header, rows, "2302", f"{A} 提交时间").number_format == "yyyy-mm-dd hh:mm"
    assert (value("2301", "迟交"), value("2301", "迟交扣分"), value("2301", "扣分后得分")) == ("否", 0, 15.8)
    # the time of 2303's submission comes from submitted/2303/abc_tiering/timestamp.txt
    assert value("2303", "提交时间") == local(utc(2025, 3, 14, 12, 0)) and value("2303", "迟交") == "否"
    assert tables.late == 1


def test_late_is_flagged_even_without_a_penalty(course_template, tmp_path):
    tables = grade_tables(course_template)  # no [late] in course.toml
    row = tables.students.set_index("学号").loc["2302"]
    assert row[f"{A} 迟交"] == "是，迟交 1 天 10 小时 1 分钟"
    assert row[f"{A} 迟交扣分"] == 0 and row[f"{A} 扣分后得分"] == 18


def test_an_extension_moves_the_deadline(course):
    with open(course / "course.toml", "a", encoding="utf-8") as toml:
        toml.write("[extensions.abc_tiering]\n2302 = 2025-03-16T12:00:00Z\n")
    row = grade_tables(course).students.set_index("学号").loc["2302"]
    assert row[f"{A} 迟交"] == "否" and row[f"{A} 扣分后得分"] == 18


def test_pending_grading_is_not_shown_as_zero(course, tmp_path):
    paths, tables = export_grades(course, tmp_path)
    sheet, header, rows = students_sheet(paths["xlsx"])
    strategy = cell(sheet, header, rows, "2303", f"{A}:step6_strategy")
    assert (strategy.value, strategy.number_format) == ("待批改", "@")  # was 0.0
    total = cell(sheet, header, rows, "2303", f"{A} 得分")
    assert total.value == 13 and total.fill.fgColor.rgb.endswith("FFF2CC")  # shaded: provisional
    assert not cell(sheet, header, rows, "2301", f"{A} 得分").fill.fgColor.rgb.endswith("FFF2CC")
    assert cell(sheet, header, rows, "2303", f"{A} 状态").value == "待人工评分"
    assert cell(sheet, header, rows, "2303", f"{A} 备注").value == "1 个评分项待批改，得分为暂定"
    cells = load_workbook(paths["xlsx"])["分步得分"]
    pending = [row for row in cells.iter_rows(values_only=True) if row[0] == "2303" and row[6] == "step6_strategy"]
    assert [row[7] for row in pending] == ["待批改"]
    assert tables.pending == 1


def test_an_upload_that_is_not_a_notebook_is_not_plain_missing(course, tmp_path):
    table = grade_tables(course).students.set_index("学号")
    assert table.at["2304", f"{A} 状态"] == "交了文件，但不是 notebook"
    assert table.at["2304", f"{A} 备注"] == "交了文件，但不是 notebook：作业.pdf"
    (course / ".logicrm" / "collect" / f"{A}.json").unlink()
    table = grade_tables(course).students.set_index("学号")
    assert table.at["2304", f"{A} 状态"] == "未提交" and table.at["2304", f"{A} 备注"] == ""


def test_csv_says_the_same_in_text(course, tmp_path):
    import pandas as pd

    paths, _ = export_grades(course, tmp_path)
    wide = pd.read_csv(paths["csv"], encoding="utf-8-sig", dtype=str).set_index("学号")
    assert wide.at["2303", f"{A}:step6_strategy"] == "待批改"
    assert wide.at["2302", f"{A} 提交时间"] == local(utc(2025, 3, 16, 2, 0)).strftime("%Y-%m-%d %H:%M")
    assert wide.at["2301", f"{A}:step2_hidden"] == "0.13"


@pytest.mark.parametrize("umask, mode", [(0o022, 0o644), (0o027, 0o640)])
def test_export_files_are_normal_files(course, tmp_path, umask, mode):
    old = os.umask(umask)
    try:
        paths, _ = export_grades(course, tmp_path)
    finally:
        os.umask(old)
    # mkstemp made them 0600: nobody else could open the grade sheet
    assert {p.name: p.stat().st_mode & 0o777 for p in paths.values()} == {
        "grades.xlsx": mode, "grades.csv": mode, "grade_cells.csv": mode}


def test_english_headings(course, tmp_path):
    from logicrm_edu.i18n import set_language

    set_language("en")
    table = grade_tables(course).students.set_index("id")
    assert table.at["2302", f"{A} late"] == "yes, 1 d 10 h 1 min late"
    assert table.at["2303", f"{A}:step6_strategy"] == "pending"
    assert table.at["2304", f"{A} state"] == "handed in a file that is not a notebook"


def test_collected_but_not_graded_is_not_plain_missing(course):
    folder = course / "submitted" / "2304" / A
    folder.mkdir(parents=True)
    (folder / f"{A}.ipynb").write_text("{}", encoding="utf-8")
    (folder / "timestamp.txt").write_text("2025-03-14 16:59:00.000000 UTC", encoding="utf-8")
    table = grade_tables(course).students.set_index("学号")
    assert table.at["2304", f"{A} 状态"] == "已收，尚未评分"
    assert table.at["2304", f"{A} 备注"] == f"作业已收到，还没有评分：请运行 logicrm autograde {A}"
    assert table.at["2304", f"{A} 迟交"] == "是，迟交 1 小时"  # 16:59, due 15:59 UTC
    assert table.isna().at["2304", f"{A} 得分"]  # no score yet, not 0
