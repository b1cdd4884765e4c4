import subprocess
import sys

import pandas as pd
from click.testing import CliRunner

from logicrm_edu.rubric.cli import rubric

from .helpers import fill_sheet, sheet_for


def run(*args):
    return CliRunner().invoke(rubric, [str(a) for a in args], catch_exceptions=False)


def test_a_teachers_round(tmp_path, roster):
    course = tmp_path / "course"
    course.mkdir()
    roster_file = tmp_path / "花名册.xlsx"
    roster.rename(columns={"id": "学号", "name": "姓名", "class": "班级", "group": "小组"}).to_excel(
        roster_file, index=False)
    result = run("roster", roster_file, "--course", course)
    assert result.exit_code == 0 and "11 名学生，3 个小组" in result.output

    result = run("sheets", "--course", course)
    assert result.exit_code == 0
    sheets = sorted((course / "rubric_sheets").glob("*.xlsx"))
    assert len(sheets) == 4 + 11

    full = [25, 20, 20, 20, 15]
    fill_sheet(sheet_for(sheets, "teacher"), {"G1": full, "G2": full, "G3": full})
    fill_sheet(sheet_for(sheets, "-a1-"), {"a2": [5, 10, 5, 10], "a3": [4, 8, 4, 8], "a4": [3, 6, 3, 6],
                                           "a5": [1, 2, 1, 2]})
    result = run("import", course / "rubric_sheets", "--course", course, "--lang", "en")
    assert result.exit_code == 0, result.output
    assert "imported 2 sheets, 31 scores." in result.output
    assert "warning: file 'abc_presentation-group-G1.xlsx'" in result.output  # blank sheets reported

    result = run("marks", "--course", course)
    assert result.exit_code == 0 and "小组展示分" in result.output and "Alice" in result.output

    result = run("grades", "--course", course)
    assert result.exit_code == 0
    grades = pd.read_csv(course / "final_grades" / "final_grades.csv", encoding="utf-8-sig")
    assert len(grades) == 11

    result = run("report", "--course", course, "--out", tmp_path / "r")
    assert result.exit_code == 0 and len(list((tmp_path / "r").glob("*.html"))) == 3

    result = run("audit", "--course", course)
    assert "abc_presentation-teacher.xlsx" in result.output


def test_errors_exit_with_code_1_and_name_the_cell(course):
    assert run("sheets", "--course", course).exit_code == 0
    path = fill_sheet(sorted((course / "rubric_sheets").glob("*teacher*"))[0], {"G1": [99, 1, 1, 1, 1]})
    result = run("import", path, "--course", course)
    assert result.exit_code == 1
    assert "单元格 C5" in result.output and "cell C5" in result.output


def test_no_roster_yet(tmp_path):
    result = run("sheets", "--course", tmp_path)
    assert result.exit_code == 1 and "logicrm rubric roster" in result.output


def test_check_rubric_files(tmp_path):
    result = run("check", "--course", tmp_path)
    assert result.exit_code == 0
    assert "abc_presentation" in result.output and "member_evaluation" in result.output
    bad = tmp_path / "bad.toml"
    bad.write_text('title = "x"\nsubject = "group"\nraters = ["boss"]\n', encoding="utf-8")
    result = run("check", bad)
    assert result.exit_code == 1 and "raters[1]" in result.output


def test_runs_as_a_module():
    result = subprocess.run([sys.executable, "-m", "logicrm_edu.rubric", "--help"],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0
    for command in ("sheets", "import", "marks", "grades", "report", "roster", "check", "audit"):
        assert command in result.stdout
