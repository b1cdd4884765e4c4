from pathlib import Path

import pytest

from logicrm_edu.classroom.settings import classroom_settings
from logicrm_edu.errors import DataError


def _course(tmp_path, section: str):
    (tmp_path / "course.toml").write_text(section, encoding="utf-8")
    return tmp_path


def test_defaults_without_a_classroom_section(tmp_path):
    settings = classroom_settings(_course(tmp_path, "[course]\nseed = 'x'\n"))
    assert settings.teachers == ("teacher",) and settings.homes == Path("/home")


def test_teachers_and_homes_from_course_toml(tmp_path):
    settings = classroom_settings(_course(tmp_path, '[classroom]\nteachers = ["wang", "li.2"]\nhomes = "/srv/homes"\n'))
    assert settings.teachers == ("wang", "li.2") and settings.homes == Path("/srv/homes")


@pytest.mark.parametrize("section, key", [
    ('teachers = "wang"', "classroom.teachers_not_list"),
    ("teachers = []", "classroom.teachers_not_list"),
    ('teachers = ["Wang Laoshi"]', "classroom.bad_teacher_name"),
    ('homes = "homes"', "classroom.bad_homes"),
])
def test_mistakes_name_the_file(tmp_path, section, key):
    with pytest.raises(DataError) as caught:
        classroom_settings(_course(tmp_path, f"[classroom]\n{section}\n"))
    assert caught.value.key == key and caught.value.file == "course.toml"
