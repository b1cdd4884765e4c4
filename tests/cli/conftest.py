"""A course built once per test module through the CLI: init, roster, release, collect
(an LMS zip), autograde (nbgrader, one student at a time), feedback."""
import json
import shutil
import zipfile
from datetime import datetime
from pathlib import Path

import nbformat
import pytest
from click.testing import CliRunner

from logicrm_edu import cli
from logicrm_edu.submissions import build_submission, load_specs, resolved

ROOT = Path(__file__).parents[2]
ASSIGNMENT = "abc_tiering"
ROSTER = """学号,姓名,班级,小组
2301,张三,物流2301,1
2302,李四,物流2301,1
2303,王五,物流2302,2
2304,赵六,物流2302,2
"""
KINDS = {"2301": "correct_reference", "2302": "mistake_ascending", "2303": "broken_not_done"}
DEADLINE = datetime(2025, 3, 14, 23, 59)


def invoke(*args, ok=True, env=None):
    result = CliRunner().invoke(cli.main, [str(a) for a in args], env=env)
    if ok and result.exit_code != 0:
        raise AssertionError(f"exit {result.exit_code}: {result.output}\n{result.exception!r}")
    return result


def submission_bytes(course: Path, sid: str, kind: str) -> bytes:
    specs = load_specs(ROOT / "autograder" / "abc_tiering" / "submissions.toml")
    release = nbformat.read(course / "handout" / sid / ASSIGNMENT / f"{ASSIGNMENT}.ipynb", 4)
    return nbformat.writes(build_submission(release, resolved(specs, kind))).encode()


def write_zip(path: Path, entries) -> Path:
    """entries: (name, bytes, datetime)."""
    with zipfile.ZipFile(path, "w") as zf:
        for name, data, when in entries:
            info = zipfile.ZipInfo(name, date_time=when.timetuple()[:6])
            info.flag_bits |= 0x800
            zf.writestr(info, data)
    return path


@pytest.fixture(scope="module")
def released(tmp_path_factory):
    """A course (per-student data) with the 4-student roster imported and ABC released."""
    base = tmp_path_factory.mktemp("cli")
    course = base / "course"
    invoke("init", course)
    (base / "roster.csv").write_text(ROSTER, encoding="utf-8")
    invoke("roster", "import", base / "roster.csv", "--course", course)
    invoke("release", ASSIGNMENT, "--course", course)
    return course


@pytest.fixture(scope="module")
def graded(released, tmp_path_factory):
    """``released`` + an LMS zip collected (one late, one unmatched, one corrupt, one
    duplicate, one with a classmate's data file, two notebooks alone), autograded and
    fed back."""
    course = released
    lms = tmp_path_factory.mktemp("lms")
    early = datetime(2025, 3, 10, 9, 0)
    entries = [
        (f"2301_张三_{ASSIGNMENT}.ipynb", submission_bytes(course, "2301", KINDS["2301"]), early),
        (f"李四/{ASSIGNMENT}.ipynb", submission_bytes(course, "2302", KINDS["2302"]), early),
        ("李四/customers.xlsx",  # 张三's data, not 李四's own
         (course / "handout" / "2301" / ASSIGNMENT / "customers.xlsx").read_bytes(), early),
        (f"2303_王五_{ASSIGNMENT}.ipynb", submission_bytes(course, "2303", KINDS["2303"]),
         datetime(2025, 3, 15, 8, 0)),  # late
        (f"2303_王五_{ASSIGNMENT}(1).ipynb", b'{"cells": [', datetime(2025, 3, 15, 9, 0)),  # corrupt
        (f"2399_钱七_{ASSIGNMENT}.ipynb", submission_bytes(course, "2301", "correct_loops"), early),
        (f"2301_张三_{ASSIGNMENT}(old).ipynb", submission_bytes(course, "2301", "broken_empty"),
         datetime(2025, 3, 9, 9, 0)),  # duplicate, older
    ]
    archive = write_zip(lms / "download.zip", entries)
    result = invoke("collect", ASSIGNMENT, "--from", archive, "--deadline", "2025-03-14 23:59",
                    "--course", course)
    course_state = {"collect_output": result.output, "zip": archive}
    course_state["autograde_output"] = invoke("autograde", ASSIGNMENT, "--course", course).output
    course_state["feedback_output"] = invoke("feedback", ASSIGNMENT, "--course", course).output
    (course / "state.json").write_text(json.dumps({k: str(v) for k, v in course_state.items()},
                                                  ensure_ascii=False), encoding="utf-8")
    return course, course_state


@pytest.fixture
def course_copy(released, tmp_path):
    """A private copy of the released course, to change freely."""
    copy = tmp_path / "course"
    shutil.copytree(released, copy, ignore=shutil.ignore_patterns("state.json"))
    return copy
