import pandas as pd
import pytest

from logicrm_edu import share_table, synthetic_customers
from logicrm_edu.student_data import (course_settings, find_course, grading_student_data,
                                      student_customers)


def test_each_student_gets_own_reproducible_data():
    a1, a2 = student_customers("seed-x", "S001"), student_customers("seed-x", "S001")
    pd.testing.assert_frame_equal(a1, a2)
    assert not a1["营业收入"].equals(student_customers("seed-x", "S002")["营业收入"])
    assert not a1["营业收入"].equals(student_customers("seed-y", "S001")["营业收入"])
    assert a1.columns.tolist() == ["客户", "客户名称", "行业", "区域", "营业收入"]
    # it is the synthetic generator's data under the documented seed
    raw = synthetic_customers(20, seed="seed-x:S001")
    assert a1["营业收入"].tolist() == raw["营业收入"].tolist()
    assert len(share_table(a1)) == 20


def _course(tmp_path, text='[course]\nseed = "s3cret"\ncustomers = 12\n'):
    (tmp_path / "nbgrader_config.py").write_text("c = get_config()\n")
    (tmp_path / "course.toml").write_text(text, encoding="utf-8")
    return tmp_path


def test_grader_regenerates_the_student_data_from_the_autograded_folder(tmp_path):
    course = _course(tmp_path)
    folder = course / "autograded" / "S007" / "abc_tiering"
    folder.mkdir(parents=True)
    assert find_course(folder) == course
    assert course_settings(course) == {"seed": "s3cret", "customers": 12}
    pd.testing.assert_frame_equal(grading_student_data(folder), student_customers("s3cret", "S007", 12))


def test_no_course_or_no_seed_is_an_error(tmp_path):
    with pytest.raises(LookupError, match="no course"):
        grading_student_data(tmp_path)
    course = _course(tmp_path, "[course]\ncustomers = 5\n")
    (course / "autograded" / "S1" / "a").mkdir(parents=True)
    with pytest.raises(LookupError, match="seed"):
        grading_student_data(course / "autograded" / "S1" / "a")
