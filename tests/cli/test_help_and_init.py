"""`logicrm --help` in both languages; `logicrm init`."""
import json
import tomllib

from logicrm_edu.course.template import teacher_settings
from logicrm_edu.course.nbgrader_app import load_config

from .conftest import ASSIGNMENT, invoke

NOTEBOOK = f"source/{ASSIGNMENT}/{ASSIGNMENT}.ipynb"


def test_help_chinese_by_default():
    out = invoke("--help", env={"LOGICRM_LANG": "", "LANG": "zh_CN.UTF-8", "LC_ALL": ""}).output
    assert "教师命令行" in out and "收作业" in out and "显示本帮助" in out
    for command in ("init", "roster", "release", "collect", "autograde", "feedback", "export",
                    "status", "demo", "rubric"):
        assert f"  {command}" in out


def test_help_english_by_option_variable_or_locale():
    assert "instructor command line" in invoke("--lang", "en", "--help").output
    assert "Collect ASSIGNMENT" in invoke("collect", "--help", env={"LOGICRM_LANG": "en"}).output
    out = invoke("roster", "import", "--help", env={"LOGICRM_LANG": "", "LC_ALL": "",
                                                    "LANG": "en_US.UTF-8"}).output
    assert "Import the roster" in out and "Course folder" in out


def test_init_makes_a_ready_course_with_per_student_data(tmp_path):
    out = invoke("init", tmp_path / "c").output
    course = tmp_path / "c"
    assert "已新建课程" in out
    for part in ("nbgrader_config.py", NOTEBOOK, "rubrics/abc_presentation.toml", "course.toml"):
        assert (course / part).exists(), part
    settings = tomllib.loads((course / "course.toml").read_text(encoding="utf-8"))["course"]
    assert len(settings["seed"]) == 32 and settings["customers"] == 20
    assert teacher_settings(course / NOTEBOOK)["DATASET"] == "per-student"
    json.loads((course / NOTEBOOK).read_text(encoding="utf-8"))  # still a valid notebook
    # whoever starts the grading, students' code runs in the sandbox
    assert load_config(course).Autograde.autograde_preprocessors[0] == \
        "logicrm_edu.grading.execute.SandboxedExecute"


def test_each_course_gets_its_own_seed(tmp_path):
    invoke("init", tmp_path / "a")
    invoke("init", tmp_path / "b")
    seeds = {tomllib.loads((tmp_path / d / "course.toml").read_text(encoding="utf-8"))["course"]["seed"]
             for d in "ab"}
    assert len(seeds) == 2


def test_init_textbook_data(tmp_path):
    invoke("init", tmp_path / "c", "--textbook-data", "--lang", "en")
    assert teacher_settings(tmp_path / "c" / NOTEBOOK)["DATASET"] == "changhai"


def test_init_refuses_a_non_empty_folder(tmp_path):
    (tmp_path / "c").mkdir()
    (tmp_path / "c" / "notes.txt").write_text("keep me", encoding="utf-8")
    result = invoke("init", tmp_path / "c", ok=False)
    assert result.exit_code == 1 and "不会覆盖" in result.output
    assert sorted(p.name for p in (tmp_path / "c").iterdir()) == ["notes.txt"]
    assert invoke("init", tmp_path / "empty").exit_code == 0  # missing folder: fine


def test_commands_outside_a_course_say_so(tmp_path):
    result = invoke("status", "--course", tmp_path, ok=False)
    assert result.exit_code == 1 and "nbgrader_config.py" in result.output
