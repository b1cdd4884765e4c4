import subprocess

import pytest

from logicrm_edu.classroom.course_access import Unreachable, open_exchange_only
from logicrm_edu.classroom.paths import classroom_paths, make_state_dirs
from logicrm_edu.classroom.users import ensure_student_user, remove_student_user

from .conftest import needs_root, unique_ids

pytestmark = needs_root


def _as(user, *command):
    return subprocess.run(["runuser", "-u", user, "--", *command], capture_output=True, text=True)


@pytest.fixture
def student(open_dir):
    (sid,) = unique_ids(1)
    ensure_student_user(sid, open_dir / "homes")
    yield sid
    remove_student_user(sid)


def test_students_reach_the_exchange_and_nothing_else(open_dir, student):
    course = open_dir / "course"
    (course / "source").mkdir(parents=True)
    (course / "course.toml").write_text("[course]\nseed = 'x'\n")
    (course / "course.toml").chmod(0o644)
    paths = classroom_paths(course)
    make_state_dirs(paths)
    open_exchange_only(paths)
    assert _as(student, "cat", str(course / "course.toml")).returncode != 0
    assert _as(student, "ls", str(course)).returncode != 0
    assert _as(student, "ls", str(course / "source")).returncode != 0
    assert _as(student, "touch", str(course / "exchange" / "x")).returncode == 0
    # what the teacher's tools make later is closed too, whatever their umask
    (course / "grades.csv").write_text("id,score\n")
    (course / "autograded" / "2301").mkdir(parents=True)
    (course / "autograded" / "2301" / "a.ipynb").write_text("{}")
    assert _as(student, "cat", str(course / "grades.csv")).returncode != 0
    assert _as(student, "cat", str(course / "autograded" / "2301" / "a.ipynb")).returncode != 0


def test_a_course_behind_a_closed_folder_is_refused(open_dir):
    closed = open_dir / "private"
    (closed / "course").mkdir(parents=True)
    closed.chmod(0o700)
    with pytest.raises(Unreachable) as caught:
        open_exchange_only(classroom_paths(closed / "course"))
    assert caught.value.folder == closed
