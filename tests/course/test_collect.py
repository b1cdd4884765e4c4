"""collect_uploads on a small course folder: every file of a download accounted for,
kept inside the course, never written outside it."""
import json
import stat
import warnings
import zipfile
from collections import Counter
from datetime import datetime
from pathlib import Path

import nbformat
import pytest

from logicrm_edu.course.collect import collect_uploads, handed_in_states

from .test_uploads import zip_bytes

ROSTER = [("2301", "张三"), ("2302", "李四"), ("2303", "王五"), ("2304", "赵六"), ("2305", "孙七"),
          ("2306", "周八")]
DEADLINE = datetime(2025, 3, 14, 23, 59).astimezone()
NOW = datetime(2025, 3, 16, 8, 0, 0)
ASIDE = "lms_unmatched/hw/20250316-080000"


def notebook(text: str) -> bytes:
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(text)])
    return nbformat.writes(nb).encode("utf-8")


@pytest.fixture
def course(tmp_path):
    """A course with one released assignment, ``hw`` (hw.ipynb)."""
    root = tmp_path / "course"
    for folder in ("source", "release"):
        (root / folder / "hw").mkdir(parents=True)
        (root / folder / "hw" / "hw.ipynb").write_bytes(notebook("answer = ..."))
    return root


def download(path: Path, entries) -> Path:
    """entries: (name or ZipInfo, bytes, datetime)."""
    with zipfile.ZipFile(path, "w") as zf:
        for name, data, when in entries:
            info = name if isinstance(name, zipfile.ZipInfo) else zipfile.ZipInfo(name)
            info.date_time = when.timetuple()[:6]
            info.flag_bits |= 0x800
            zf.writestr(info, data)
    return path


def collect(course, source, **options):
    return collect_uploads(course, "hw", source, ROSTER, deadline=DEADLINE, now=NOW, **options)


def test_every_file_of_a_mixed_download_is_accounted_for(course, tmp_path):
    early, late, older = datetime(2025, 3, 10, 9), datetime(2025, 3, 15, 9), datetime(2025, 3, 9, 9)
    sun = notebook("sun = 7")
    folder_zip = zip_bytes([("孙七/hw.ipynb", sun), ("孙七/customers.xlsx", b"data")])
    entries = [
        ("2301_张三_hw.ipynb", notebook("zhang = 1"), early),
        ("2301_张三_hw(1).ipynb", notebook("zhang = 0"), older),  # duplicate
        ("2301_张三_hw.html", b"<html>", early),  # beside a notebook: filed with it
        ("2302_李四_hw.ipynb", notebook("li = 2"), late),
        ("2303_王五_hw.docx", b"word", early),  # the only upload: not a notebook
        ("2304_赵六_hw.py", b"print(6)", early),
        ("2305_孙七.zip", folder_zip, early),
        ("2306_周八_hw.ipynb", b'{"cells": [', early),  # damaged
        ("9999_不认识_hw.ipynb", notebook("who = 0"), early),
        ("__MACOSX/._2301_张三_hw.ipynb", b"\x00\x05", early),
        (".DS_Store", b"\x00\x01", early),
    ]
    report = collect(course, download(tmp_path / "lms.zip", entries))
    # 11 entries + the 2 files in 孙七's zip: 13 rows, in the download's order
    assert [o.file for o in report.outcomes][:7] == [e[0] for e in entries[:7]]
    assert len(report.outcomes) == 13
    assert Counter(o.status for o in report.outcomes) == {
        "collected": 3, "duplicate": 1, "attached": 2, "not_notebook": 2, "unpacked": 1,
        "corrupt": 1, "unmatched": 1, "skipped": 2}
    assert [o.file for o in report.late] == ["2302_李四_hw.ipynb"]
    by_file = {o.file: o for o in report.outcomes}
    assert by_file["2305_孙七.zip/孙七/hw.ipynb"].kept == "submitted/2305/hw/hw.ipynb"
    assert by_file["2305_孙七.zip/孙七/customers.xlsx"].kept == "submitted/2305/hw/customers.xlsx"
    assert by_file["2301_张三_hw.html"].kept == "submitted/2301/hw/2301_张三_hw.html"
    assert by_file["2303_王五_hw.docx"].detail == "collect.why.document"
    assert by_file["2303_王五_hw.docx"].detail_text("en").startswith("a document (.docx)")
    assert by_file["2306_周八_hw.ipynb"].detail == "collect.why.not_json"
    assert by_file["2301_张三_hw(1).ipynb"].fields == {"newer": "2301_张三_hw.ipynb"}
    # every file but the computer's own is kept in the course, as it was uploaded
    uploaded = {e[0]: e[1] for e in entries} | {
        "2305_孙七.zip/孙七/hw.ipynb": sun, "2305_孙七.zip/孙七/customers.xlsx": b"data"}
    for outcome in report.outcomes:
        if outcome.status in ("skipped", "unpacked"):
            assert outcome.kept == ""
        else:
            assert (course / outcome.kept).read_bytes() == uploaded[outcome.file], outcome.file
    assert by_file["2303_王五_hw.docx"].kept == f"{ASIDE}/2303_王五_hw.docx"
    assert not any((course / "submitted").glob("230[346]"))
    assert handed_in_states(course, "hw") == {"2303": "collect.state.not_notebook",
                                              "2304": "collect.state.not_notebook",
                                              "2306": "collect.state.damaged"}
    record = json.loads((course / ".logicrm" / "collect" / "hw.json").read_text(encoding="utf-8"))
    assert len(record) == 13 and report.record == course.resolve() / ".logicrm/collect/hw.json"
    assert record[4] == {"file": "2303_王五_hw.docx", "student": "2303", "status": "not_notebook",
                         "detail": "collect.why.document", "kept": f"{ASIDE}/2303_王五_hw.docx",
                         "time": early.astimezone().isoformat(), "late": False,
                         "collected_at": NOW.astimezone().isoformat()}
    assert record[11]["file"].startswith("__MACOSX") and record[11]["kept"] is None


def test_zip_slip_entries_stay_inside_the_course(course, tmp_path):
    link = zipfile.ZipInfo("2301_张三/hw.py")
    link.external_attr = (stat.S_IFLNK | 0o777) << 16
    nested = zip_bytes([("../../../../../nested_escape.ipynb", notebook("n = 1")),
                        ("/tmp/absolute_in_zip.xlsx", b"data")])
    when = datetime(2025, 3, 10, 9)
    source = download(tmp_path / "lms.zip", [
        ("2301_张三/hw.ipynb", notebook("zhang = 1"), when),
        ("2301_张三/../../../../../../escape.xlsx", b"data", when),
        ("../../../x.ipynb", notebook("x = 1"), when),
        ("/tmp/absolute.ipynb", notebook("y = 1"), when),
        ("../../2303_王五_hw.ipynb", notebook("wang = 3"), when),
        (link, b"/etc/passwd", when),
        ("2302_李四.zip", nested, when),
    ])
    report = collect(course, source)
    kept = {o.file: o.kept for o in report.outcomes}
    assert kept == {
        "2301_张三/hw.ipynb": "submitted/2301/hw/hw.ipynb",
        "2301_张三/../../../../../../escape.xlsx": "submitted/2301/hw/escape.xlsx",
        "../../../x.ipynb": f"{ASIDE}/x.ipynb",
        "/tmp/absolute.ipynb": f"{ASIDE}/tmp/absolute.ipynb",
        "../../2303_王五_hw.ipynb": "submitted/2303/hw/hw.ipynb",
        "2301_张三/hw.py": "",  # a link: never read, never written
        "2302_李四.zip": "",
        # 李四's zip: the files in it are his, filed in his folder
        "2302_李四.zip/../../../../../nested_escape.ipynb": "submitted/2302/hw/hw.ipynb",
        "2302_李四.zip//tmp/absolute_in_zip.xlsx": "submitted/2302/hw/absolute_in_zip.xlsx",
    }
    # nothing was written anywhere but the course folder
    outside = {p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*")
               if p.is_file() and course not in p.parents}
    assert outside == {"lms.zip"}
    assert not Path("/tmp/absolute.ipynb").exists() and not Path("/tmp/absolute_in_zip.xlsx").exists()
    assert {o.status for o in report.outcomes if o.file == "2301_张三/hw.py"} == {"skipped"}


def test_a_students_files_of_the_same_name_are_all_kept(course, tmp_path):
    new, old = datetime(2025, 3, 11, 9), datetime(2025, 3, 10, 9)
    source = download(tmp_path / "lms.zip", [
        ("2301_张三_first/customers.xlsx", b"first try", old),
        ("2301_张三/hw.ipynb", notebook("zhang = 1"), new),
        ("2301_张三/customers.xlsx", b"beside the notebook", new),
    ])
    outcomes = {o.file: o for o in collect(course, source).outcomes}
    assert (course / "submitted/2301/hw/customers.xlsx").read_bytes() == b"beside the notebook"
    first = outcomes["2301_张三_first/customers.xlsx"]
    assert (first.status, first.detail, first.fields) == ("duplicate", "collect.why.same_name",
                                                          {"name": "customers.xlsx"})
    assert (course / first.kept).read_bytes() == b"first try"


def test_set_aside_files_never_overwrite_each_other(course, tmp_path):
    when = datetime(2025, 3, 10, 9)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # zipfile warns about the repeated name
        source = download(tmp_path / "lms.zip", [("作业.ipynb", b"one", when),
                                                  ("作业.ipynb", b"two", when)])
    first = collect(course, source)
    again = collect(course, source)  # the same second: the same set-aside folder
    kept = [o.kept for o in first.outcomes + again.outcomes]
    assert kept == [f"{ASIDE}/作业.ipynb", f"{ASIDE}/作业 (2).ipynb", f"{ASIDE}/作业 (3).ipynb",
                    f"{ASIDE}/作业 (4).ipynb"]
    assert [(course / k).read_bytes() for k in kept] == [b"one", b"two", b"one", b"two"]


def test_an_older_upload_and_its_files_do_not_replace_newer_work(course, tmp_path):
    newer = download(tmp_path / "new.zip", [("2301_张三_hw.ipynb", notebook("v = 2"),
                                             datetime(2025, 3, 12, 9))])
    older = download(tmp_path / "old.zip", [("2301_张三/hw.ipynb", notebook("v = 1"), datetime(2025, 3, 11, 9)),
                                            ("2301_张三/notes.py", b"print(1)", datetime(2025, 3, 11, 9))])
    collect(course, newer)
    report = collect(course, older)
    assert [(o.status, o.kept) for o in report.outcomes] == [
        ("kept_existing", f"{ASIDE}/2301_张三/hw.ipynb"), ("kept_existing", f"{ASIDE}/2301_张三/notes.py")]
    assert not (course / "submitted/2301/hw/notes.py").exists()
    assert handed_in_states(course, "hw") == {}  # 张三 has a submission
