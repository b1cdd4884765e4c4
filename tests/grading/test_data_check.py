"""grading.data_check: is the submitted data file the one the student was handed?

A per-student course is generated and released to three students once per module
(tests/grading/generated.py); each test works on a fresh copy and puts real files in
``submitted/``: copies, files re-saved by openpyxl and pandas, edited files, a PDF, a
zip bomb.
"""
import json
import os
import shutil
import subprocess
import sys
import textwrap
import zipfile
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from logicrm_edu.grading.context import GradingContext
from logicrm_edu.grading.data_check import (STATE, DataFileCheck, check_course, check_one,
                                            check_students, content_digest, record, recorded)

from .generated import (ASSIGNMENT, course_assignment, fresh_copy, per_student_course,
                        submitted_dir, textbook_course)

STUDENTS = [("s001", "张三"), ("s002", "李四"), ("s003", "王五")]
IDS = [sid for sid, _ in STUDENTS]
DATA = "customers.xlsx"


@pytest.fixture(scope="module")
def generated(tmp_path_factory) -> Path:
    root = per_student_course(tmp_path_factory.mktemp("data_check") / "course", STUDENTS)
    with course_assignment(root).gradebook() as gb:
        for sid, name in STUDENTS:
            gb.update_or_create_student(sid, first_name=name)
    return root


@pytest.fixture
def course(generated, tmp_path) -> Path:
    return fresh_copy(generated, tmp_path)


def handout(root: Path, student: str) -> Path:
    return root / "handout" / student / ASSIGNMENT / DATA


def submit(root: Path, student: str) -> Path:
    """The path of ``student``'s submitted data file (its folder created)."""
    return submitted_dir(root, student) / DATA


def contexts(root: Path) -> dict[str, GradingContext]:
    course = course_assignment(root)
    with course.gradebook() as gb:
        return GradingContext.for_students(course.coursedir, gb, ASSIGNMENT, IDS)


def check(root: Path, student: str = "s001") -> DataFileCheck:
    return check_students(contexts(root), [student])[student]


# -- the same data -----------------------------------------------------------------------------

def test_the_very_file_is_the_same(course):
    shutil.copy(handout(course, "s001"), submit(course, "s001"))
    assert check(course) == DataFileCheck("same")


def test_the_table_resaved_by_openpyxl_is_the_same(course):
    workbook = openpyxl.load_workbook(handout(course, "s001"))
    workbook.properties.creator = "WPS 表格"
    workbook.save(submit(course, "s001"))
    assert submit(course, "s001").read_bytes() != handout(course, "s001").read_bytes()
    assert check(course) == DataFileCheck("same")


def test_the_table_resaved_by_pandas_is_the_same(course):
    pd.read_excel(handout(course, "s001")).to_excel(submit(course, "s001"), index=False,
                                                    sheet_name="客户")
    assert submit(course, "s001").read_bytes() != handout(course, "s001").read_bytes()
    assert check(course) == DataFileCheck("same")


# -- different data ----------------------------------------------------------------------------

def test_an_edited_value_is_changed(course):
    workbook = openpyxl.load_workbook(handout(course, "s001"))
    sheet = workbook.worksheets[0]
    assert sheet["E1"].value == "营业收入"
    sheet["E2"].value = sheet["E2"].value + 100
    workbook.save(submit(course, "s001"))
    assert check(course) == DataFileCheck("changed")


def test_a_deleted_row_is_changed(course):
    data = pd.read_excel(handout(course, "s001"))
    data.iloc[:-1].to_excel(submit(course, "s001"), index=False)
    assert check(course) == DataFileCheck("changed")


def test_another_students_data_names_them(course):
    shutil.copy(handout(course, "s002"), submit(course, "s001"))
    assert check(course) == DataFileCheck("other_student", other="s002")


def test_another_students_data_resaved_still_names_them(course):
    pd.read_excel(handout(course, "s003")).to_excel(submit(course, "s001"), index=False)
    result = check(course)
    assert result == DataFileCheck("other_student", other="s003")
    assert result.flagged
    assert "s003" in result.text("zh") and "s003" in result.text("en")


def test_a_classmate_who_did_not_submit_is_still_traced(course):
    """s003 handed nothing in; s001's file is s003's data."""
    shutil.copy(handout(course, "s003"), submit(course, "s001"))
    shutil.copy(handout(course, "s002"), submit(course, "s002"))
    checks = check_students(contexts(course), ["s001", "s002"])
    assert checks == {"s001": DataFileCheck("other_student", other="s003"),
                      "s002": DataFileCheck("same")}


def test_textbook_data_in_a_per_student_course_is_changed(course, generated):
    shutil.copy(Path(__file__).parents[2] / "course" / "source" / ASSIGNMENT / DATA,
                submit(course, "s001"))
    assert check(course) == DataFileCheck("changed")


# -- files that are not data -------------------------------------------------------------------

def test_missing_file(course):
    submitted_dir(course, "s001")
    assert check(course) == DataFileCheck("missing")
    assert not check(course).flagged


def test_a_link_is_missing_not_followed(course):
    submit(course, "s001").symlink_to(handout(course, "s001"))
    assert check(course) == DataFileCheck("missing")


def test_a_pdf_named_xlsx_is_unreadable(course):
    submit(course, "s001").write_bytes(
        b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
        b"2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n"
        b"%%EOF\n")
    result = check(course)
    assert result.status == "unreadable" and result.detail
    assert result.flagged
    assert result.detail in result.text("zh") and result.detail in result.text("en")
    assert "\n" not in result.detail and len(result.detail) <= 200


def zip_bomb(path: Path, members: int = 5, mb_each: int = 50) -> None:
    """A small zip that unpacks to ``members × mb_each`` MB, shaped like an xlsx."""
    chunk = bytes(1024 * 1024)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        for m in range(members):
            with archive.open(f"xl/worksheets/sheet{m + 1}.xml", "w") as member:
                for _ in range(mb_each):
                    member.write(chunk)


def test_a_zip_bomb_named_xlsx_is_unreadable_without_unpacking(course):
    zip_bomb(submit(course, "s001"))
    assert submit(course, "s001").stat().st_size < 1024 * 1024
    # 250 MB = 262144000 bytes (+ the small content-types member) → "250 MB unpacked"
    assert check(course) == DataFileCheck("unreadable", detail="250 MB unpacked")


def test_a_broken_zip_is_unreadable(course):
    """An xlsx whose central directory is damaged: zipfile.is_zipfile() still says yes."""
    data = handout(course, "s001").read_bytes().replace(b"PK\x01\x02", b"PK\x01\x09")
    submit(course, "s001").write_bytes(data)
    assert zipfile.is_zipfile(submit(course, "s001"))
    result = check(course)
    assert result.status == "unreadable" and result.detail


def test_a_file_over_the_size_limit_is_not_read(course):
    with open(submit(course, "s001"), "wb") as fh:
        fh.truncate(21 * 1024 * 1024)  # sparse
    assert check(course) == DataFileCheck("unreadable", detail="21 MB")


def test_a_huge_file_is_reported_without_loading_it(course):
    """The size check comes before anything reads the file: a 16 GB upload (sparse here)
    must not be loaded into the grader's memory.  Run in a child process whose address
    space is capped at 4 GB, so reading it fails there instead of exhausting this machine."""
    with open(submit(course, "s001"), "wb") as fh:
        fh.truncate(16 * 1024 * 1024 * 1024)
    script = textwrap.dedent(f"""
        import resource
        from logicrm_edu.grading.context import GradingContext
        from logicrm_edu.grading.data_check import check_one
        from logicrm_edu.autograde.course import CourseAssignment
        course = CourseAssignment.load({str(course)!r}, {ASSIGNMENT!r})
        with course.gradebook() as gb:
            ctx = GradingContext.load(course.coursedir, gb, assignment={ASSIGNMENT!r},
                                      student="s001", notebook={ASSIGNMENT!r})
        limit = 4 * 1024 ** 3
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
        result = check_one(ctx, {{}})
        print(result.status, result.detail)
    """)
    env = {**os.environ, "OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1"}
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          timeout=120, env=env)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "unreadable 16384 MB"


# -- the whole class, and the record -----------------------------------------------------------

def test_check_course_records_every_submission(course):
    shutil.copy(handout(course, "s001"), submit(course, "s001"))
    shutil.copy(handout(course, "s003"), submit(course, "s002"))
    submitted_dir(course, "s004")  # a student not in the gradebook, notebook only
    (submitted_dir(course, "s004") / f"{ASSIGNMENT}.ipynb").write_text("{}", encoding="utf-8")
    expected = {"s001": DataFileCheck("same"),
                "s002": DataFileCheck("other_student", other="s003"),
                "s004": DataFileCheck("missing")}
    assert check_course(course, ASSIGNMENT) == expected
    assert recorded(course, ASSIGNMENT) == expected
    saved = json.loads((course / STATE / f"{ASSIGNMENT}.json").read_text(encoding="utf-8"))
    assert saved["s002"] == {"status": "other_student", "other": "s003", "detail": ""}


def test_check_course_for_some_students_merges_with_the_record(course):
    shutil.copy(handout(course, "s001"), submit(course, "s001"))
    shutil.copy(handout(course, "s002"), submit(course, "s002"))
    check_course(course, ASSIGNMENT)
    submit(course, "s002").write_bytes(b"%PDF-1.4\n%%EOF\n")
    assert list(check_course(course, ASSIGNMENT, ["s002"])) == ["s002"]
    saved = recorded(course, ASSIGNMENT)
    assert saved["s001"] == DataFileCheck("same")
    assert saved["s002"].status == "unreadable"


def test_textbook_course_checks(tmp_path):
    root = textbook_course(tmp_path / "textbook")
    release = root / "release" / ASSIGNMENT / DATA
    shutil.copy(release, submitted_dir(root, "t1") / DATA)
    pd.read_excel(release).to_excel(submitted_dir(root, "t2") / DATA, index=False)
    data = pd.read_excel(release)
    data.loc[data["客户"] == 4, "营业收入"] = 840
    data.to_excel(submitted_dir(root, "t3") / DATA, index=False)
    assert check_course(root, ASSIGNMENT) == {"t1": DataFileCheck("same"),
                                              "t2": DataFileCheck("same"),
                                              "t3": DataFileCheck("changed")}


def test_record_and_recorded_round_trip(tmp_path):
    checks = {"s001": DataFileCheck("same"),
              "s002": DataFileCheck("other_student", other="s003"),
              "s003": DataFileCheck("unreadable", detail="文件损坏 / broken file")}
    record(tmp_path, ASSIGNMENT, checks)
    assert recorded(tmp_path, ASSIGNMENT) == checks
    assert recorded(tmp_path, "other_assignment") == {}
    record(tmp_path, ASSIGNMENT, {"s002": DataFileCheck("changed"),
                                  "s004": DataFileCheck("missing")})
    assert recorded(tmp_path, ASSIGNMENT) == {
        "s001": DataFileCheck("same"), "s002": DataFileCheck("changed"),
        "s003": DataFileCheck("unreadable", detail="文件损坏 / broken file"),
        "s004": DataFileCheck("missing")}
    assert not list((tmp_path / STATE).glob("*.tmp"))


def test_recorded_of_a_damaged_record_is_empty(tmp_path):
    path = tmp_path / STATE / f"{ASSIGNMENT}.json"
    path.parent.mkdir(parents=True)
    path.write_text("{not json", encoding="utf-8")
    assert recorded(tmp_path, ASSIGNMENT) == {}
    record(tmp_path, ASSIGNMENT, {"s001": DataFileCheck("same")})
    assert recorded(tmp_path, ASSIGNMENT) == {"s001": DataFileCheck("same")}


@pytest.mark.parametrize("status, flagged", [("same", False), ("missing", False),
                                             ("changed", True), ("other_student", True),
                                             ("unreadable", True)])
def test_which_checks_are_flagged(status, flagged):
    result = DataFileCheck(status, other="s009", detail="x")
    assert result.flagged is flagged
    assert result.text("zh") and result.text("en") and result.text("zh") != result.text("en")


def test_content_digest_is_about_the_table_not_the_file():
    data = pd.DataFrame({"客户": [4, 1, 2], "营业收入": [740, 590, 140]})
    assert content_digest(data) == content_digest(data.copy().set_index(pd.Index([7, 8, 9])))
    edited = data.copy()
    edited.loc[0, "营业收入"] = 741
    assert content_digest(edited) != content_digest(data)
    assert content_digest(data[["营业收入", "客户"]]) != content_digest(data)


def test_check_one_with_no_known_owners(course):
    shutil.copy(handout(course, "s002"), submit(course, "s001"))
    ctx = contexts(course)["s001"]
    assert check_one(ctx, {}) == DataFileCheck("changed")
