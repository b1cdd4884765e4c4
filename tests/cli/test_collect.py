"""`logicrm collect` edge cases: never lose work, report what was not used."""
from datetime import datetime

import nbformat

from logicrm_edu.collect import RosterMatcher

from .conftest import ASSIGNMENT, invoke, submission_bytes, write_zip


def _collect(course, source, *extra):
    return invoke("collect", ASSIGNMENT, "--from", source, "--course", course, *extra)


def _submitted(course, sid):
    return course / "submitted" / sid / ASSIGNMENT


def test_recollect_never_replaces_newer_work(course_copy, tmp_path):
    course = course_copy
    new = submission_bytes(course, "2301", "correct_reference")
    old = submission_bytes(course, "2301", "broken_empty")
    write_zip(tmp_path / "new.zip", [(f"2301_张三_{ASSIGNMENT}.ipynb", new, datetime(2025, 3, 10, 9))])
    write_zip(tmp_path / "old.zip", [(f"2301_张三_{ASSIGNMENT}.ipynb", old, datetime(2025, 3, 9, 9))])
    _collect(course, tmp_path / "new.zip")
    stamp = (_submitted(course, "2301") / "timestamp.txt").read_text(encoding="utf-8")
    out = _collect(course, tmp_path / "old.zip").output
    assert "保留已有的较新作业" in out
    assert (_submitted(course, "2301") / f"{ASSIGNMENT}.ipynb").read_bytes() == new
    assert (_submitted(course, "2301") / "timestamp.txt").read_text(encoding="utf-8") == stamp
    # the same file again: unchanged as well
    assert "保留已有的较新作业 1 份" in _collect(course, tmp_path / "new.zip").output


def test_newer_upload_replaces_and_keeps_the_old_one_aside(course_copy, tmp_path):
    course = course_copy
    first = submission_bytes(course, "2302", "broken_not_done")
    second = submission_bytes(course, "2302", "correct_reference")
    write_zip(tmp_path / "a.zip", [(f"李四_{ASSIGNMENT}.ipynb", first, datetime(2025, 3, 9, 9))])
    write_zip(tmp_path / "b.zip", [(f"2302-{ASSIGNMENT}.ipynb", second, datetime(2025, 3, 10, 9))])
    _collect(course, tmp_path / "a.zip")
    out = _collect(course, tmp_path / "b.zip", "--lang", "en").output
    assert "1 collected" in out
    assert (_submitted(course, "2302") / f"{ASSIGNMENT}.ipynb").read_bytes() == second
    [kept] = (course / "submitted_replaced" / "2302" / ASSIGNMENT).glob(f"*/{ASSIGNMENT}/{ASSIGNMENT}.ipynb")
    assert kept.read_bytes() == first


def test_corrupt_notebook_is_reported_and_existing_work_stays(course_copy, tmp_path):
    course = course_copy
    good = submission_bytes(course, "2303", "correct_reference")
    write_zip(tmp_path / "a.zip", [(f"2303_王五_{ASSIGNMENT}.ipynb", good, datetime(2025, 3, 9, 9))])
    _collect(course, tmp_path / "a.zip")
    write_zip(tmp_path / "b.zip", [(f"2303_王五_{ASSIGNMENT}.ipynb", b"\x00not json",
                                    datetime(2025, 3, 12, 9))])
    result = _collect(course, tmp_path / "b.zip")
    assert result.exit_code == 0 and "文件损坏" in result.output
    assert (_submitted(course, "2303") / f"{ASSIGNMENT}.ipynb").read_bytes() == good
    [aside] = (course / "lms_unmatched" / ASSIGNMENT).rglob(f"2303_王五_{ASSIGNMENT}.ipynb")
    assert aside.read_bytes() == b"\x00not json"


def test_unknown_students_and_a_folder_source(course_copy, tmp_path):
    course = course_copy
    folder = tmp_path / "download"
    (folder / "2304_赵六").mkdir(parents=True)
    (folder / "2304_赵六" / f"{ASSIGNMENT}.ipynb").write_bytes(
        submission_bytes(course, "2304", "correct_loops"))
    (folder / "2304_赵六" / "customers.xlsx").write_bytes(b"the student's own copy")
    (folder / f"9999_不认识_{ASSIGNMENT}.ipynb").write_bytes(
        submission_bytes(course, "2304", "correct_loops"))
    out = _collect(course, folder).output
    assert "9999_不认识" in out and "未匹配" in out
    assert not (course / "submitted" / "9999").exists()
    assert (_submitted(course, "2304") / "customers.xlsx").read_bytes() == b"the student's own copy"
    nbformat.read(_submitted(course, "2304") / f"{ASSIGNMENT}.ipynb", 4)


def test_late_by_deadline_and_bad_inputs(course_copy, tmp_path):
    course = course_copy
    write_zip(tmp_path / "a.zip", [(f"2301_{ASSIGNMENT}.ipynb",
                                    submission_bytes(course, "2301", "correct_reference"),
                                    datetime(2025, 3, 15, 1, 0))])
    out = _collect(course, tmp_path / "a.zip", "--deadline", "2025-03-14").output
    assert "迟交 1 份" in out and "已收，迟交" in out
    (tmp_path / "broken.zip").write_bytes(b"PK not really")
    result = invoke("collect", ASSIGNMENT, "--from", tmp_path / "broken.zip", "--course", course, ok=False)
    assert result.exit_code == 1 and "zip" in result.output
    result = invoke("collect", ASSIGNMENT, "--from", tmp_path / "a.zip", "--deadline", "next friday",
                    "--course", course, ok=False)
    assert result.exit_code == 1 and "2025-03-14 23:59" in result.output


def test_matcher_rules():
    m = RosterMatcher([("2301", "张三"), ("2302", "李四"), ("2303", "张三丰"), ("2304", "王五"),
                       ("2305", "王五")])
    assert m.match("20250314/2301_张三_abc_tiering.ipynb") == ("2301", "")
    assert m.match("张三丰的作业.ipynb") == ("2303", "")  # the longest name wins
    assert m.match("李四/abc_tiering.ipynb") == ("2302", "")
    assert m.match("2301_李四.ipynb") == (None, "conflict")
    assert m.match("王五.ipynb") == (None, "ambiguous")  # two students called 王五
    assert m.match("2305_王五.ipynb") == ("2305", "")
    assert m.match("abc_tiering.ipynb") == (None, "nobody")
