"""``logicrm export`` through the command line, on a course made with ``logicrm init`` and
``logicrm roster import`` and a real gradebook: 2301 hands in 2 h late (due 2025-03-14
15:59 UTC, 10% per day started → 10% of 6 = 0.6 off), 2302's hand-graded cell is pending."""
import warnings
from datetime import datetime

import pandas as pd
import pytest
from sqlalchemy.exc import SAWarning

from logicrm_edu.course.nbgrader_app import gradebook

from .conftest import ASSIGNMENT as A, ROSTER, invoke


@pytest.fixture
def course(tmp_path):
    course = tmp_path / "course"
    invoke("init", course)
    (tmp_path / "roster.csv").write_text(ROSTER, encoding="utf-8")
    invoke("roster", "import", tmp_path / "roster.csv", "--course", course)
    with gradebook(course) as gb, warnings.catch_warnings():
        warnings.filterwarnings("ignore", "Object of type", SAWarning)  # see tests/rubric/helpers.py
        gb.update_or_create_assignment(A, duedate=datetime(2025, 3, 14, 15, 59))
        gb.add_notebook(A, A)
        gb.add_grade_cell("step2_hidden", A, A, max_score=4, cell_type="code")
        gb.add_task_cell("step6_strategy", A, A, max_score=6, cell_type="markdown")
        for sid, stamp, auto, manual in (("2301", datetime(2025, 3, 14, 17, 59), 4, 2),
                                         ("2302", datetime(2025, 3, 14, 9, 0), 3, None)):
            gb.add_submission(A, sid, timestamp=stamp)
            hidden = gb.find_grade("step2_hidden", A, A, sid)
            hidden.auto_score, hidden.needs_manual_grade = auto, False
            strategy = gb.find_grade("step6_strategy", A, A, sid)
            strategy.manual_score, strategy.needs_manual_grade = manual, manual is None
        gb.db.commit()
    with open(course / "course.toml", "a", encoding="utf-8") as toml:
        toml.write("\n[late]\npenalty_per_day = 10\n")
    return course


def test_export_says_what_is_provisional_and_late(course, tmp_path):
    out = invoke("export", "--course", course, "--out", tmp_path / "out").output
    assert "grades.xlsx" in out
    assert "1 份作业还有待批改的评分项，得分为暂定" in out and "1 份作业迟交" in out
    wide = pd.read_csv(tmp_path / "out" / "grades.csv", encoding="utf-8-sig", dtype=str).set_index("学号")
    assert wide.at["2301", f"{A} 迟交"] == "是，迟交 2 小时"
    assert (wide.at["2301", f"{A} 迟交扣分"], wide.at["2301", f"{A} 扣分后得分"]) == ("0.6", "5.4")
    assert wide.at["2302", f"{A}:step6_strategy"] == "待批改"
    assert wide.at["2303", f"{A} 状态"] == "未提交"
    for path in (tmp_path / "out").iterdir():
        assert path.stat().st_mode & 0o044 == 0o044, path  # others may read it (umask 022)


def test_english(course, tmp_path):
    out = invoke("export", "--course", course, "--out", tmp_path / "out", "--lang", "en").output
    assert "1 submission(s) were late" in out


def test_a_mistake_in_the_late_policy_is_one_message(course, tmp_path):
    with open(course / "course.toml", "a", encoding="utf-8") as toml:
        toml.write("max_penalty = \"half\"\n")
    result = invoke("export", "--course", course, ok=False)
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert "course.toml" in result.output and "late.max_penalty" in result.output
    assert not (course / "export").exists()


def test_after_a_real_collect_nothing_looks_like_plain_missing(course_copy, tmp_path):
    """A PDF instead of a notebook (2304), a notebook collected late against --deadline but
    not graded yet (2303), nothing at all (2302)."""
    from .conftest import submission_bytes, write_zip

    archive = write_zip(tmp_path / "download.zip", [
        (f"2304_赵六_{A}.pdf", b"%PDF-1.4", datetime(2025, 3, 10, 9, 0)),
        (f"2303_王五_{A}.ipynb", submission_bytes(course_copy, "2303", "correct_reference"),
         datetime(2025, 3, 15, 8, 0))])
    invoke("collect", A, "--from", archive, "--deadline", "2025-03-14 23:59", "--course", course_copy)
    out = invoke("export", "--course", course_copy).output
    assert "1 份作业迟交" in out
    wide = pd.read_csv(course_copy / "export" / "grades.csv", encoding="utf-8-sig",
                       dtype=str).set_index("学号")
    assert wide.at["2304", f"{A} 状态"] == "交了文件，但不是 notebook"
    assert wide.at["2304", f"{A} 备注"] == f"交了文件，但不是 notebook：2304_赵六_{A}.pdf"
    assert wide.at["2303", f"{A} 状态"] == "已收，尚未评分"
    assert wide.at["2303", f"{A} 提交时间"] == "2025-03-15 08:00"  # the zip entry's local time
    # collect keeps its --deadline as the due date: 03-14 23:59 → 03-15 08:00 is 8 h 1 min
    assert wide.at["2303", f"{A} 迟交"] == "是，迟交 8 小时 1 分钟"
    assert wide.at["2302", f"{A} 状态"] == "未提交" and wide.isna().at["2302", f"{A} 备注"]


def test_a_damaged_collect_record_is_named(course, tmp_path):
    record = course / ".logicrm" / "collect" / f"{A}.json"
    record.parent.mkdir(parents=True, exist_ok=True)
    record.write_text('{"file": ', encoding="utf-8")
    result = invoke("export", "--course", course, ok=False)
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert f"{A}.json" in result.output and "收作业记录已损坏" in result.output


@pytest.mark.parametrize("with_roster", [False, True])
def test_export_before_the_first_release(tmp_path, with_roster):
    """Straight after ``init`` (and ``roster import``): an empty gradebook is no traceback,
    the sheet lists the roster (or nobody) with no assignment columns."""
    course = tmp_path / "course"
    invoke("init", course)
    if with_roster:
        (tmp_path / "roster.csv").write_text(ROSTER, encoding="utf-8")
        invoke("roster", "import", tmp_path / "roster.csv", "--course", course)
    result = invoke("export", "--course", course)
    assert "Traceback" not in result.output and "grades.xlsx" in result.output
    wide = pd.read_csv(course / "export" / "grades.csv", encoding="utf-8-sig", dtype=str)
    assert list(wide.columns) == ["学号", "姓名", "班级", "小组"]
    assert sorted(wide["学号"]) == (["2301", "2302", "2303", "2304"] if with_roster else [])
    assert "待批改" not in result.output and "迟交" not in result.output
