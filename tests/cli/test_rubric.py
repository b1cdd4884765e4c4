"""`logicrm rubric …`: a teacher's round through the one CLI layer, in a course made by
`logicrm init` with the roster from `logicrm roster import` (11 students, 3 groups)."""
import re
import shutil
import sqlite3
import subprocess
import sys
import time
import unicodedata

import pytest

from logicrm_edu.rubric.store import audit_trail, load_scores, open_store
from rubric.helpers import fill_sheet, sheet_for, small_roster

from .conftest import invoke

ABC_FULL = [25, 20, 20, 20, 15]
# member_evaluation: attitude 5, cooperation 10, listening 5, presentation 10 → a1 gives
# a2 30, a3 24, a4 18, a5 6 points (78 in all)
A1_RATES = {"a2": [5, 10, 5, 10], "a3": [4, 8, 4, 8], "a4": [3, 6, 3, 6], "a5": [1, 2, 1, 2]}


@pytest.fixture(scope="module")
def rubric_template(tmp_path_factory):
    base = tmp_path_factory.mktemp("rubric")
    invoke("init", base / "course")
    # one presentation, ABC's (a new course has every assignment's: see the last test)
    toml = base / "course" / "course.toml"
    toml.write_text(re.sub(r"(?m)^presentations = .*$", 'presentations = ["abc_presentation"]',
                           toml.read_text(encoding="utf-8")), encoding="utf-8")
    roster_file = base / "花名册.xlsx"
    small_roster().rename(columns={"id": "学号", "name": "姓名", "class": "班级", "group": "小组"}).to_excel(
        roster_file, index=False)
    invoke("roster", "import", roster_file, "--course", base / "course")
    return base / "course"


@pytest.fixture
def course(rubric_template, tmp_path):
    copy = tmp_path / "course"
    shutil.copytree(rubric_template, copy)
    return copy


def rubric(*args, ok=True):
    return invoke("rubric", *args, ok=ok)


def filled_sheets(course):
    """Sheets made by `rubric sheets`; the teacher's and a1's filled in."""
    rubric("sheets", "--course", course)
    sheets = sorted((course / "rubric_sheets").glob("*.xlsx"))
    assert len(sheets) == 4 + 11
    teacher = fill_sheet(sheet_for(sheets, "teacher"), {"G1": ABC_FULL, "G2": [20, 15, 15, 15, 10],
                                                        "G3": ABC_FULL})
    member = fill_sheet(sheet_for(sheets, "-a1-"), A1_RATES)
    return teacher, member


def test_a_teachers_round(course, tmp_path):
    filled_sheets(course)
    result = rubric("import", course / "rubric_sheets", "--course", course, "--lang", "en")
    assert "imported 2 sheets, 31 scores." in result.output
    assert "warning: file 'abc_presentation-group-G1.xlsx'" in result.output  # blank sheets reported

    rubric("grades", "--course", course)
    assert (course / "final_grades" / "final_grades.csv").is_file()
    rubric("report", "--course", course, "--out", tmp_path / "r")
    assert len(list((tmp_path / "r").glob("*.html"))) == 3


def test_marks_as_an_aligned_table_with_catalogue_headers(course):
    filled_sheets(course)
    rubric("import", course / "rubric_sheets", "--course", course)
    out = rubric("marks", "--course", course).output
    lines = out.splitlines()
    group_header = next(line for line in lines if line.split()[:1] == ["小组"])
    assert group_header.split() == ["小组", "教师评分", "组间互评平均", "互评小组数", "计入的互评数",
                                    "小组展示分", "备注"]
    member_header = next(line for line in lines if line.split()[:1] == ["学号"])
    assert member_header.split() == ["学号", "姓名", "班级", "小组", "小组展示分", "互评系数",
                                     "个人展示分", "已互评"]
    # WebPA without self-rating, only a1 rated: factor = points received / 78 × 4 teammates;
    # mark = 100 × (0.5 × factor + 0.5), clipped to 100, one decimal (course.toml default)
    rows = {line.split()[0]: line.split() for line in lines if re.match(r"\s*[a-c]\d ", line)}
    assert rows["a5"][4:] == ["100.0", "0.308", "65.4", "否"]
    assert rows["a4"][4:] == ["100.0", "0.923", "96.2", "否"]
    assert rows["a2"][4:] == ["100.0", "1.538", "100.0", "否"]
    assert rows["a1"][4:] == ["100.0", "1.000", "100.0", "是"]
    assert rows["b1"][4:] == ["75.0", "1.000", "75.0", "否"]
    g1 = next(line for line in lines if line.split()[:1] == ["G1"]).split()
    assert g1[:6] == ["G1", "100.0", "-", "0", "0", "100.0"]  # no peer-group rating yet
    assert "NaN" not in out and "True" not in out and "False" not in out
    assert out.count("互评系数：由组员互评得出的个人系数。1 表示个人展示分与小组展示分相同") == 1
    # aligned on screen, where a Chinese character is two columns wide: numbers end under
    # their heading (pandas' plain to_string counts it as one and shifts the columns)
    a5 = next(line for line in lines if line.split()[:1] == ["a5"])
    for heading, value in (("互评系数", "0.308"), ("个人展示分", "65.4")):
        assert screen_end(member_header, heading) == screen_end(a5, value), heading


def screen_end(line, text):
    """The screen column where ``text`` ends in ``line``."""
    before = line[:line.index(text) + len(text)]
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in before)


def test_output_and_help_follow_lang(course):
    filled_sheets(course)
    rubric("import", course / "rubric_sheets", "--course", course)
    for args in (("rubric", "--lang", "en", "marks"), ("--lang", "en", "rubric", "marks"),
                 ("rubric", "marks", "--lang", "en")):
        out = invoke(*args, "--course", course).output
        assert "peer factor" in out and "rated teammates" in out and "互评系数" not in out
        assert "peer factor: a personal factor from the teammates' ratings" in out
    zh = rubric("marks", "--course", course, "--lang", "zh").output
    assert "互评系数" in zh and "peer factor" not in zh

    en_help = rubric("--lang", "en", "marks", "--help").output
    assert "Show group scores, individual marks and flagged ratings." in en_help
    assert "Course folder" in en_help and "显示" not in en_help
    zh_help = rubric("--lang", "zh", "marks", "--help").output
    assert "显示小组展示分、个人展示分和需要留意的评分。" in zh_help and "Show group" not in zh_help
    listing = rubric("--lang", "en", "--help").output
    assert "check   Check rubric files (without files, every rubric this course" in listing


@pytest.fixture
def in_china(monkeypatch):
    """The computer's clock on China time (UTC+8, POSIX form: no tz database needed)."""
    monkeypatch.setenv("TZ", "CST-8")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_audit_in_chinese_local_time_without_digests(course, in_china):
    teacher, _ = filled_sheets(course)
    rubric("import", teacher, "--course", course)
    rubric("import", teacher, "--course", course)  # again: the first import is replaced
    with sqlite3.connect(course / "rubric.db") as db:  # stored in UTC
        db.execute("UPDATE statements SET received = '2025-03-10 01:30:00.000000' WHERE id = 1")
        db.execute("UPDATE statements SET received = '2025-03-10 16:05:00.000000', "
                   "replaced = NULL WHERE id = 2")
        db.execute("UPDATE statements SET replaced = '2025-03-10 16:05:00.000000' WHERE id = 1")
    out = rubric("audit", "--course", course).output
    lines = out.splitlines()
    assert lines[0].split() == ["评分人", "导入时间", "评分标准", "文件", "工作表", "分数个数", "状态"]
    assert lines[1].split() == ["教师", "2025-03-10", "09:30", "abc_presentation",
                                "abc_presentation-teacher.xlsx", "评分", "15",
                                "已被", "2025-03-11", "00:05", "的导入替换"]
    assert lines[2].split()[:3] == ["教师", "2025-03-11", "00:05"] and lines[2].split()[-1] == "有效"
    assert not re.search(r"[0-9a-f]{64}", out)
    assert audit_trail(open_store(course))["digest"].str.fullmatch(r"[0-9a-f]{64}").all()  # kept
    en = rubric("audit", "--course", course, "--lang", "en").output.splitlines()
    assert en[0].split()[:3] == ["rater", "imported", "at"] and en[1].split()[0] == "teacher"


def test_audit_names_members_and_says_when_empty(course):
    assert rubric("audit", "--course", course).output.strip() == "还没有导入过评分表。"
    _, member = filled_sheets(course)
    rubric("import", member, "--course", course)
    out = rubric("audit", "--course", course).output
    assert "组员 Alice（a1）" in out and "member_evaluation-member-a1-Alice.xlsx" in out


def test_xls_in_a_folder_is_named_with_what_to_do(course, tmp_path):
    """Was: '已导入 0 份评分表', exit 0, no file named."""
    teacher, _ = filled_sheets(course)
    folder = tmp_path / "交回"
    folder.mkdir()
    shutil.copy(teacher, folder / "教师评分.xls")  # as if saved in the old format
    result = rubric("import", folder, "--course", course, ok=False)
    assert result.exit_code == 1
    assert "文件“教师评分.xls”：这是 .xls 文件" in result.output and "另存为" in result.output
    assert f"文件夹“{folder}”里没有 .xlsx 评分表" in result.output
    assert "file '教师评分.xls': this is a .xls file" in result.output
    assert "已导入" not in result.output
    assert load_scores(open_store(course)).empty


def test_xls_and_csv_given_by_name(course, tmp_path):
    teacher, _ = filled_sheets(course)
    xls = shutil.copy(teacher, tmp_path / "t.xls")
    result = rubric("import", xls, "--course", course, ok=False)
    assert result.exit_code == 1 and "文件“t.xls”" in result.output and ".xlsx" in result.output
    csv = tmp_path / "t.csv"
    csv.write_text("学号,分数\nG1,100\n", encoding="utf-8")
    result = rubric("import", teacher, csv, "--course", course, ok=False)
    assert result.exit_code == 1 and "文件“t.csv”：CSV 文件只保存了分数" in result.output
    assert load_scores(open_store(course)).empty  # the good sheet waits for the batch


def test_folder_without_sheets_is_an_error(course, tmp_path):
    (tmp_path / "空").mkdir()
    result = rubric("import", tmp_path / "空", "--course", course, ok=False)
    assert result.exit_code == 1 and "里没有 .xlsx 评分表" in result.output
    assert "已导入" not in result.output


def test_other_files_in_a_folder_are_named_and_sheets_imported(course):
    filled_sheets(course)
    (course / "rubric_sheets" / "说明.txt").write_text("评分说明", encoding="utf-8")
    (course / "rubric_sheets" / "~$abc_presentation-teacher.xlsx").write_bytes(b"lock")
    out = rubric("import", course / "rubric_sheets", "--course", course).output
    assert "提醒：文件“说明.txt”：这不是评分表" in out
    assert "~$" not in out  # Excel's lock file is nobody's scores
    assert "已导入 2 份评分表，共 31 个分数。" in out


@pytest.mark.parametrize("args", [("sheets",), ("marks",), ("grades",), ("report",), ("audit",),
                                  ("check",), ("import", "SHEETS")])
def test_outside_a_course_nothing_is_created(tmp_path, args):
    folder = tmp_path / "下载"
    folder.mkdir()
    (tmp_path / "sheets").mkdir()
    (tmp_path / "sheets" / "a.xlsx").write_bytes(b"")
    args = [str(tmp_path / "sheets") if a == "SHEETS" else a for a in args]
    result = rubric(*args, "--course", folder, ok=False)
    assert result.exit_code == 1
    assert "不是课程文件夹（没有 nbgrader_config.py）" in result.output
    assert list(folder.iterdir()) == []


def test_default_course_is_the_current_folder(tmp_path, monkeypatch):
    """Was: `logicrm rubric marks` in any folder left a rubric.db there."""
    monkeypatch.chdir(tmp_path)
    result = rubric("marks", ok=False)
    assert result.exit_code == 1 and "nbgrader_config.py" in result.output
    assert list(tmp_path.iterdir()) == []


def test_one_roster_command(tmp_path):
    result = rubric("roster", "r.xlsx", ok=False)
    assert result.exit_code == 2
    assert "roster" not in rubric("--help").output.split("命令")[-1]
    invoke("init", tmp_path / "c")
    result = rubric("sheets", "--course", tmp_path / "c", ok=False)
    assert result.exit_code == 1 and "logicrm roster import 花名册.xlsx" in result.output


def test_check_rubric_files(course, tmp_path):
    out = rubric("check", "--course", course).output
    assert "abc_presentation：5 个评分项，满分 100" in out and "member_evaluation" in out
    bad = tmp_path / "bad.toml"
    bad.write_text('title = "x"\nsubject = "group"\nraters = ["boss"]\n', encoding="utf-8")
    result = rubric("check", bad, ok=False)  # a file given: no course needed
    assert result.exit_code == 1 and "raters[1]" in result.output


def test_errors_exit_with_code_1_and_name_the_cell(course):
    rubric("sheets", "--course", course)
    path = fill_sheet(sheet_for(sorted((course / "rubric_sheets").glob("*.xlsx")), "teacher"),
                      {"G1": [99, 1, 1, 1, 1]})
    result = rubric("import", path, "--course", course, ok=False)
    assert result.exit_code == 1
    assert "单元格 C5" in result.output and "cell C5" in result.output


def test_runs_as_a_module():
    result = subprocess.run([sys.executable, "-m", "logicrm_edu.rubric", "--help"],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0
    for command in ("sheets", "import", "marks", "grades", "report", "check", "audit"):
        assert command in result.stdout
    assert " roster " not in result.stdout


def test_heavy_libraries_load_only_when_a_command_runs():
    code = ("import sys, logicrm_edu.cli.rubric; "
            "print(sorted(m for m in ('pandas', 'openpyxl', 'sqlalchemy') if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.stdout.strip() == "[]"


def test_a_term_of_several_presentations(rubric_template, tmp_path):
    """A new course as `logicrm init` makes it: every assignment's presentation rubric."""
    course = tmp_path / "fresh"
    invoke("init", course)
    shutil.copy(rubric_template / "rubric.db", course / "rubric.db")  # the same roster
    talks = sorted(p.stem for p in (course / "rubrics").glob("*_presentation.toml"))
    assert "abc_presentation" in talks
    rubric("sheets", "--course", course)
    sheets = sorted((course / "rubric_sheets").glob("*.xlsx"))
    assert len(sheets) == 4 * len(talks) + 11  # teacher + 3 groups per presentation; 11 members
    rubric("report", "--course", course, "--out", tmp_path / "r")
    if len(talks) > 1:
        assert {p.name for p in (tmp_path / "r").iterdir()} == set(talks)
    assert len(list((tmp_path / "r").rglob("*.html"))) == 3 * len(talks)
