"""SandboxedExecute inside nbgrader's own Autograde: what reaches the kernel, the time
budget, the normalised notebook, and grading without the sandbox when asked."""
from __future__ import annotations

import nbformat
import pytest

from logicrm_edu.course.nbgrader_app import cell_scores, nbgrader_api, run
from logicrm_edu.submissions import build_submission, load_specs, resolved

from .generated import ASSIGNMENT, NOTEBOOK, ROOT, fresh_copy, submitted_dir, textbook_course

SPECS = load_specs(ROOT / "autograder" / "abc_tiering" / "submissions.toml")
TESTS = ["step2_test", "step2_hidden", "step3_test", "step3_hidden", "step4_test",
         "step4_hidden", "step5_test", "step5_hidden"]
# records the source of every cell the kernel runs, from the settings cell on
RECORDER = ("ran = []\n"
            "get_ipython().events.register('pre_run_cell', lambda info: ran.append(info.raw_cell))")


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    return textbook_course(tmp_path_factory.mktemp("execute") / "course")


def submit(root, student: str, spec: dict, *, config: str = "") -> dict:
    """Autograde one submission with nbgrader's API; its scores and autograded notebook."""
    if config:
        with open(root / "nbgrader_config.py", "a", encoding="utf-8") as fh:
            fh.write(config)
    release = nbformat.read(root / "release" / ASSIGNMENT / f"{NOTEBOOK}.ipynb", 4)
    nbformat.write(build_submission(release, spec),
                   submitted_dir(root, student) / f"{NOTEBOOK}.ipynb")
    run(nbgrader_api(root).autograde(ASSIGNMENT, student, force=True), "autograde")
    rows = cell_scores(root, ASSIGNMENT)
    scores = rows[rows["student"] == student].set_index("cell")["score"].to_dict()
    graded = nbformat.read(root / "autograded" / student / ASSIGNMENT / f"{NOTEBOOK}.ipynb", 4)
    return {"scores": [scores[c] for c in TESTS], "nb": graded}


def with_cells(base: str, **extra) -> dict:
    spec = dict(resolved(SPECS, base))
    spec["insert"] = list(spec.get("insert", [])) + [{"after": after, "source": source}
                                                     for after, source in extra.items()]
    return spec


def outputs_text(cell) -> str:
    return "".join(o.get("text", "") + str(o.get("data", {}).get("text/plain", ""))
                   for o in cell.outputs)


def test_test_cells_never_reach_the_kernel_and_a_step_hands_over_once(generated, tmp_path):
    root = fresh_copy(generated, tmp_path)
    spec = with_cells("correct_reference", teacher_settings=RECORDER,
                      step5_hidden="print(sum('task.grade' in s or 'task.require' in s "
                                   "for s in ran[:-1]), sum('hand_over' in s for s in ran[:-1]))")
    done = submit(root, "s1", spec)
    assert done["scores"] == [1, 1, 2, 2, 1, 2, 1, 2]
    report = next(c for c in done["nb"].cells if "hand_over' in s" in c.source)
    # no test line ran in the kernel; the visible and hidden test of each step share one
    # hand-over (4 steps)
    assert outputs_text(report).split() == ["0", "4"]


def test_the_time_budget_bounds_the_whole_notebook(generated, tmp_path):
    root = fresh_copy(generated, tmp_path)
    spec = with_cells("correct_reference", step2_hidden="import time; time.sleep(6)",
                      step3_hidden="import time; time.sleep(6)")
    done = submit(root, "s2", spec, config="\nc.SandboxedExecute.submission_timeout = 10\n")
    # step 2 is judged before the budget runs out; the step 3 answer cell still starts
    # within it; after the second sleep nothing more runs, so tiered and ax never exist
    assert done["scores"] == [1, 1, 2, 2, 0, 0, 0, 0]
    skipped = [c for c in done["nb"].cells if c.cell_type == "code"
               and any(o.get("ename") == "SubmissionTimeout" for o in c.outputs)]
    assert skipped and "10" in skipped[0].outputs[0]["evalue"]


def test_the_graded_notebook_names_plain_python(generated, tmp_path):
    root = fresh_copy(generated, tmp_path)
    done = submit(root, "s3", resolved(SPECS, "correct_reference"))
    assert done["nb"].metadata["language_info"]["name"] == "python"
    assert "pygments_lexer" in done["nb"].metadata["language_info"]


def test_without_the_sandbox_the_tests_are_still_judged_outside(generated, tmp_path):
    root = fresh_copy(generated, tmp_path)
    spec = with_cells("mistake_ascending", teacher_settings=(
        "task.grade = task.require = task.grade_against_teacher_data = lambda *a, **k: None"))
    done = submit(root, "s4", spec, config="\nc.SandboxedExecute.sandbox = False\n")
    # as mistake_ascending, by hand: step 3 wrong, steps 4 and 5 follow its table through
    assert done["scores"] == [1, 1, 0, 0, 1, 2, 1, 2]


def _cell(nb, grade_id):
    return next(c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade_id") == grade_id)


def test_hidden_lines_run_the_students_cells_again_on_unseen_data(generated, tmp_path):
    # right on the handed textbook data only: the step-3 cell stops on any other data
    root = fresh_copy(generated, tmp_path)
    spec = dict(resolved(SPECS, "correct_reference"))
    spec["cells"] = {**spec["cells"], "step3_answer": (
        'assert df["营业收入"].sum() == 2000\n' + spec["cells"]["step3_answer"])}
    done = submit(root, "s5", spec)
    # by hand: visible tests right; every hidden test from step 3 on finds no answer there
    assert done["scores"] == [1, 1, 2, 0, 1, 0, 1, 0]
    [error] = _cell(done["nb"], "step3_hidden").outputs
    assert error.evalue.startswith("用另一份同样格式的数据重新运行你的代码时，程序在这一步之前就停下了")
    # the self-check cells are not run: the test cells carry the grade's own verdict
    checks = [c for c in done["nb"].cells if c.source.startswith("# 自查")]
    assert len(checks) == 4 and all(not c.outputs and c.execution_count is None for c in checks)
