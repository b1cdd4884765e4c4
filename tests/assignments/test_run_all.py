"""Run All in a real kernel: a failing test shows its hint and the notebook goes on.

The released notebook with the grading kit's ascending sort (a step-3 mistake) runs
in an ordinary IPython kernel as JupyterLab's "Run All" does: stopping at the first
cell whose execution fails.  It must reach the last cell; the failing test cells
show the hint, marked in words and colour; and nbgrader's own Validate (the
students' "Validate" button) still reports them as failing.
"""
import shutil
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient
from nbgrader.validator import Validator

from logicrm_edu.course.nbgrader_app import nbgrader_api, run
from logicrm_edu.submissions import build_submission, load_specs, resolved

ROOT = Path(__file__).parents[2]
ASSIGNMENT = "abc_tiering"
SPECS = load_specs(ROOT / "autograder" / "abc_tiering" / "submissions.toml")


@pytest.fixture(scope="module")
def ascending(tmp_path_factory) -> Path:
    """The kit's ascending-sort submission, built on the release, beside its data file."""
    course = tmp_path_factory.mktemp("course")
    shutil.copy(ROOT / "course" / "nbgrader_config.py", course)
    shutil.copytree(ROOT / "course" / "source", course / "source")
    run(nbgrader_api(course).generate_assignment(ASSIGNMENT, force=True), "generate_assignment")
    release = course / "release" / ASSIGNMENT
    folder = tmp_path_factory.mktemp("student")
    shutil.copy(release / "customers.xlsx", folder)
    nb = build_submission(nbformat.read(release / f"{ASSIGNMENT}.ipynb", 4),
                          resolved(SPECS, "mistake_ascending"))
    path = folder / f"{ASSIGNMENT}.ipynb"
    nbformat.write(nb, path)
    return path


def _grade_id(cell) -> str:
    return cell.metadata.get("nbgrader", {}).get("grade_id", "")


def test_run_all_reaches_the_end_and_failing_tests_show_their_hint(ascending):
    nb = nbformat.read(ascending, 4)
    # allow_errors=False: stop at the first cell that fails, as Run All does
    NotebookClient(nb, timeout=60, allow_errors=False, kernel_name="python3",
                   resources={"metadata": {"path": str(ascending.parent)}}).execute()
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert all(c.execution_count for c in code)  # every cell ran, the last one included
    tests = {_grade_id(c): c for c in code if _grade_id(c).endswith(("_test", "_hidden"))}
    [error] = tests["step3_test"].outputs
    assert error.output_type == "error"
    assert error.traceback == ["\x1b[1;31m【需要修改】\x1b[0m 客户是按营业收入从低到高（升序）排的 — "
                               "ABC 分层要从大客户开始：sort_values(\"营业收入\", ascending=False)。"]
    assert not any(o.output_type == "error" for o in tests["step2_test"].outputs)
    # step 4 follows the student's own ascending table: right, and it says so
    [shown] = tests["step4_test"].outputs
    assert shown.output_type == "display_data" and "【正确】" in shown.data["text/html"]
    assert "已在第 3 步扣分" in shown.data["text/plain"]


def test_nbgrader_validate_still_counts_the_failing_test(ascending):
    [failed] = Validator().validate(str(ascending))["failed"]
    assert failed["source"].endswith('task.grade("step3", "table")')
    assert "【需要修改】\x1b[0m 客户是按营业收入从低到高（升序）排的" in failed["raw_error"]
