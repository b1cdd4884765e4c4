"""`logicrm manual export/import` on the course conftest's class (collected and autograded
through the CLI), then `logicrm feedback` with the final marks; and the autograde table's
score while manual steps are pending."""
import shutil

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from logicrm_edu import cli
from logicrm_edu.cli.manual import manual
from logicrm_edu.course.nbgrader_app import gradebook

from .conftest import ASSIGNMENT

STEP1, STEP6 = "第 1 步：选定分类指标", "第 6 步：提出分层管理建议和策略"


def run_manual(*args, ok=True):
    """``logicrm manual …`` through the main command when it is registered there,
    else through the group itself."""
    if "manual" in cli.main.commands:
        command, args = cli.main, ("manual",) + args
    else:
        command = manual
    result = CliRunner().invoke(command, [str(a) for a in args])
    if ok and result.exit_code != 0:
        raise AssertionError(f"exit {result.exit_code}: {result.output}\n{result.exception!r}")
    return result


@pytest.fixture
def course(graded, tmp_path):
    copy = tmp_path / "course"
    shutil.copytree(graded[0], copy)
    return copy


def _manual_score(course, student, cell):
    with gradebook(course) as gb:
        return gb.find_grade(cell, ASSIGNMENT, ASSIGNMENT, student).manual_score


def test_autograde_shows_manual_points_as_pending(graded):
    output = graded[1]["autograde_output"]
    line = next(line for line in output.splitlines() if line.lstrip().startswith("2301"))
    # 张三's reference answers: every automatic point, the 8 written points not marked yet
    assert "12/12 自动 + 8 待批改" in line
    assert "12/20" not in output


def test_export_import_feedback(course):
    out = run_manual("export", ASSIGNMENT, "--course", course).output
    path = course / "export" / "abc_tiering_人工评分.xlsx"
    assert f"已写出 {path}：3 名学生 × 2 个步骤，6 行待批改" in out
    assert f'logicrm manual import {ASSIGNMENT} "{path}"' in out

    book = load_workbook(path)
    sheet = book.active
    rows = {(r[0].value, r[2].value): r[0].row for r in sheet.iter_rows(min_row=2)}
    sheet[f"G{rows['2301', STEP1]}"] = 2
    sheet[f"G{rows['2301', STEP6]}"] = 6
    sheet[f"H{rows['2301', STEP6]}"] = "策略表完整，分析引用了自己的数据。"
    book.save(path)

    out = run_manual("import", ASSIGNMENT, path, "--course", course).output
    assert "已写入成绩簿：2 个得分、1 条评语。还有 4 个步骤待批改" in out
    assert _manual_score(course, "2301", "step6_strategy") == 6.0

    result = CliRunner().invoke(cli.main, ["feedback", ASSIGNMENT, "--no-exchange",
                                           "--course", str(course)])
    assert result.exit_code == 0, result.output
    page = (course / "feedback" / "2301" / ASSIGNMENT / f"{ASSIGNMENT}.html").read_text(encoding="utf-8")
    assert "策略表完整，分析引用了自己的数据。" in page
    assert "待批改" not in page  # nothing of 张三's is pending any more
    pending_note = next(line for line in result.output.splitlines() if "没批改" in line)
    assert "2301" not in pending_note and "2302" in pending_note


def test_import_with_mistakes_exits_and_writes_nothing(course):
    run_manual("export", ASSIGNMENT, "--course", course)
    path = course / "export" / "abc_tiering_人工评分.xlsx"
    book = load_workbook(path)
    book.active["G2"] = 2  # valid
    book.active["G3"] = "6分"  # not a number
    book.active["A4"] = "9999"  # unknown student
    book.save(path)
    result = run_manual("import", ASSIGNMENT, path, "--course", course, "--lang", "en", ok=False)
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert "有 2 处错误，成绩簿中没有写入任何分数" in result.output  # Chinese first
    assert "row 3, column '得分' (G): score '6分' is not a number" in result.output
    assert "row 4, column '学号' (A): id '9999' is not among" in result.output
    assert _manual_score(course, "2301", "step1_indicator") is None


def test_english_export_and_unknown_assignment(course, tmp_path):
    out = run_manual("export", ASSIGNMENT, "--out", tmp_path / "marks.xlsx", "--course", course,
                     "--lang", "en").output
    assert "Wrote" in out and "3 students × 2 steps, 6 rows to mark" in out
    assert load_workbook(tmp_path / "marks.xlsx").active["G1"].value == "score"
    result = run_manual("export", "no_such", "--course", course, ok=False)
    assert result.exit_code == 1 and "没有作业“no_such”" in result.output
