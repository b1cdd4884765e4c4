"""A real hub on 127.0.0.1: two students from the roster, the teacher, the exchange,
isolation between students, a clean stop and a restart that keeps the work."""
import os
import socket
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from logicrm_edu import cli
from logicrm_edu.classroom import classroom_status, start_classroom, stop_classroom
from logicrm_edu.classroom.errors import ClassroomError
from logicrm_edu.classroom.sync import reset_password
from logicrm_edu.course.template import template_dir

from .conftest import needs_root
from .hub_client import HubUser, run_in_kernel

pytestmark = needs_root
ASSIGNMENT = "abc_tiering"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _processes_of(uid: int) -> list[int]:
    found = []
    for proc in Path("/proc").iterdir():
        if proc.name.isdigit():
            try:
                if proc.stat().st_uid == uid and b"Z" not in (proc / "stat").read_bytes().split(b") ")[1][:1]:
                    found.append(int(proc.name))
            except OSError:
                continue
    return found


def _teacher_cli(*args):
    result = CliRunner().invoke(cli.main, [str(a) for a in args])
    assert result.exit_code == 0, result.output
    return result.output


@pytest.fixture
def hub(course):
    course_dir, ids = course
    url = start_classroom(course_dir, port=_free_port(), timeout=180)
    passwords = {name: reset_password(course_dir, name, f"pass{n}word")
                 for n, name in enumerate([*ids, "wanglaoshi"])}
    yield url, course_dir, ids, passwords
    stop_classroom(course_dir)


def test_students_work_apart_through_the_exchange_and_the_hub_stops_clean(hub, open_dir):
    url, course_dir, (a, b), passwords = hub
    assert url.startswith("http://127.0.0.1:")
    assert classroom_status(course_dir).running

    wrong = HubUser(url, a).log_in("not-the-password")
    assert wrong.status_code == 403
    student = HubUser(url, a)
    assert student.log_in(passwords[a]).status_code == 302
    student.start_server()

    # Chinese by default, English still offered; no teacher tools
    locale = student.get("lab/api/settings/@jupyterlab/translation-extension:plugin").json()
    assert locale["schema"]["properties"]["locale"]["default"] == "zh_CN"
    packs = student.get("lab/api/translations").json()["data"]
    assert {"zh_CN", "en"} <= set(packs)
    lab_page = student.get("lab").text
    for plugin in ("formgrader", "create-assignment", "course-list"):
        assert f'"@jupyter/nbgrader:{plugin}"' in lab_page.split('"disabledExtensions"')[1][:300]
    assert student.get("formgrader").status_code == 404

    # the assignment through the exchange: released, fetched, submitted, collected
    _teacher_cli("release", ASSIGNMENT, "--course", course_dir)
    fetched = student.assignments("fetch", ASSIGNMENT)
    assert fetched["success"], fetched
    listing = student.get(f"api/contents/logistics-crm/{ASSIGNMENT}").json()
    names = [entry["name"] for entry in listing["content"]]
    assert f"{ASSIGNMENT}.ipynb" in names and "customers.xlsx" in names
    # per-student data: the exchange holds the notebook only; the fetch adds A's own file
    fetched_data = open_dir / "homes" / a / "logistics-crm" / ASSIGNMENT / "customers.xlsx"
    assert fetched_data.read_bytes() == (
        course_dir / "handout" / a / ASSIGNMENT / "customers.xlsx").read_bytes()
    assert not (course_dir / "exchange" / "logistics-crm" / "outbound" / ASSIGNMENT
                / "customers.xlsx").exists()
    assert student.assignments("submit", ASSIGNMENT)["success"]
    _teacher_cli("collect", ASSIGNMENT, "--course", course_dir)
    assert (course_dir / "submitted" / a / ASSIGNMENT / f"{ASSIGNMENT}.ipynb").is_file()

    # the student's kernel: the library and the Chinese font, but not a classmate's files
    home_b = open_dir / "homes" / b
    subprocess.run(["runuser", "-u", b, "--", "sh", "-c", f"echo 答案 > {home_b}/notes.txt"], check=True)
    printed, error = run_in_kernel(student, "import os, logicrm_edu, logicrm_edu.fonts as f\n"
                                            "print(os.getuid(), f.chinese_font())")
    assert error is None, printed
    uid, font = printed.split(maxsplit=1)
    assert int(uid) == os.stat(open_dir / "homes" / a).st_uid != 0
    assert font.strip() not in ("", "None")
    for target in (home_b / "notes.txt", course_dir / "course.toml", course_dir / "gradebook.db"):
        printed, error = run_in_kernel(student, f"print(open({str(target)!r}).read())")
        assert error == "PermissionError", (target, printed)
    answers = template_dir() / "source" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb"  # world-readable
    assert answers.is_file()
    printed, error = run_in_kernel(student, f"print(open({str(answers)!r}).read())")
    assert error == "FileNotFoundError", printed
    printed, error = run_in_kernel(student, f"open({str(home_b / 'mine.txt')!r}, 'w')")
    assert error == "PermissionError"
    assert student.session.get(url + f"user/{b}/api/contents").status_code in (403, 404)

    # the teacher grades in the course folder
    teacher = HubUser(url, "wanglaoshi")
    assert teacher.log_in(passwords["wanglaoshi"]).status_code == 302
    teacher.start_server()
    assert teacher.get("formgrader").status_code == 200
    assignments = teacher.get("formgrader/api/assignments").json()  # it reads the gradebook
    # formgrader lists every assignment of the course (each source folder); the one
    # released and submitted here has its one submission
    counts = {x["name"]: x["num_submissions"] for x in assignments}
    assert counts[ASSIGNMENT] == 1 and sum(counts.values()) == 1

    # a second start says where the classroom runs
    with pytest.raises(ClassroomError) as caught:
        start_classroom(course_dir, port=_free_port())
    assert caught.value.key == "classroom.already_running" and url in str(caught.value)

    # stop: hub, proxy and both servers gone
    uid_a = os.stat(open_dir / "homes" / a).st_uid
    assert _processes_of(uid_a)
    proxy_pid = int((course_dir / ".classroom" / "hub" / "proxy.pid").read_text())
    assert stop_classroom(course_dir) is True
    assert not classroom_status(course_dir).running
    assert _processes_of(uid_a) == []
    assert not Path(f"/proc/{proxy_pid}").exists() or b"configurable" not in Path(f"/proc/{proxy_pid}/cmdline").read_bytes()
    assert stop_classroom(course_dir) is False

    # a restart keeps the accounts and the work
    url = start_classroom(course_dir, port=_free_port(), timeout=180)
    again = HubUser(url, a)
    assert again.log_in(passwords[a]).status_code == 302
    again.start_server()
    listing = again.get(f"api/contents/logistics-crm/{ASSIGNMENT}").json()
    assert f"{ASSIGNMENT}.ipynb" in [entry["name"] for entry in listing["content"]]


def test_feedback_reaches_the_students_assignments_tab(hub):
    url, course_dir, (a, _), passwords = hub
    student = HubUser(url, a)
    student.log_in(passwords[a])
    student.start_server()
    _teacher_cli("release", ASSIGNMENT, "--course", course_dir)
    student.assignments("fetch", ASSIGNMENT)
    student.assignments("submit", ASSIGNMENT)
    for step in ("collect", "autograde", "feedback"):
        _teacher_cli(step, ASSIGNMENT, "--course", course_dir)
    answer = student.assignments("fetch_feedback", ASSIGNMENT)
    assert answer["success"], answer
    pages = list((Path(course_dir).parent / "homes" / a / "logistics-crm" / ASSIGNMENT / "feedback").glob("*/*.html"))
    assert len(pages) == 1

