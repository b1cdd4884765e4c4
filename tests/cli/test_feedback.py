"""``logicrm feedback`` when one student's page cannot be made: the others get theirs, and
the reason is a sentence in the teacher's language first (the technical detail after it,
for whoever helps them), not a bare exception name."""
import shutil

from .conftest import ASSIGNMENT, invoke


def test_a_damaged_notebook_is_named_in_plain_words(graded, tmp_path):
    course = tmp_path / "course"
    shutil.copytree(graded[0], course)
    (course / "autograded" / "2302" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb").write_text(
        '{"cells": [', encoding="utf-8")
    for lang, words in (("zh", "2302 李四，原因：autograded 文件夹中这名学生的 notebook 无法读取"),
                        ("en", "2302 李四: this student's notebook in the autograded folder cannot be read")):
        result = invoke("feedback", ASSIGNMENT, "--no-exchange", "--course", course, "--lang", lang)
        assert words in result.output, result.output
        assert "原因：NotJSONError" not in result.output and "Traceback" not in result.output
    assert (course / "feedback" / "2301" / ASSIGNMENT / f"{ASSIGNMENT}.html").is_file()
