"""The classroom in a real browser (chromium on 127.0.0.1): two students fetch, run and
submit the ABC assignment from JupyterLab's Assignments tab; the teacher collects,
autogrades, grades steps 1 and 6 in formgrader and releases feedback, which each
student fetches; a student cannot open a classmate's notebook; the student's
JupyterLab is Chinese and shows none of nbgrader's teacher tools.

The course is made as a teacher makes it (``logicrm init``, ``roster import``,
``release``), and students log in with the initial passwords of the handout xlsx.
Screenshots of every step are in ``tests/artifacts/classroom/<test>/``.
"""
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path
from types import SimpleNamespace

import nbformat
import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from logicrm_edu import cli
from logicrm_edu.classroom import start_classroom, stop_classroom
from logicrm_edu.classroom.users import remove_student_user
from logicrm_edu.course.nbgrader_app import gradebook
from logicrm_edu.submissions import build_submission, load_specs, resolved

from .browser import Lab, Screenshots, launch_chromium, score_text
from .conftest import needs_root, unique_ids, write_roster

pytestmark = needs_root
ROOT = Path(__file__).parents[2]
ASSIGNMENT = "abc_tiering"
COURSE_ID = "logistics-crm"
TEACHER = "wanglaoshi"
# hand-worked: the reference answer earns all 12 automatic points; sorting ascending
# loses step 3's 4 (autograder/abc_tiering/expected_scores.csv); steps 1 and 6 are the teacher's
ANSWERS = {"A": "correct_reference", "B": "mistake_ascending"}
AUTO_SCORE = {"A": 12.0, "B": 8.0}
MANUAL = {"A": {"step1_indicator": 2, "step6_strategy": 5},
          "B": {"step1_indicator": 1, "step6_strategy": 3}}
# Run All goes on past a failed check: B's notebook shows one, in step 3's visible test
RUN_ERRORS = {"A": {}, "B": {"step3_test": "StepNotPassed"}}
TOTAL = {"A": "19.0 / 20.0", "B": "12.0 / 20.0"}


def teacher(*args) -> str:
    result = CliRunner().invoke(cli.main, [str(a) for a in args])
    assert result.exit_code == 0, result.output
    return result.output


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def classroom():
    """A course made through the CLI, its hub running on 127.0.0.1; students A and B."""
    base = Path(tempfile.mkdtemp(prefix="logicrm-browser-", dir="/tmp"))
    base.chmod(0o711)  # students' servers pass through to their homes
    course, homes = base / "course", base / "homes"
    ids = unique_ids(2)
    teacher("init", course)
    with open(course / "course.toml", "a", encoding="utf-8") as toml:
        toml.write(f'\n[classroom]\nteachers = ["{TEACHER}"]\nhomes = "{homes}"\n')
    teacher("roster", "import", write_roster(base / "roster.csv", zip(ids, ["张三", "李四"])),
            "--course", course)
    teacher("release", ASSIGNMENT, "--course", course)
    teachers: dict[str, str] = {}
    try:
        url = start_classroom(course, port=free_port(),
                              on_prepared=lambda synced: teachers.update(synced.new_teachers))
        # the handout the teacher prints: 学号 in column A, initial password in column D
        sheet = load_workbook(course / "classroom_passwords.xlsx").active
        passwords = {str(row[0]): row[3] for row in sheet.iter_rows(min_row=2, values_only=True)}
        yield SimpleNamespace(url=url, course=course, homes=homes, students=dict(zip("AB", ids)),
                              passwords={**passwords, TEACHER: teachers[TEACHER]})
    finally:
        stop_classroom(course)
        for sid in ids:
            remove_student_user(sid)
        shutil.rmtree(base, ignore_errors=True)


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = launch_chromium(playwright)
        yield chromium
        chromium.close()


@pytest.fixture
def shots(request):
    return Screenshots(request.node.name)


def open_lab(browser, classroom, shots, name: str) -> Lab:
    lab = Lab(browser, classroom.url, name, shots)
    lab.log_in(classroom.passwords[name])
    return lab


def write_as(user: str, path: Path, text: str) -> None:
    """Write a file as the student ``user`` (their own rights, not root's)."""
    subprocess.run(["runuser", "-u", user, "--", "tee", str(path)], input=text.encode(),
                   stdout=subprocess.DEVNULL, check=True)


def test_students_submit_from_the_browser_and_feedback_comes_back(browser, classroom, shots):
    students = classroom.students
    labs = {who: open_lab(browser, classroom, shots, sid) for who, sid in students.items()}
    specs = load_specs(ROOT / "autograder" / "abc_tiering" / "submissions.toml")

    # each student: fetch, answer, 运行 → 运行所有单元格, save, submit
    for who, lab in labs.items():
        sid = students[who]
        lab.assignments_tab()
        lab.shot("assignments")
        lab.fetch(ASSIGNMENT)
        lab.shot("fetched")
        folder = classroom.homes / sid / COURSE_ID / ASSIGNMENT
        notebook = folder / f"{ASSIGNMENT}.ipynb"
        assert notebook.stat().st_uid != 0  # fetched into the student's own home, as the student
        assert (folder / "customers.xlsx").is_file(), (
            f"the fetched assignment has no data file: {sorted(p.name for p in folder.iterdir())}")
        answered = build_submission(nbformat.read(notebook, 4), resolved(specs, ANSWERS[who]))
        write_as(sid, notebook, nbformat.writes(answered))
        lab.open_fetched(ASSIGNMENT, ASSIGNMENT)
        prompts = lab.run_all()
        lab.shot("ran-all")
        lab.save()
        saved = nbformat.read(notebook, 4)
        code = [cell for cell in saved.cells if cell.cell_type == "code"]
        assert len(prompts) == len(code) and all(cell.execution_count for cell in code)
        errors = {cell.metadata.get("nbgrader", {}).get("grade_id"): out.ename
                  for cell in code for out in cell.outputs if out.output_type == "error"}
        assert errors == RUN_ERRORS[who]
        lab.assignments_tab()
        lab.submit(ASSIGNMENT)
        lab.shot("submitted")

    # the teacher: collect and autograde on the command line...
    course = classroom.course
    collected = teacher("collect", ASSIGNMENT, "--course", course)
    assert all(sid in collected for sid in students.values()), collected
    teacher("autograde", ASSIGNMENT, "--course", course)
    with gradebook(course) as book:
        for who, sid in students.items():
            assert book.find_submission(ASSIGNMENT, sid).code_score == AUTO_SCORE[who]

    # ...grades steps 1 and 6 in formgrader, in the browser
    grader = open_lab(browser, classroom, shots, TEACHER)
    page = grader.page
    for who, sid in students.items():
        page.goto(grader.home + f"formgrader/gradebook/{ASSIGNMENT}/{ASSIGNMENT}")
        row = page.locator("#main-table tr").filter(
            has=page.locator(f"a[href$='{_submission_id(course, sid)}']"))
        row.locator("a.name-hidden").click()
        # the score boxes work once formgrader has loaded the submission's grades
        page.wait_for_function("() => window.formgrader && formgrader.grades && formgrader.grades.loaded")
        for cell, points in MANUAL[who].items():
            with page.expect_response(lambda answer: "/formgrader/api/grade/" in answer.url
                                      and answer.request.method == "PUT") as saved:
                page.fill(f"#{cell}", str(points))
                page.keyboard.press("Tab")  # formgrader saves a score when its box loses focus
            assert saved.value.ok
        grader.shot(f"graded-{who}")
    page.goto(grader.home + f"formgrader/gradebook/{ASSIGNMENT}/{ASSIGNMENT}")
    page.locator("#main-table tr td.score").first.wait_for()
    grader.shot("gradebook")
    assert sorted(page.locator("#main-table td.score").all_inner_texts()) == sorted(
        total.replace(".0", "") for total in TOTAL.values())
    with gradebook(course) as book:
        for who, sid in students.items():
            for cell, points in MANUAL[who].items():
                assert book.find_grade(cell, ASSIGNMENT, ASSIGNMENT, sid).manual_score == points
    teacher("feedback", ASSIGNMENT, "--course", course)

    # each student fetches the feedback in the Assignments tab and opens it
    for who, lab in labs.items():
        lab.assignments_tab()
        lab.fetch_feedback(ASSIGNMENT).click()
        lab.shot("feedback-fetched")
        lab.page.locator(".jp-DirListing-item", has_text=f"{ASSIGNMENT}.html").dblclick()
        viewer = lab.page.frame_locator(".jp-HTMLViewer:not(.lm-mod-hidden) iframe")
        heading = viewer.locator("body").inner_text()
        lab.shot("feedback")
        assert score_text(heading) == TOTAL[who]
        lab.close()
    grader.close()


def _submission_id(course: Path, sid: str) -> str:
    with gradebook(course) as book:
        return book.find_submission_notebook(ASSIGNMENT, ASSIGNMENT, sid).id


def test_a_student_cannot_open_a_classmates_notebook(browser, classroom, shots):
    a, b = classroom.students["A"], classroom.students["B"]
    secret = classroom.homes / b / "mine.ipynb"
    write_as(b, secret, nbformat.writes(nbformat.v4.new_notebook()))
    lab_b = open_lab(browser, classroom, shots, b)  # B's server runs
    lab_a = open_lab(browser, classroom, shots, a)
    page = lab_a.page

    # (that A's own kernel cannot read B's home is shown in test_service.py, through the
    # kernel's websocket; a console in this browser hung while connecting, not explained yet)
    # B's JupyterLab, B's files through B's server: refused
    refused = page.goto(classroom.url + f"user/{b}/lab/tree/mine.ipynb")
    lab_a.shot("classmates-lab")
    assert refused.status in (403, 404), refused.url
    assert page.locator("#jp-main-dock-panel").count() == 0
    page.goto(lab_a.home + "lab")
    page.wait_for_selector("#jp-main-dock-panel")
    assert lab_a.api_status(f"user/{b}/api/contents/mine.ipynb") in (403, 404)
    assert lab_a.api_status(f"user/{b}/files/mine.ipynb") in (403, 404)
    # A's own server: nothing outside A's home
    assert lab_a.api_status(f"user/{a}/api/contents/..%2F{b}%2Fmine.ipynb") in (403, 404)
    lab_a.close()
    lab_b.close()


def test_the_students_lab_is_chinese_without_teacher_tools(browser, classroom, shots):
    student = open_lab(browser, classroom, shots, classroom.students["A"])
    menus = student.menu_bar()
    student.shot("menus")
    assert menus[:5] == ["文件", "编辑", "查看", "运行", "内核"], menus
    assert {"设置", "帮助"} <= set(menus)
    assert {"新建", "保存全部", "关闭标签页"} <= set(student.open_menu("文件"))
    student.open_menu("设置")
    student.page.locator(".lm-Menu .lm-Menu-itemLabel").get_by_text("语言", exact=True).hover()
    student.page.locator(".lm-Menu .lm-Menu-itemLabel").get_by_text("English - English").wait_for()
    student.shot("language-menu")  # the English switch is there
    assert student.open_menu("Nbgrader") == ["Assignment List"]
    student.shot("nbgrader-menu")
    sidebar = student.page.locator(".jp-SideBar .lm-TabBar-tab")
    titles = [sidebar.nth(i).get_attribute("title") or "" for i in range(sidebar.count())]
    assert not any("Create Assignment" in title for title in titles), titles
    assert student.api_status(f"user/{student.name}/formgrader") == 404

    # the same check on the teacher's lab finds the tools: the test looks in the right place
    grader = open_lab(browser, classroom, shots, TEACHER)
    assert {"Formgrader", "Create assignment"} <= set(grader.open_menu("Nbgrader"))
    grader.shot("teacher-nbgrader-menu")
    student.close()
    grader.close()
