"""What an uploaded file is, as a catalogue key (never an exception name)."""
import nbformat

from logicrm_edu.course.upload_kinds import notebook_problem, other_file_detail
from logicrm_edu.messages import CATALOGUE


def test_why_a_notebook_cannot_be_read():
    good = nbformat.writes(nbformat.v4.new_notebook()).encode("utf-8")
    assert notebook_problem(good) == ""
    assert notebook_problem(b"\xef\xbb\xbf" + good) == ""  # saved with a BOM by Notepad
    assert notebook_problem(b"") == notebook_problem(b"  \n") == "collect.why.empty"
    assert notebook_problem("张三".encode("gbk")) == "collect.why.not_utf8"
    assert notebook_problem(b'{"cells": [') == "collect.why.not_json"
    assert notebook_problem(b"<html>exported</html>") == "collect.why.not_json"
    assert notebook_problem(b'{"cells": 3}') == "collect.why.not_notebook_format"
    assert notebook_problem(b"[]") == "collect.why.not_notebook_format"


def test_what_kind_of_other_file():
    assert other_file_detail("2301_张三.py") == "collect.why.script"
    assert other_file_detail("a/abc.HTML") == "collect.why.html"
    assert other_file_detail("报告.docx") == other_file_detail("x.pdf") == "collect.why.document"
    assert other_file_detail("customers.xlsx") == "collect.why.data_only"
    assert other_file_detail("作业.rar") == "collect.why.archive"
    assert other_file_detail("README") == "collect.why.other_file"


def test_every_key_is_in_the_catalogue():
    keys = {other_file_detail(n) for n in ("a.py", "a.html", "a.doc", "a.csv", "a.7z", "a")}
    keys |= {notebook_problem(d) for d in (b"", b"\xff\xfe", b"{", b"[]")}
    assert keys <= CATALOGUE.keys()
