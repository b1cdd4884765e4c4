"""release → collect → autograde → feedback → export → status on one course (real nbgrader)."""
import tomllib
import zipfile

import pandas as pd
from nbgrader.api import Gradebook
from openpyxl import load_workbook

from logicrm_edu.student_data import student_customers

from .conftest import ASSIGNMENT, KINDS, invoke


def test_release_writes_per_student_handouts_without_secrets(graded):
    course, _ = graded
    seed = tomllib.loads((course / "course.toml").read_text(encoding="utf-8"))["course"]["seed"]
    assert not (course / "release" / ASSIGNMENT / "customers.xlsx").exists()  # textbook file withheld
    for sid in ("2301", "2302", "2303", "2304"):
        folder = course / "handout" / sid / ASSIGNMENT
        data = pd.read_excel(folder / "customers.xlsx")
        expected = student_customers(seed, sid, 20)
        assert data["营业收入"].tolist() == expected["营业收入"].tolist()
        [archive] = (course / "handout_zips" / ASSIGNMENT).glob(f"{sid}_*.zip")
        with zipfile.ZipFile(archive) as zf:
            names = zf.namelist()
            blobs = [zf.read(n) for n in names]
        assert sorted(names) == [f"{ASSIGNMENT}/{ASSIGNMENT}.ipynb", f"{ASSIGNMENT}/customers.xlsx"]
        for blob in blobs + [(folder / f"{ASSIGNMENT}.ipynb").read_bytes()]:
            assert seed.encode() not in blob
        text = (folder / f"{ASSIGNMENT}.ipynb").read_text(encoding="utf-8")
        for secret in ("BEGIN SOLUTION", "grade_against_teacher_data", "评分要点", "course.toml"):
            assert secret not in text
    a = pd.read_excel(course / "handout" / "2301" / ASSIGNMENT / "customers.xlsx")
    b = pd.read_excel(course / "handout" / "2302" / ASSIGNMENT / "customers.xlsx")
    assert not a.equals(b)
    assert (course / "exchange" / "logistics-crm" / "outbound" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb").exists()


def test_collect_report(graded):
    course, state = graded
    out = state["collect_output"]
    assert "收到 3 份" in out and "迟交 1 份" in out and "重复 1 份" in out and "未匹配或损坏 2 份" in out
    assert "2399_钱七" in out and "文件名中没有花名册里的学号或姓名" in out
    assert "文件损坏" in out and "(1).ipynb" in out
    assert "还有 1 名学生没有交：2304 赵六" in out
    for sid in KINDS:
        folder = course / "submitted" / sid / ASSIGNMENT
        assert (folder / f"{ASSIGNMENT}.ipynb").is_file()
        assert (folder / "timestamp.txt").read_text(encoding="utf-8").endswith(" UTC")
    # what students handed in is kept as it is: notebooks alone, and 李四's borrowed data
    assert not (course / "submitted" / "2301" / ASSIGNMENT / "customers.xlsx").exists()
    assert (course / "submitted" / "2302" / ASSIGNMENT / "customers.xlsx").read_bytes() == (
        course / "handout" / "2301" / ASSIGNMENT / "customers.xlsx").read_bytes()
    assert "1 份作业交回的数据文件不是发给该学生的" in out
    assert "交回的数据文件是发给 2301 的数据，疑似抄袭" in out and "李四" in out
    assert "2 份作业没有交数据文件" in out
    # nothing lost: the unused files are kept
    kept = {p.name for p in (course / "lms_unmatched" / ASSIGNMENT).rglob("*.ipynb")}
    assert kept == {f"2399_钱七_{ASSIGNMENT}.ipynb", f"2303_王五_{ASSIGNMENT}(1).ipynb",
                    f"2301_张三_{ASSIGNMENT}(old).ipynb"}


def test_scores_in_the_gradebook(graded):
    course, state = graded
    assert "已评分" in state["autograde_output"] and "评分 3 份" in state["autograde_output"]
    with Gradebook(f"sqlite:///{course / 'gradebook.db'}", course_id="logistics-crm") as gb:
        scores = {s.student.id: s.score for s in gb.assignment_submissions(ASSIGNMENT)}
        assert gb.find_student("2301").last_name == "张三"
    # per-student data: the reference passes visible and hidden tests on its own data, handed
    # in alone; 李四 is graded on his own data, not on the classmate's file beside his notebook:
    # his ascending sort costs step 3 (4 points) once, steps 4 and 5 follow his own table
    assert scores == {"2301": 12.0, "2302": 8.0, "2303": 2.0}
    assert "疑似抄袭" in state["autograde_output"]


def test_feedback_written(graded):
    course, state = graded
    assert "3 名学生" in state["feedback_output"]
    page = (course / "feedback" / "2302" / ASSIGNMENT / f"{ASSIGNMENT}.html").read_text(encoding="utf-8")
    assert "grade_against_teacher_data" not in page


def test_export_reads_back_in_pandas_and_openpyxl(graded, tmp_path):
    course, _ = graded
    out = invoke("export", "--course", course, "--out", tmp_path).output
    assert "grades.xlsx" in out
    raw = (tmp_path / "grades.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # BOM for Excel/WPS
    wide = pd.read_csv(tmp_path / "grades.csv", encoding="utf-8-sig", dtype={"学号": str})
    row = wide.set_index("学号").loc["2301"]
    assert row["姓名"] == "张三" and row["班级"] == "物流2301" and str(row["小组"]) == "1"
    assert row[f"{ASSIGNMENT}:step3_hidden"] == 2 and row[f"{ASSIGNMENT} 得分"] == 12
    assert wide.set_index("学号").loc["2304", f"{ASSIGNMENT} 状态"] == "未提交"
    assert wide.set_index("学号").loc["2302", f"{ASSIGNMENT} 状态"] == "待人工评分"
    flags = wide.set_index("学号")[f"{ASSIGNMENT} 数据文件"].fillna("")
    assert "2301" in flags["2302"] and flags["2301"] == flags["2303"] == ""
    cells = pd.read_csv(tmp_path / "grade_cells.csv", encoding="utf-8-sig", dtype={"学号": str})
    assert set(cells["学号"]) == {"2301", "2302", "2303"}
    scores = pd.to_numeric(cells["得分"], errors="coerce")  # steps not marked yet read 待批改
    assert scores.groupby(cells["学号"]).sum().to_dict() == {"2301": 12, "2302": 8, "2303": 2}
    assert (cells["得分"] == "待批改").sum() == 6  # step1 and step6 of three students
    book = load_workbook(tmp_path / "grades.xlsx")
    sheet = book["成绩"]
    assert sheet.freeze_panes == "C2"
    assert sheet["A2"].value == "2301" and sheet["B2"].value == "张三"
    assert all(sheet.column_dimensions[c].width >= 8 for c in "ABCD")
    assert "分步得分" in book.sheetnames


def test_status_counts(graded):
    course, _ = graded
    out = invoke("status", "--course", course).output
    assert "4 名学生" in out
    line = next(l for l in out.splitlines() if l.strip().startswith(ASSIGNMENT))
    # the deadline given to collect, then: 1 data file flagged
    assert line.split()[1:] == ["2025-03-14", "23:59", "是", "4", "3", "3", "3", "3", "1"]
    out = invoke("status", "--course", course, "--lang", "en").output
    assert "manual grading" in out


def test_unknown_assignment_everywhere(graded):
    course, _ = graded
    for command in ("release", "collect", "autograde", "feedback"):
        result = invoke(command, "no_such_task", "--course", course, ok=False)
        assert result.exit_code == 1 and "abc_tiering" in result.output, command
