"""`logicrm collect` edge cases: never lose work, report what was not used."""
import io
import json
import zipfile
from datetime import datetime

import nbformat

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


def _zip_bytes(entries) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name, data in entries:
            zf.writestr(zipfile.ZipInfo(name, date_time=(2025, 3, 10, 9, 0, 0)), data)
    return buf.getvalue()


def test_a_students_zipped_folder_is_filed_for_them(course_copy, tmp_path):
    """Used to be: the zip inside the LMS zip was "ignored" and 李四 reported as not handed in."""
    course = course_copy
    notebook = submission_bytes(course, "2302", "correct_reference")
    data = (course / "handout" / "2302" / ASSIGNMENT / "customers.xlsx").read_bytes()
    inner = _zip_bytes([(f"李四/{ASSIGNMENT}.ipynb", notebook), ("李四/customers.xlsx", data)])
    write_zip(tmp_path / "a.zip", [("2302_李四.zip", inner, datetime(2025, 3, 10, 9))])
    out = _collect(course, tmp_path / "a.zip").output
    assert (_submitted(course, "2302") / f"{ASSIGNMENT}.ipynb").read_bytes() == notebook
    assert (_submitted(course, "2302") / "customers.xlsx").read_bytes() == data
    assert "收到 1 份" in out and "已解压的学生压缩包 1 个" in out and "随作业保存的其他文件 1 个" in out
    assert "还有 3 名学生没有交：2301 张三, 2303 王五, 2304 赵六" in out
    assert "数据文件不是发给该学生的" not in out  # his own data


def test_every_file_of_a_mixed_download_is_counted_and_explained(course_copy, tmp_path):
    """Used to be: .docx/.py uploads vanished (0 unmatched, the student 未提交), and the 说明
    column showed NotJSONError / UnicodeDecodeError."""
    course = course_copy
    early, late, older = datetime(2025, 3, 10, 9), datetime(2025, 3, 15, 9), datetime(2025, 3, 9, 9)
    inner = _zip_bytes([(f"李四/{ASSIGNMENT}.ipynb", submission_bytes(course, "2302", "correct_loops")),
                        ("李四/customers.xlsx",
                         (course / "handout" / "2302" / ASSIGNMENT / "customers.xlsx").read_bytes())])
    entries = [
        (f"2301_张三_{ASSIGNMENT}.ipynb", submission_bytes(course, "2301", "correct_reference"), late),
        (f"2301_张三_{ASSIGNMENT}(1).ipynb", submission_bytes(course, "2301", "broken_empty"), older),
        ("2302_李四.zip", inner, early),
        (f"2303_王五_{ASSIGNMENT}.docx", b"PK word document", early),
        (f"2304_赵六_{ASSIGNMENT}.py", b"print('hello')", early),
        (f"2304_赵六_{ASSIGNMENT}.ipynb", "张三".encode("gbk"), early),  # not UTF-8
        (f"2399_钱七_{ASSIGNMENT}.ipynb", submission_bytes(course, "2301", "correct_loops"), early),
        ("作业.zip", b"PK but cut off", early),
        (f"__MACOSX/._2301_张三_{ASSIGNMENT}.ipynb", b"\x00\x05", early),
        (".DS_Store", b"\x00\x01", early),
    ]
    write_zip(tmp_path / "mix.zip", entries)
    out = _collect(course, tmp_path / "mix.zip", "--deadline", "2025-03-14").output
    # 10 entries + 2 in 李四's zip = 12 = 2 + 1 + 3 + 1 + 2 + 1 + 2
    assert ("下载包中共 12 个文件（含学生压缩包里的文件）：收到 2 份（其中迟交 1 份），保留已有的较新作业 0 份，"
            "重复 1 份，未匹配或损坏 3 份，随作业保存的其他文件 1 个，不是 Notebook 的作业文件 2 个，"
            "已解压的学生压缩包 1 个，跳过的系统文件 2 个。") in out
    assert "有 1 名学生已交，但不是 Notebook：2303 王五。" in out
    assert "有 1 名学生已交，但文件损坏：2304 赵六。" in out
    assert "名学生没有交" not in out  # everyone handed in something
    for raw in ("NotJSONError", "UnicodeDecodeError", "BadZipFile", "Error", "Traceback"):
        assert raw not in out
    assert "这是文档（.docx），不是 Notebook" in out and "这是 Python 脚本（.py）" in out
    assert "文件内容不是 Notebook 的文本格式" in out and "压缩包无法打开" in out
    # the .docx is kept, under its name in the download
    [docx] = (course / "lms_unmatched" / ASSIGNMENT).rglob(f"2303_王五_{ASSIGNMENT}.docx")
    assert docx.read_bytes() == b"PK word document"
    record = json.loads((course / ".logicrm" / "collect" / f"{ASSIGNMENT}.json").read_text(encoding="utf-8"))
    assert len(record) == 12
    assert {r["file"]: r["status"] for r in record}[f"2303_王五_{ASSIGNMENT}.docx"] == "not_notebook"
    en = invoke("collect", ASSIGNMENT, "--from", tmp_path / "mix.zip", "--course", course,
                "--no-exchange", "--lang", "en").output
    assert "12 files in the download" in en and "3 newer existing kept" in en
    assert "1 students handed in, but not a notebook: 2303 王五." in en


def test_the_deadline_given_to_collect_becomes_the_due_date(course_copy, tmp_path):
    from logicrm_edu.course.collect import due_date

    course = course_copy
    late = submission_bytes(course, "2301", "correct_reference")
    write_zip(tmp_path / "late.zip", [(f"2301_张三_{ASSIGNMENT}.ipynb", late, datetime(2025, 3, 15, 9))])
    _collect(course, tmp_path / "late.zip", "--deadline", "2025-03-14 23:59")
    assert due_date(course, ASSIGNMENT) == datetime(2025, 3, 14, 23, 59).astimezone()


def test_collect_before_release_says_release_first_and_copies_nothing(tmp_path):
    """``collect`` on a course whose assignment was never released: one message naming
    ``logicrm release``, nothing copied into submitted/ or set aside."""
    from .conftest import ROSTER

    course = tmp_path / "course"
    invoke("init", course)
    (tmp_path / "roster.csv").write_text(ROSTER, encoding="utf-8")
    invoke("roster", "import", tmp_path / "roster.csv", "--course", course)
    archive = write_zip(tmp_path / "download.zip", [
        (f"2301_张三_{ASSIGNMENT}.ipynb", b'{"cells": []}', datetime(2025, 3, 10, 9))])
    for lang, text in (("zh", f"请先运行 logicrm release {ASSIGNMENT}"),
                       ("en", f"run logicrm release {ASSIGNMENT} first")):
        result = invoke("collect", ASSIGNMENT, "--from", archive, "--course", course,
                        "--lang", lang, ok=False)
        assert result.exit_code == 1 and "Traceback" not in result.output
        assert text in result.output and "MissingEntry" not in result.output
    assert not any((course / "submitted").rglob("*")) if (course / "submitted").exists() else True
    assert not (course / "lms_unmatched").exists()
