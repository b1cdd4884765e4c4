"""course/release.py on a real course (``init_course``) and real nbgrader: which assignments
there are, whether one is released, and what each student is handed."""
import re
import shutil
import zipfile

import nbformat
import pytest

from logicrm_edu.course.release import (NoSeed, UnknownAssignment, check_assignment, is_released,
                                        release_assignment, source_assignments)
from logicrm_edu.course.template import init_course

A = "abc_tiering"
STUDENTS = [("2301", "张三"), ("2302", "李四")]


@pytest.fixture(scope="module")
def template_course(tmp_path_factory):
    return init_course(tmp_path_factory.mktemp("template") / "course")


@pytest.fixture(scope="module")
def released(template_course, tmp_path_factory):
    course = shutil.copytree(template_course, tmp_path_factory.mktemp("released") / "course")
    return course, release_assignment(course, A, STUDENTS, exchange=False, progress=False)


def test_assignments_are_source_folders_with_a_notebook(template_course, tmp_path):
    assert source_assignments(template_course) == ["abc_tiering", "customer_retention",
                                                   "customer_selection", "satisfaction_churn"]
    (tmp_path / "source" / "notes").mkdir(parents=True)  # no notebook in it: not an assignment
    (tmp_path / "source" / "notes" / "todo.txt").write_text("x", encoding="utf-8")
    assert source_assignments(tmp_path) == [] and source_assignments(tmp_path / "none") == []


def test_an_unknown_assignment_lists_the_known_ones(template_course):
    assert check_assignment(template_course, A) == template_course / "source" / A
    with pytest.raises(UnknownAssignment) as unknown:
        check_assignment(template_course, "abc")
    assert unknown.value.known[0] == A and len(unknown.value.known) == 4


def test_released_only_after_release(template_course, released):
    course, _ = released
    assert not is_released(template_course, A)
    assert not (template_course / "gradebook.db").exists()  # asking made no gradebook
    assert is_released(course, A) and not is_released(course, "customer_retention")


def test_each_student_gets_the_notebook_and_their_own_data(released):
    course, result = released
    assert result.per_student and not result.exchange
    assert [p.relative_to(course).as_posix() for p in result.handouts] == [
        f"handout/2301/{A}", f"handout/2302/{A}"]
    own = [(folder / "customers.xlsx").read_bytes() for folder in result.handouts]
    assert own[0] != own[1]  # per-student data
    # the textbook data file is nobody's: gone from the release
    assert not (course / "release" / A / "customers.xlsx").exists()
    notebook = nbformat.read(result.handouts[0] / f"{A}.ipynb", 4)
    text = "\n".join(cell.source for cell in notebook.cells)
    assert "### BEGIN SOLUTION" not in text and "seed" not in text.lower()


def test_each_handout_zip_holds_the_handout_under_the_assignment(released):
    course, result = released
    assert [p.name for p in result.zips] == [f"2301_张三_{A}.zip", f"2302_李四_{A}.zip"]
    with zipfile.ZipFile(result.zips[1]) as zf:
        assert sorted(zf.namelist()) == [f"{A}/{A}.ipynb", f"{A}/customers.xlsx"]
        assert zf.read(f"{A}/customers.xlsx") == (result.handouts[1] / "customers.xlsx").read_bytes()


def test_per_student_data_needs_the_seed(template_course, tmp_path):
    course = shutil.copytree(template_course, tmp_path / "course")
    toml = course / "course.toml"
    toml.write_text(re.sub(r'(?m)^seed = .*\n', "", toml.read_text(encoding="utf-8")), encoding="utf-8")
    with pytest.raises(NoSeed):
        release_assignment(course, A, STUDENTS, exchange=False, progress=False)
    assert not (course / "release").exists() and not is_released(course, A)


def test_the_progress_bar_speaks_chinese(template_course, tmp_path, capsys):
    # before: "handouts: 100%| 2/2 [..., student/s]"
    course = shutil.copytree(template_course, tmp_path / "course")
    release_assignment(course, A, STUDENTS, exchange=False, progress=True)
    bar = capsys.readouterr().err
    assert "生成每位学生的文件" in bar and "2/2" in bar
    assert "handouts" not in bar and "student/s" not in bar and "s/student" not in bar
