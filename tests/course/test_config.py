import pytest

from logicrm_edu.course.config import course_section, read_course_file
from logicrm_edu.errors import DataError


def test_sections_of_course_toml(tmp_path):
    assert read_course_file(tmp_path) == {} and course_section(tmp_path, "course") == {}
    (tmp_path / "course.toml").write_text('[course]\nseed = "s3cret"\ncustomers = 12\n',
                                          encoding="utf-8")
    assert course_section(tmp_path, "course") == {"seed": "s3cret", "customers": 12}
    assert course_section(tmp_path, "grades") == {}


def test_a_typing_mistake_names_the_line(tmp_path):
    (tmp_path / "course.toml").write_text('[course]\nseed = "s3cret"\ncustomers = twelve\n',
                                          encoding="utf-8")
    with pytest.raises(DataError) as caught:
        read_course_file(tmp_path)
    assert caught.value.key == "course.file.syntax" and caught.value.row == 3
    assert "course.toml" in str(caught.value) and "第 3 行" in str(caught.value)


def test_a_file_saved_as_gbk_is_named(tmp_path):
    (tmp_path / "course.toml").write_bytes('# 课程设置\n[course]\nseed = "种子"\n'.encode("gbk"))
    with pytest.raises(DataError) as caught:
        read_course_file(tmp_path)
    assert caught.value.key == "course.file.encoding"


def test_a_setting_where_a_section_belongs(tmp_path):
    (tmp_path / "course.toml").write_text('grades = 5\n', encoding="utf-8")
    with pytest.raises(DataError) as caught:
        course_section(tmp_path, "grades")
    assert caught.value.key == "course.file.not_table"
