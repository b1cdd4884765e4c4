"""grading.context: what the grader trusts about a submission, on real generated courses.

Two courses are generated once per module: the repository's course (textbook data) and
the same with per-student data released to two students.  Expected data come from the
textbook figures (tests/textbook.py) or from the course seed.
"""
import os
import shutil
from pathlib import Path

import nbformat
import openpyxl
import pandas as pd
import pytest

from logicrm_edu.assignments import AbcTiering
from logicrm_edu.checks import Scheme
from logicrm_edu.course.template import teacher_settings
from logicrm_edu.grading.context import (EXTRA_BYTES, EXTRA_FILES, REGENERATED,
                                         GradingContext, TeacherSetupError, settings_source,
                                         task_from_source)
from logicrm_edu.student_data import student_customers
from textbook import REVENUE

from .generated import (ASSIGNMENT, CUSTOMERS, NOTEBOOK, ROOT, SEED, course_assignment,
                        fresh_copy, per_student_course, submitted_dir, textbook_course)

STUDENTS = [("s001", "张三"), ("s002", "李四")]
SOURCE_SETTINGS = ROOT / "course" / "source" / ASSIGNMENT / f"{NOTEBOOK}.ipynb"


@pytest.fixture(scope="module")
def textbook(tmp_path_factory) -> Path:
    return textbook_course(tmp_path_factory.mktemp("textbook") / "course")


@pytest.fixture(scope="module")
def per_student(tmp_path_factory) -> Path:
    return per_student_course(tmp_path_factory.mktemp("per_student") / "course", STUDENTS)


def context(root: Path, student: str) -> GradingContext:
    course = course_assignment(root)
    with course.gradebook() as gb:
        return GradingContext.load(course.coursedir, gb, assignment=ASSIGNMENT, student=student,
                                   notebook=NOTEBOOK)


def revenue(data: pd.DataFrame) -> dict:
    return dict(zip(data["客户"], data["营业收入"]))


def read_xlsx(data: bytes, tmp_path: Path) -> pd.DataFrame:
    path = tmp_path / "read_back.xlsx"
    path.write_bytes(data)
    return pd.read_excel(path)


# -- the task, from the teacher's settings -----------------------------------------------------

SETTINGS = ('DATA_FILE = "customers.xlsx"\nDATASET = "changhai"\n'
            'SCHEME = dict(cuts=(70, 90), ties="order")\n'
            'task = AbcTiering(data_file=DATA_FILE, scheme=SCHEME, dataset=DATASET)\n')


def test_task_from_source():
    task = task_from_source(SETTINGS)
    assert isinstance(task, AbcTiering)
    assert task.data_file == Path("customers.xlsx")
    assert task.scheme == Scheme(cuts=(70, 90), ties="order")
    assert task.per_student is False


@pytest.mark.parametrize("source, says", [
    ("DATASET = 'changhai\n", "line 1"),                                 # syntax error
    ("kw = {}\ntask = AbcTiering(**kw)\n", "**"),                         # ** arguments
    ("task = AbcTiering(dataset=DATASET)\n", "DATASET"),                 # unknown setting
    ("DATASET = 'changhai'\n", "None"),                                  # no task line
    ("task = Otter(dataset='changhai')\n", "Otter"),                     # unknown class
    ("task = Task()\n", "Task"),                                         # the base class
    ("task = AbcTiering(colour='red')\n", "colour"),                     # unknown argument
    ("task = AbcTiering(scheme=dict(shape='round'))\n", "shape"),        # unknown scheme key
    ("task = AbcTiering(scheme=dict(cuts=(95, 80)))\n", ""),             # cuts the wrong way
    ("task = AbcTiering(scheme=dict(by='colour'))\n", ""),               # unknown rule
    ("task = AbcTiering(scheme='80/95')\n", ""),                         # not a dict
    ("task = AbcTiering(scheme=[80, 95])\n", ""),                        # not a dict
    ("task = AbcTiering(scheme={[80, 95]: 'cuts'})\n", "scheme"),        # cannot be built
])
def test_task_from_source_errors_are_teacher_setup_errors(source, says):
    with pytest.raises(TeacherSetupError) as raised:
        task_from_source(source)
    assert str(raised.value).startswith("teacher_settings: ")
    assert says in str(raised.value)


def test_settings_source_is_the_gradebooks(textbook):
    with course_assignment(textbook).gradebook() as gb:
        source = settings_source(gb, NOTEBOOK, ASSIGNMENT)
        with pytest.raises(TeacherSetupError, match="teacher_settings"):
            settings_source(gb, "no_such_notebook", ASSIGNMENT)
    expected = "".join(c.source for c in nbformat.read(SOURCE_SETTINGS, 4).cells
                       if c.metadata.get("nbgrader", {}).get("grade_id") == "teacher_settings")
    assert source == expected


# -- loading a context -------------------------------------------------------------------------

def test_load_textbook_context(textbook):
    ctx = context(textbook, "s001")
    assert ctx.course_root == textbook
    assert (ctx.assignment, ctx.student) == (ASSIGNMENT, "s001")
    assert ctx.release_dir == textbook / "release" / ASSIGNMENT
    assert ctx.submitted_dir == textbook / "submitted" / "s001" / ASSIGNMENT
    assert isinstance(ctx.task, AbcTiering) and not ctx.task.per_student
    assert ctx.task.scheme == Scheme(cuts=(80, 95), by="cumulative", boundary="le", ties="same")
    assert ctx.course == {}  # no course.toml
    assert "feedback" in ctx.ignore


def test_load_per_student_context(per_student):
    ctx = context(per_student, "s002")
    assert ctx.task.per_student
    assert ctx.course == {"seed": SEED, "customers": CUSTOMERS}


def test_the_task_comes_from_the_gradebook_not_the_students_copy(tmp_path, per_student):
    root = fresh_copy(per_student, tmp_path)
    folder = submitted_dir(root, "s001")
    notebook = (root / "release" / ASSIGNMENT / f"{NOTEBOOK}.ipynb").read_text(encoding="utf-8")
    (folder / f"{NOTEBOOK}.ipynb").write_text(
        notebook.replace('DATASET = \\"per-student\\"', 'DATASET = \\"changhai\\"'),
        encoding="utf-8")
    source = root / "source" / ASSIGNMENT / f"{NOTEBOOK}.ipynb"
    source.write_text(source.read_text(encoding="utf-8").replace(
        'DATASET = \\"per-student\\"', 'DATASET = \\"changhai\\"'), encoding="utf-8")
    assert teacher_settings(source)["DATASET"] == "changhai"
    assert teacher_settings(folder / f"{NOTEBOOK}.ipynb")["DATASET"] == "changhai"
    assert context(root, "s001").task.per_student  # as recorded at generate_assignment


def test_for_students(per_student):
    course = course_assignment(per_student)
    with course.gradebook() as gb:
        contexts = GradingContext.for_students(course.coursedir, gb, ASSIGNMENT,
                                               ["s001", "s002", "s003"])
    assert sorted(contexts) == ["s001", "s002", "s003"]
    for student, ctx in contexts.items():
        assert ctx.student == student
        assert ctx.submitted_dir == per_student / "submitted" / student / ASSIGNMENT
        assert ctx.task.per_student


# -- the handed files --------------------------------------------------------------------------

def test_textbook_data_is_handed_from_the_release(textbook):
    ctx = context(textbook, "s001")
    assert ctx.handed_dir() == textbook / "release" / ASSIGNMENT
    files = ctx.handed_files()
    assert list(files) == ["customers.xlsx"]  # the release notebook is not a handed file
    assert files["customers.xlsx"] == (textbook / "release" / ASSIGNMENT
                                       / "customers.xlsx").read_bytes()
    assert revenue(ctx.sources().handed()) == REVENUE
    assert revenue(ctx.sources().teacher()) == REVENUE


def test_per_student_data_is_handed_from_the_handout(per_student, tmp_path):
    ctx = context(per_student, "s001")
    handout = per_student / "handout" / "s001" / ASSIGNMENT
    assert ctx.handed_dir() == handout
    files = ctx.handed_files()
    assert sorted(files) == ["customers.xlsx"]
    expected = student_customers(SEED, "s001", CUSTOMERS)
    pd.testing.assert_frame_equal(read_xlsx(files["customers.xlsx"], tmp_path), expected)
    assert list(ctx.sources().handed()["营业收入"]) == list(expected["营业收入"])
    assert ctx.sources().teacher().equals(expected)
    assert not (per_student / "release" / ASSIGNMENT / "customers.xlsx").exists()


def test_a_handout_wins_even_for_textbook_data(textbook, tmp_path):
    root = fresh_copy(textbook, tmp_path)
    handout = root / "handout" / "s001" / ASSIGNMENT
    handout.mkdir(parents=True)
    edited = pd.DataFrame({"客户": list(REVENUE), "营业收入": [v * 2 for v in REVENUE.values()]})
    edited.to_excel(handout / "customers.xlsx", index=False)
    ctx = context(root, "s001")
    assert ctx.handed_dir() == handout
    assert revenue(ctx.sources().handed()) == {k: 2 * v for k, v in REVENUE.items()}
    assert revenue(ctx.sources().teacher()) == REVENUE
    assert context(root, "s002").handed_dir() == root / "release" / ASSIGNMENT


def test_per_student_data_is_regenerated_when_the_handout_is_gone(per_student, tmp_path):
    root = fresh_copy(per_student, tmp_path)
    shutil.rmtree(root / "handout")
    ctx = context(root, "s002")
    folder = ctx.handed_dir()
    assert folder == root / REGENERATED / ASSIGNMENT / "s002"
    expected = student_customers(SEED, "s002", CUSTOMERS)
    workbook = openpyxl.load_workbook(folder / "customers.xlsx", read_only=True)
    rows = list(workbook.worksheets[0].iter_rows(values_only=True))
    assert rows[0] == ("客户", "客户名称", "行业", "区域", "营业收入")
    assert rows[1:] == list(expected.itertuples(index=False, name=None))
    original = (per_student / "handout" / "s002" / ASSIGNMENT / "customers.xlsx")
    pd.testing.assert_frame_equal(pd.read_excel(folder / "customers.xlsx"),
                                  pd.read_excel(original))


def test_a_student_without_a_handout_gets_their_own_data(per_student, tmp_path):
    """A student added after the release: no handout, data from the seed."""
    ctx = context(per_student, "s009")
    data = ctx.sources().handed()
    expected = student_customers(SEED, "s009", CUSTOMERS)
    assert list(data["营业收入"]) == list(expected["营业收入"])
    assert not data["营业收入"].equals(context(per_student, "s001").sources().handed()["营业收入"])


def test_per_student_data_without_a_seed(per_student, tmp_path):
    root = fresh_copy(per_student, tmp_path)
    (root / "course.toml").write_text("[course]\ncustomers = 12\n", encoding="utf-8")
    ctx = context(root, "s009")  # no handout
    with pytest.raises(TeacherSetupError, match="seed"):
        ctx.handed_dir()
    assert context(root, "s001").handed_dir() == root / "handout" / "s001" / ASSIGNMENT


# -- the working copy --------------------------------------------------------------------------

def test_working_copy_of_a_notebook_only_submission(textbook):
    ctx = context(textbook, "nobody")  # no submitted folder at all
    release = textbook / "release" / ASSIGNMENT
    assert ctx.working_copy() == {"customers.xlsx": (release / "customers.xlsx").read_bytes()}


def test_handed_file_wins_over_the_submitted_one(per_student, tmp_path):
    root = fresh_copy(per_student, tmp_path)
    folder = submitted_dir(root, "s001")
    shutil.copy(root / "handout" / "s002" / ASSIGNMENT / "customers.xlsx",
                folder / "customers.xlsx")  # a classmate's file
    handed = (root / "handout" / "s001" / ASSIGNMENT / "customers.xlsx").read_bytes()
    assert context(root, "s001").working_copy() == {"customers.xlsx": handed}


def test_working_copy_keeps_the_students_extra_files(textbook, tmp_path):
    root = fresh_copy(textbook, tmp_path)
    folder = submitted_dir(root, "s001")
    (folder / f"{NOTEBOOK}.ipynb").write_text("{}", encoding="utf-8")
    (folder / "helper.py").write_text("def f():\n    return 1\n", encoding="utf-8")
    (folder / "notes").mkdir()
    (folder / "notes" / "我的笔记.txt").write_text("ABC", encoding="utf-8")
    (folder / "customers.xlsx").write_bytes(b"edited")
    copy = context(root, "s001").working_copy()
    assert copy == {
        "customers.xlsx": (root / "release" / ASSIGNMENT / "customers.xlsx").read_bytes(),
        "helper.py": b"def f():\n    return 1\n",
        os.path.join("notes", "我的笔记.txt"): "ABC".encode("utf-8"),
    }


def test_working_copy_leaves_out_links_notebooks_and_hidden_files(textbook, tmp_path):
    root = fresh_copy(textbook, tmp_path)
    folder = submitted_dir(root, "s001")
    (folder / "kept.txt").write_text("kept", encoding="utf-8")
    (folder / "other.ipynb").write_text("{}", encoding="utf-8")
    (folder / "timestamp.txt").write_text("2026-11-30 10:00:00", encoding="utf-8")
    (folder / "submission_secret.txt").write_text("secret", encoding="utf-8")
    (folder / ".env").write_text("TOKEN=1", encoding="utf-8")
    (folder / ".ipynb_checkpoints").mkdir()
    (folder / ".ipynb_checkpoints" / "a.txt").write_text("old", encoding="utf-8")
    (folder / "__pycache__").mkdir()
    (folder / "__pycache__" / "helper.cpython-311.pyc").write_bytes(b"\0")
    (folder / "helper.pyc").write_bytes(b"\0")
    (folder / "feedback").mkdir()  # the course's ignore patterns apply too
    (folder / "feedback" / "old.html").write_text("<html>", encoding="utf-8")
    (folder / "gradebook_link.db").symlink_to(root / "gradebook.db")
    (folder / "source_link").symlink_to(root / "source", target_is_directory=True)
    (folder / "dangling").symlink_to(root / "no-such-file")
    os.mkfifo(folder / "pipe")  # reading it would block forever
    copy = context(root, "s001").working_copy()
    assert sorted(copy) == ["customers.xlsx", "kept.txt"]


def test_working_copy_stops_at_the_file_count(textbook, tmp_path):
    root = fresh_copy(textbook, tmp_path)
    folder = submitted_dir(root, "s001")
    for i in range(EXTRA_FILES + 10):
        (folder / f"f{i:03d}.txt").write_text(str(i), encoding="utf-8")
    copy = context(root, "s001").working_copy()
    extra = sorted(k for k in copy if k != "customers.xlsx")
    assert EXTRA_FILES == 50
    assert extra == [f"f{i:03d}.txt" for i in range(50)]


def test_working_copy_stops_at_the_size_limit(textbook, tmp_path):
    root = fresh_copy(textbook, tmp_path)
    folder = submitted_dir(root, "s001")
    assert EXTRA_BYTES == 5 * 1024 * 1024
    two_mb = 2 * 1024 * 1024
    for name in ("a.bin", "b.bin", "c.bin"):
        (folder / name).write_bytes(b"\1" * two_mb)
    copy = context(root, "s001").working_copy()
    assert sorted(copy) == ["a.bin", "b.bin", "customers.xlsx"]  # 4 MB; 6 MB would be over
    assert sum(len(v) for k, v in copy.items() if k != "customers.xlsx") == 2 * two_mb


def test_a_submitted_copy_of_a_handed_file_does_not_use_up_the_limit(textbook, tmp_path):
    """The submitted customers.xlsx is replaced by the handed one anyway: it is not one of
    the student's extra files, so a big one must not push the student's helper module out."""
    root = fresh_copy(textbook, tmp_path)
    folder = submitted_dir(root, "s001")
    (folder / "customers.xlsx").write_bytes(b"\1" * (EXTRA_BYTES + 1024))
    (folder / "helper.py").write_text("RATE = 0.8\n", encoding="utf-8")
    copy = context(root, "s001").working_copy()
    assert copy["customers.xlsx"] == (root / "release" / ASSIGNMENT / "customers.xlsx").read_bytes()
    assert copy.get("helper.py") == b"RATE = 0.8\n"


def test_working_copy_never_reads_a_file_over_the_limit(textbook, tmp_path):
    root = fresh_copy(textbook, tmp_path)
    folder = submitted_dir(root, "s001")
    with open(folder / "huge.bin", "wb") as fh:
        fh.truncate(16 * 1024 * 1024 * 1024)  # 16 GB, sparse: reading it would not end well
    (folder / "small.txt").write_text("x", encoding="utf-8")
    copy = context(root, "s001").working_copy()
    assert "huge.bin" not in copy


# -- the data the checks judge against ---------------------------------------------------------

def test_grader_sources_per_student_teacher_data_is_available_on_the_grader(per_student):
    sources = context(per_student, "s002").sources()
    expected = student_customers(SEED, "s002", CUSTOMERS)
    assert sources.teacher().equals(expected)
    assert sources.teacher() is sources.teacher()  # made once


def test_grader_sources_read_the_handed_file_not_the_submitted_one(textbook, tmp_path):
    root = fresh_copy(textbook, tmp_path)
    folder = submitted_dir(root, "s001")
    pd.DataFrame({"客户": [1, 2], "营业收入": [1, 1]}).to_excel(folder / "customers.xlsx",
                                                            index=False)
    assert revenue(context(root, "s001").sources().handed()) == REVENUE
