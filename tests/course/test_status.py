"""course/status.py on a real course (``init_course``) and a real nbgrader gradebook: each
assignment's plan row, every figure counted by hand from the folders and records made here."""
import shutil
import time
import warnings
from datetime import datetime

import pytest
from sqlalchemy.exc import SAWarning

from logicrm_edu.course.nbgrader_app import gradebook
from logicrm_edu.course.status import COLUMNS, course_status
from logicrm_edu.course.template import init_course

A = "abc_tiering"


@pytest.fixture(scope="module")
def template_course(tmp_path_factory):
    return init_course(tmp_path_factory.mktemp("template") / "course")


@pytest.fixture
def shanghai(monkeypatch):
    monkeypatch.setenv("TZ", "Asia/Shanghai")  # due dates are shown in local time
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.fixture
def course(template_course, tmp_path, shanghai):
    """Three students; ABC released (3 handouts), all three collected, 2301 and 2302
    autograded, 2302 waiting for a hand-graded cell, 2301 fed back; customer_retention
    has only a deadline in course.toml."""
    course = shutil.copytree(template_course, tmp_path / "course")
    with gradebook(course) as gb, warnings.catch_warnings():
        warnings.filterwarnings("ignore", "Object of type", SAWarning)  # see tests/rubric/helpers.py
        for sid in ("2301", "2302", "2303"):
            gb.update_or_create_student(sid)
        gb.update_or_create_assignment(A, duedate=datetime(2025, 3, 14, 15, 59))  # UTC
        gb.add_notebook(A, A)
        gb.add_grade_cell("step2_hidden", A, A, max_score=4, cell_type="code")
        gb.add_task_cell("step6_strategy", A, A, max_score=6, cell_type="markdown")
        for sid in ("2301", "2302", "2303"):
            gb.add_submission(A, sid)
            hidden = gb.find_grade("step2_hidden", A, A, sid)  # as the autograder leaves it
            hidden.auto_score, hidden.needs_manual_grade = 4, False
            strategy = gb.find_grade("step6_strategy", A, A, sid)
            strategy.manual_score = None if sid == "2302" else 5
            strategy.needs_manual_grade = sid == "2302"
        gb.db.commit()
    folders = [f"release/{A}"] + [f"{part}/{sid}/{A}" for part, ids in (
        ("handout", "2301 2302 2303"), ("submitted", "2301 2302 2303"),
        ("autograded", "2301 2302"), ("feedback", "2301")) for sid in ids.split()]
    for folder in folders:
        (course / folder).mkdir(parents=True)
    with open(course / "course.toml", "a", encoding="utf-8") as toml:
        toml.write("\n[late.deadlines]\ncustomer_retention = 2025-04-01T08:00:00Z\n")
    return course


def test_a_fresh_course_plans_every_assignment_and_nothing_done(template_course, tmp_path):
    table, students = course_status(shutil.copytree(template_course, tmp_path / "c"))
    assert students == 0 and list(table.columns) == COLUMNS
    assert table["assignment"].tolist() == ["abc_tiering", "customer_retention",
                                            "customer_selection", "satisfaction_churn"]
    assert not table["released"].any() and (table["due"] == "").all()
    assert (table[["handouts", "collected", "graded", "manual", "feedback", "data_flagged"]] == 0).all().all()


def test_each_figure_counted(course):
    table, students = course_status(course)
    assert students == 3
    abc = table.set_index("assignment").loc[A]
    # 15:59 UTC is 23:59 in Shanghai; 2303 was collected but never autograded
    assert abc["due"] == "2025-03-14 23:59" and bool(abc["released"])
    assert [int(abc[c]) for c in ("handouts", "collected", "graded", "manual", "feedback",
                                  "data_flagged")] == [3, 3, 2, 1, 1, 0]
    retention = table.set_index("assignment").loc["customer_retention"]
    assert retention["due"] == "2025-04-01 16:00" and not retention["released"]
