"""The class's skills across assignments, from a real nbgrader gradebook (figures by hand)."""
import os
import sys
import warnings
from pathlib import Path

import nbformat
import pandas as pd
import pytest
from sqlalchemy.exc import SAWarning

from logicrm_edu.course.skills import class_skills, skill_level, step_scores, step_titles

# two assignments; "a" has a manual step 1 (2 points), step 2 in a visible and a hidden cell
# (1 + 1) and step 3 (4); "b" has step 2 only (3 points)
CELLS = {"a": {"step1_why": (2, "markdown"), "step2_test": (1, "code"), "step2_hidden": (1, "code"),
               "step3_test": (4, "code"), "setup": (0, "code")},
         "b": {"step2_test": (3, "code")}}
SCORES = {  # student → assignment → cell → (points, still to be graded by hand)
    "s1": {"a": {"step1_why": (2, False), "step2_test": (1, False), "step2_hidden": (1, False),
                 "step3_test": (4, False)}, "b": {"step2_test": (3, False)}},
    "s2": {"a": {"step1_why": (0, True), "step2_test": (1, False), "step2_hidden": (0, False),
                 "step3_test": (2, False)}, "b": {"step2_test": (0, False)}},
    "s3": {"a": {"step1_why": (1, False), "step2_test": (0, False), "step2_hidden": (0, False),
                 "step3_test": (1, False)}},
}


def heading_notebook(path: Path, headings: list[str]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_markdown_cell(h) for h in headings]
    nbformat.write(nb, path)


@pytest.fixture
def course(tmp_path, monkeypatch):
    from nbgrader.api import Gradebook

    # a new gradebook runs nbgrader's `alembic`, which sits beside the interpreter
    monkeypatch.setenv("PATH", f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}")
    heading_notebook(tmp_path / "source" / "a" / "a.ipynb",
                     ["# 任务", "## 第 1 步　为什么要选择客户（2 分）\n\n说明……",
                      "## 第 2 步 读入并审核名单（2 分）", "### 第 3 步　加权评分并排名"])
    heading_notebook(tmp_path / "source" / "b" / "b.ipynb", ["## 第2步：满意度调查(3分)"])
    with Gradebook(f"sqlite:///{tmp_path / 'gradebook.db'}") as book, warnings.catch_warnings():
        warnings.filterwarnings("ignore", "Object of type", SAWarning)
        for assignment, cells in CELLS.items():
            book.add_assignment(assignment)
            book.add_notebook(assignment, assignment)
            for cell, (points, kind) in cells.items():
                book.add_grade_cell(cell, assignment, assignment, max_score=points, cell_type=kind)
        for student, work in SCORES.items():
            book.add_student(student)
            for assignment, cells in work.items():
                book.add_submission(assignment, student)
                for cell, (points, pending) in cells.items():
                    grade = book.find_grade(cell, assignment, assignment, student)
                    if CELLS[assignment][cell][1] == "markdown":
                        grade.manual_score = None if pending else points
                    else:
                        grade.auto_score = points
                    grade.needs_manual_grade = pending
        book.db.commit()
    return tmp_path


def test_step_titles_from_the_notebooks_headings(course):
    assert step_titles(course / "source" / "a" / "a.ipynb") == {
        "step1": "为什么要选择客户", "step2": "读入并审核名单", "step3": "加权评分并排名"}
    assert step_titles(course / "source" / "b" / "b.ipynb") == {"step2": "满意度调查"}
    assert step_titles(course / "missing.ipynb") == {}


def test_each_students_steps_summed_over_their_cells(course):
    steps = step_scores(course).set_index(["student", "assignment", "step"])
    assert steps.loc[("s1", "a", "step2"), ["score", "max_score"]].tolist() == [2, 2]
    assert steps.loc[("s2", "a", "step2"), ["score", "max_score"]].tolist() == [1, 2]
    assert bool(steps.loc[("s2", "a", "step1"), "pending"]) is True
    assert ("s3", "b", "step2") not in steps.index  # s3 handed nothing in for b
    assert "setup" not in set(steps.reset_index()["step"])


def test_the_class_skills_by_hand(course):
    skills = class_skills(course).set_index(["assignment", "step"])
    assert list(skills.index) == [("a", "step1"), ("a", "step2"), ("a", "step3"), ("b", "step2")]
    # a step 1: s1 2/2 = 100 %, s3 1/2 = 50 % (s2 waits for the teacher) → 75 %, partly
    assert skills.loc[("a", "step1"), ["graded", "pending", "mean_pct", "full_pct", "level"]].tolist() \
        == [2, 1, 75.0, 50.0, "partly"]
    # a step 2: 100 %, 50 %, 0 % → 50 %, weak; a step 3: 100, 50, 25 → 58.33 %, weak
    assert skills.loc[("a", "step2"), "mean_pct"] == 50.0
    assert skills.loc[("a", "step3"), "mean_pct"] == pytest.approx(175 / 3)
    assert skills.loc[("a", "step3"), "level"] == "weak"
    # b step 2: 100 %, 0 % → 50 %; its name from b's own heading
    assert skills.loc[("b", "step2"), ["skill", "points", "full_pct"]].tolist() == ["满意度调查", 3.0, 50.0]


def test_levels_at_their_boundaries():
    assert [skill_level(v) for v in (80.0, 79.99, 60.0, 59.99, float("nan"))] == [
        "mastered", "partly", "partly", "weak", "pending"]


def test_no_gradebook_no_rows(tmp_path):
    assert step_scores(tmp_path).empty and class_skills(tmp_path).empty
    assert isinstance(class_skills(tmp_path), pd.DataFrame)


def test_the_gradebook_is_where_nbgrader_config_puts_it(course):
    # before: DIR/gradebook.db was assumed, so a moved gradebook gave no rows
    moved = course / "grades" / "marks.db"
    moved.parent.mkdir()
    (course / "gradebook.db").rename(moved)
    (course / "nbgrader_config.py").write_text(
        f"c = get_config()\nc.CourseDirectory.db_url = 'sqlite:///{moved}'\n", encoding="utf-8")
    # s1: a steps 1-3 and b step 2; s2 the same; s3: a steps 1-3
    assert len(step_scores(course)) == 11
    assert not (course / "gradebook.db").exists()
