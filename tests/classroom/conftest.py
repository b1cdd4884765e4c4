"""A course in a folder students' Unix users can reach (pytest's own tmp_path sits in a
0700 folder), with two students whose ids no real user has, removed afterwards."""
import os
import secrets
import shutil
import tempfile
from pathlib import Path

import pytest

needs_root = pytest.mark.skipif(os.geteuid() != 0, reason="makes Unix users: needs root")


def unique_ids(count: int) -> list[str]:
    """学号 no user of this machine has (all digits, like a school's)."""
    stem = "97" + str(secrets.randbelow(10 ** 5)).zfill(5)
    return [f"{stem}{n}" for n in range(1, count + 1)]


@pytest.fixture
def open_dir():
    folder = Path(tempfile.mkdtemp(prefix="logicrm-classroom-", dir="/tmp"))
    folder.chmod(0o711)
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


def write_roster(path: Path, students) -> Path:
    path.write_text("学号,姓名,班级,小组\n" + "".join(f"{sid},{name},物流2301,1\n" for sid, name in students),
                    encoding="utf-8")
    return path


@pytest.fixture
def course(open_dir):
    """A course with two students and the teacher "wanglaoshi"; yields (course, ids)."""
    from logicrm_edu.classroom.users import remove_student_user
    from logicrm_edu.course.roster import import_roster
    from logicrm_edu.course.template import init_course

    course = init_course(open_dir / "course")
    ids = unique_ids(2)
    import_roster(course, write_roster(open_dir / "roster.csv", zip(ids, ["张三", "李四"])))
    with open(course / "course.toml", "a", encoding="utf-8") as toml:
        toml.write(f'\n[classroom]\nteachers = ["wanglaoshi"]\nhomes = "{open_dir / "homes"}"\n')
    yield course, ids
    for sid in ids:
        remove_student_user(sid)
