"""The grading kit end to end with real nbgrader: generate, autograde, feedback, export.

Every sample submission of ``autograder/abc_tiering/submissions.toml`` is built from the
release notebook, autograded by nbgrader's own API, and its per-cell scores,
read from the SQLite gradebook, must equal ``autograder/abc_tiering/expected_scores.csv``
(worked out by hand).  Feedback must carry each mistake's specific hint and no
hidden-test code or mark scheme.
"""
import html
import re
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pandas as pd
import pytest
from nbgrader.validator import Validator

from logicrm_edu.messages import CATALOGUE
from logicrm_edu.course.nbgrader_app import cell_scores, nbgrader_api, run
from logicrm_edu.submissions import load_specs, write_submissions

ROOT = Path(__file__).parents[1]
KIT = ROOT / "autograder" / "abc_tiering"
ASSIGNMENT = "abc_tiering"
EXPECTED = pd.read_csv(KIT / "expected_scores.csv").set_index("submission")
TEST_CELLS = [c for c in EXPECTED.columns if c.startswith("step")]
# The specific hint each mistake's feedback must show (catalogue keys), each once: a
# mistake is told where it is made, later steps that follow from it say so without
# repeating it, and a hidden test that finds it again refers to the visible one.
HINTS = {
    "mistake_ascending": ["checks.sorted_ascending"],
    "mistake_fraction": ["checks.share_as_fraction"],
    "mistake_unsorted_cumsum": ["checks.cumulative_unsorted"],
    "mistake_wrong_denominator": ["checks.wrong_denominator"],
    "mistake_round_before_cumsum": ["checks.rounding_before_cumsum"],
    "mistake_boundary_cross": ["checks.boundary_rule"],
    "mistake_ties_split": ["checks.tie_rule"],
    "mistake_chart_unsorted": ["checks.chart_not_from_table"],
    "mistake_chart_no_line": ["checks.chart_no_line"],
    "mistake_typed_in": ["checks.hardcoded"],
    "broken_not_done": ["task.undefined"],
    # the step that stopped is the cause; the step after it sends the student back there
    "broken_infinite_loop": ["grading.answer_cell_failed", "grading.answer_cell_failed.after"],
}
# hints told once per step: the typed-in answers of steps 2-5, the missing answers of 3-5
HINT_TIMES = {"mistake_typed_in": 4, "broken_not_done": 3}


@pytest.fixture(scope="module")
def course(tmp_path_factory):
    """A copy of the course with every sample submission autograded and fed back."""
    root = tmp_path_factory.mktemp("course")
    shutil.copy(ROOT / "course" / "nbgrader_config.py", root)
    shutil.copytree(ROOT / "course" / "source", root / "source")
    api = nbgrader_api(root)
    run(api.generate_assignment(ASSIGNMENT, force=True), "generate_assignment")
    release = root / "release" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb"
    write_submissions(release, KIT / "submissions.toml", root / "submitted")
    run(api.autograde(ASSIGNMENT, "*", force=True), "autograde")
    run(api.generate_feedback(ASSIGNMENT), "generate_feedback")
    return root


def test_every_submission_has_hand_worked_scores():
    assert set(load_specs(KIT / "submissions.toml")) == set(EXPECTED.index)
    assert (EXPECTED[TEST_CELLS].sum(axis=1) == EXPECTED["total"]).all()


def test_source_and_release_notebooks_validate(course):
    source = course / "source" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb"
    assert Validator().validate(str(source)) == {}  # the solutions pass every test
    released = Validator(invert=True).validate(str(course / "release" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb"))
    assert "passed" not in released  # no test passes before the student works


def test_release_has_no_solutions_hidden_tests_or_mark_scheme(course):
    text = (course / "release" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb").read_text(encoding="utf-8")
    for secret in ("BEGIN SOLUTION", "grade_against_teacher_data", "BEGIN HIDDEN TESTS",
                   "评分要点", "sort_values(\\\"营业收入\\\", ascending=False, kind"):
        assert secret not in text
    assert (course / "release" / ASSIGNMENT / "customers.xlsx").exists()


def test_scores_in_gradebook_match_expected(course):
    scores = cell_scores(course, ASSIGNMENT)
    table = scores.pivot_table(index="student", columns="cell", values="score")
    assert set(table.index) == set(EXPECTED.index)
    mismatches = {
        (student, cell): (table.loc[student, cell], EXPECTED.loc[student, cell])
        for student in EXPECTED.index for cell in TEST_CELLS
        if table.loc[student, cell] != EXPECTED.loc[student, cell]
    }
    assert not mismatches, mismatches
    manual = scores[scores["cell"].isin(["step1_indicator", "step6_strategy"])]
    assert manual["max_score"].sum() == 8 * len(EXPECTED)


def _feedback_text(course, student) -> str:
    page = (course / "feedback" / student / ASSIGNMENT / f"{ASSIGNMENT}.html").read_text(encoding="utf-8")
    return html.unescape(re.sub(r"<[^>]+>", "", page))


def _literal_part(template: str) -> str:
    """The longest run of a message template without {fields}."""
    return max(re.split(r"\{[^}]*\}", template), key=len).strip()


@pytest.mark.parametrize("student", sorted(EXPECTED.index))
def test_feedback_hints_and_no_secrets(course, student):
    text = _feedback_text(course, student)
    for secret in ("grade_against_teacher_data", "BEGIN HIDDEN TESTS", "BEGIN MARK SCHEME",
                   "评分要点", "missing from font"):
        assert secret not in text, secret
    for key in HINTS.get(student, []):
        what, hint = CATALOGUE[key]["zh"], CATALOGUE[key + ".hint"]["zh"]
        assert _literal_part(what) in text, key
        assert text.count(_literal_part(hint)) == HINT_TIMES.get(student, 1), key + ".hint"


def test_charts_in_autograded_notebooks_render_chinese(course):
    nb = nbformat.read(course / "autograded" / "correct_reference" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb", 4)
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", [])]
    assert any("image/png" in o.get("data", {}) for o in outputs)
    assert not any("missing from font" in o.get("text", "") for o in outputs)


def test_export_writes_grades_csv(course):
    nbgrader = Path(sys.executable).with_name("nbgrader")
    subprocess.run([str(nbgrader), "export"], cwd=course, check=True, capture_output=True)
    grades = pd.read_csv(course / "grades.csv")
    mine = grades.set_index("student_id").loc[list(EXPECTED.index)]
    # export counts manual cells as 0 until graded, so the totals are the autograded ones
    assert mine["raw_score"].to_dict() == EXPECTED["total"].to_dict()
    assert (mine["max_score"] == 20).all()
