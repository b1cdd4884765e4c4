"""Every assignment's grading kit through the teacher's real commands.

For each ``autograder/<assignment>/`` (besides ABC tiering, whose kit is graded cell by
cell against nbgrader itself in test_kit_scores.py and test_grading_kit.py): a course
made by ``logicrm init --textbook-data`` (the data the scores were worked out on), a
roster with one student per kit submission, ``release``, the submissions built from the
release notebook and zipped as an LMS download, then ``collect``, ``autograde``,
``feedback`` and ``export``.  The gradebook's score of every test cell must equal the
hand-worked ``expected_scores.csv``; every student has feedback and an exported row.
"""
from __future__ import annotations

import zipfile
from pathlib import Path

import nbformat
import pandas as pd
import pytest
from click.testing import CliRunner

from logicrm_edu import cli
from logicrm_edu.course.nbgrader_app import cell_scores
from logicrm_edu.submissions import build_submission, load_specs, resolved

ROOT = Path(__file__).parents[2]
COVERED_ELSEWHERE = {"abc_tiering"}
KITS = sorted(p.parent.name for p in (ROOT / "autograder").glob("*/expected_scores.csv")
              if p.parent.name not in COVERED_ELSEWHERE)


def teacher(*args) -> str:
    result = CliRunner().invoke(cli.main, [str(a) for a in args])
    assert result.exit_code == 0, result.output
    return result.output


def expected_scores(assignment: str) -> pd.DataFrame:
    return pd.read_csv(ROOT / "autograder" / assignment / "expected_scores.csv",
                       dtype={"submission": str}).set_index("submission")


@pytest.fixture(scope="module", params=KITS)
def graded(request, tmp_path_factory):
    """(assignment, course, student id → kit submission) after the whole teacher path."""
    assignment = request.param
    specs = load_specs(ROOT / "autograder" / assignment / "submissions.toml")
    base = tmp_path_factory.mktemp(assignment)
    course = base / "course"
    teacher("init", course, "--textbook-data")
    students = {f"26{n:05d}": name for n, name in enumerate(specs, start=1)}
    roster = base / "roster.csv"
    roster.write_text("学号,姓名,班级,小组\n" + "".join(
        f"{sid},学生{n},物流2601,{n % 4 + 1}\n" for n, sid in enumerate(students, start=1)),
        encoding="utf-8")
    teacher("roster", "import", roster, "--course", course)
    teacher("release", assignment, "--course", course)
    release = nbformat.read(course / "release" / assignment / f"{assignment}.ipynb", 4)
    download = base / "lms.zip"
    with zipfile.ZipFile(download, "w") as zf:
        for n, (sid, name) in enumerate(students.items(), start=1):
            notebook = build_submission(release, resolved(specs, name))
            zf.writestr(f"{sid}_学生{n}_{assignment}.ipynb", nbformat.writes(notebook))
    teacher("collect", assignment, "--from", download, "--course", course)
    teacher("autograde", assignment, "--course", course)
    teacher("feedback", assignment, "--course", course)
    teacher("export", "--course", course)
    return assignment, course, students


def test_every_kit_submission_has_hand_worked_scores():
    for assignment in KITS:
        expected = expected_scores(assignment)
        cells = [c for c in expected.columns if c.startswith("step")]
        assert set(load_specs(ROOT / "autograder" / assignment / "submissions.toml")) == set(
            expected.index), assignment
        # parts such as 0.4 + 0.2 add up in floating point to within a millionth
        assert ((expected[cells].sum(axis=1) - expected["total"]).abs() < 1e-6).all(), assignment


def test_each_test_cell_scores_as_worked_out_by_hand(graded):
    assignment, course, students = graded
    expected = expected_scores(assignment)
    cells = [c for c in expected.columns if c.startswith("step")]
    scores = cell_scores(course, assignment)
    got = (scores[scores["cell"].isin(cells)]
           .assign(submission=lambda s: s["student"].map(students))
           .pivot_table(index="submission", columns="cell", values="score", aggfunc="sum"))
    got = got.reindex(index=expected.index, columns=cells)
    wrong = {name: {c: (got.loc[name, c], expected.loc[name, c]) for c in cells
                    if not abs(got.loc[name, c] - expected.loc[name, c]) < 1e-6}
             for name in expected.index}
    wrong = {name: cells for name, cells in wrong.items() if cells}
    assert not wrong, f"{assignment}: (got, hand-worked) per cell: {wrong}"


def test_every_student_gets_feedback_and_a_grade_row(graded):
    assignment, course, students = graded
    for sid in students:
        page = course / "feedback" / sid / assignment / f"{assignment}.html"
        assert page.is_file(), page
    sheets = pd.read_excel(course / "export" / "grades.xlsx", sheet_name=None, dtype=str)
    text = "\n".join(frame.to_csv() for frame in sheets.values())
    assert assignment in text and all(sid in text for sid in students)
