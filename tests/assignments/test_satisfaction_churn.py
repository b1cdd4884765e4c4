"""assignments.satisfaction_churn: the task object, its data files, and every kit
submission judged in-process the way the grader judges it.

Each kit submission's answer cells run in a plain namespace (errors kept, as "Run All"
keeps going) on the handed file and again on the task's unseen variant data; every
test cell is then judged on the round-tripped answers, as the grader does outside the
student's kernel.  The per-cell scores must equal the hand-worked expected_scores.csv
(the same file the real nbgrader run in tests/autograde/test_assignment_kits.py checks).
"""
import contextlib
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import nbformat  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from logicrm_edu.assignments import TASKS, SatisfactionChurn  # noqa: E402
from logicrm_edu.assignments.settings import read_settings  # noqa: E402
from logicrm_edu.churn_data import default_customers  # noqa: E402
from logicrm_edu.grading.answers import roundtrip  # noqa: E402
from logicrm_edu.grading.directives import Directive  # noqa: E402
from logicrm_edu.grading.execute import SameData  # noqa: E402
from logicrm_edu.submissions import STUB, load_specs, resolved  # noqa: E402
from lessons import images, run_lesson, widgets  # noqa: E402

ROOT = Path(__file__).parents[2]
SOURCE = ROOT / "course" / "source" / "satisfaction_churn"
KIT = ROOT / "autograder" / "satisfaction_churn"
TEST_CELLS = {  # grade_id → (step, answer names, points, hidden)
    "step2_test": ("step2", ("survey", "index_score"), 2, False),
    "step2_hidden": ("step2", ("survey", "index_score"), 2, True),
    "step3_test": ("step3", ("ipa_ax", "fix_first"), 1, False),
    "step3_hidden": ("step3", ("ipa_ax", "fix_first"), 2, True),
    "step4_test": ("step4", ("retention_rate", "churned", "by_tier", "by_route"), 2, False),
    "step4_hidden": ("step4", ("retention_rate", "churned", "by_tier", "by_route"), 2, True),
    "step5_test": ("step5", ("pareto_ax", "replace_cost", "keep_cost"), 1, False),
    "step5_hidden": ("step5", ("pareto_ax", "replace_cost", "keep_cost"), 2, True),
}


def notebook() -> nbformat.NotebookNode:
    return nbformat.read(SOURCE / "satisfaction_churn.ipynb", 4)


def cell(grade_id: str) -> str:
    return next(c.source for c in notebook().cells
                if c.metadata.get("nbgrader", {}).get("grade_id") == grade_id)


def settings_code() -> str:
    return cell("teacher_settings")


def run_submission(spec: dict, folder: Path, data: pd.DataFrame) -> dict:
    """The namespace after running the settings cell and the answer cells on ``data``."""
    task = SatisfactionChurn()
    folder.mkdir(parents=True, exist_ok=True)
    for name, content in task.data_files(data).items():
        (folder / name).write_bytes(content)
    namespace: dict = {}
    with contextlib.chdir(folder):
        exec(settings_code(), namespace)
        for grade_id in ("step2_answer", "step3_answer", "step4_answer", "step5_answer"):
            try:
                exec(spec.get("cells", {}).get(grade_id, STUB), namespace)
            except Exception:  # noqa: BLE001 - a failing cell, as in "Run All"
                pass
    plt.close("all")
    return namespace


def judge(task, step, names, namespace, data):
    answers = {n: roundtrip(namespace[n]) for n in task.names_for(Directive("grade", step, names))
               if n in namespace}
    return task.run(Directive("grade", step, tuple(names)), answers, SameData(data))


def kit_scores(name: str, tmp_path: Path) -> dict[str, float]:
    spec = resolved(load_specs(KIT / "submissions.toml"), name)
    task = SatisfactionChurn()
    handed = default_customers()
    variant = task.variant_data(handed, "2600001", {"seed": "kit"})
    first = run_submission(spec, tmp_path / "handed", handed)
    second = run_submission(spec, tmp_path / "variant", variant)
    scores = {}
    for grade_id, (step, names, points, hidden) in TEST_CELLS.items():
        score = judge(task, step, names, first, handed).score
        if hidden:
            score = min(score, judge(task, step, names, second, variant).score)
        scores[grade_id] = round(points * score, 4)
    return scores


EXPECTED = pd.read_csv(KIT / "expected_scores.csv").set_index("submission")


def test_task_is_registered_and_refuses_bad_settings():
    assert TASKS["SatisfactionChurn"] is SatisfactionChurn
    with pytest.raises(ValueError, match="dataset"):
        SatisfactionChurn(dataset="changhai")
    with pytest.raises(ValueError, match="100"):
        SatisfactionChurn(weights={"准时": 0.3, "价格": 0.7})


def test_the_settings_cell_builds_the_task_without_running():
    settings = read_settings(settings_code())
    assert settings.task_class == "SatisfactionChurn"
    assert settings.task_arguments["weights"]["准时"] == 30
    assert settings.task_arguments["costs"] == {"acquire": 3.5, "keep": 0.5}
    assert settings.get("DATASET") == "freight"


def test_handed_file_reads_back_as_the_class_data(tmp_path):
    task = SatisfactionChurn(data_file=str(tmp_path / "名单.xlsx"))
    files = task.data_files(default_customers())
    (tmp_path / "名单.xlsx").write_bytes(next(iter(files.values())))
    got = task.read_data(tmp_path / "名单.xlsx")
    pd.testing.assert_frame_equal(got, default_customers(), check_dtype=False)
    released = SatisfactionChurn().read_data(SOURCE / "freight_customers.xlsx")
    pd.testing.assert_frame_equal(released, default_customers(), check_dtype=False)


def test_each_student_has_own_data_regenerated_alike():
    task = SatisfactionChurn(dataset="per-student")
    course = {"seed": "s3cret"}
    assert task.student_files("2601", course) == task.student_files("2601", course)
    assert task.student_files("2601", course) != task.student_files("2602", course)
    assert SatisfactionChurn().student_files("2601", course) == {}


def test_variant_data_is_another_company_of_the_same_size():
    handed = default_customers()
    variant = SatisfactionChurn().variant_data(handed, "2601", {"seed": "x"})
    assert variant.columns.tolist() == handed.columns.tolist()
    assert int(variant["去年在册"].eq("是").sum()) == 60
    assert not variant.equals(handed)


def test_an_unknown_step_is_a_verdict_not_a_crash():
    verdict = SatisfactionChurn().judge("step9", (), default_customers())
    assert not verdict.passed and verdict.mistake == "checks.unknown_step"


@pytest.mark.parametrize("name", EXPECTED.index.tolist())
def test_kit_submission_scores_as_worked_out_by_hand(name, tmp_path):
    got = kit_scores(name, tmp_path)
    want = {c: float(EXPECTED.loc[name, c]) for c in TEST_CELLS}
    assert got == pytest.approx(want, abs=1e-4), EXPECTED.loc[name, "why"]


# -- real nbgrader -------------------------------------------------------------------------

@pytest.fixture(scope="module")
def released(tmp_path_factory) -> Path:
    """The release notebook nbgrader's generate_assignment makes in a fresh course."""
    import shutil

    from logicrm_edu.course.nbgrader_app import nbgrader_api, run

    root = tmp_path_factory.mktemp("course")
    shutil.copy(ROOT / "course" / "nbgrader_config.py", root)
    shutil.copytree(SOURCE, root / "source" / "satisfaction_churn")
    run(nbgrader_api(root).generate_assignment("satisfaction_churn", force=True),
        "generate_assignment")
    return root / "release" / "satisfaction_churn" / "satisfaction_churn.ipynb"


def test_source_validates_and_release_hides_answers_and_hidden_tests(released):
    from nbgrader.validator import Validator

    assert Validator().validate(str(SOURCE / "satisfaction_churn.ipynb")) == {}
    assert "passed" not in Validator(invert=True).validate(str(released))
    text = released.read_text(encoding="utf-8")
    for secret in ("BEGIN SOLUTION", "grade_against_teacher_data", "评分要点",
                   'answers.between(1, 5)]', "fix_first = list("):
        assert secret not in text
    assert (released.parent / "freight_customers.xlsx").exists()
    graded = {c.metadata["nbgrader"]["grade_id"]: c.metadata["nbgrader"].get("points")
              for c in nbformat.read(released, 4).cells
              if c.metadata.get("nbgrader", {}).get("points")}
    assert graded == {"step1_why": 3, "step6_plan": 5,
                      **{gid: points for gid, (_, _, points, _) in TEST_CELLS.items()}}


# -- the presentation rubric and the lesson notebook ---------------------------------------

def test_presentation_rubric_covers_the_task():
    from logicrm_edu.rubric.rubric_files import load_rubric

    rubric = load_rubric(ROOT / "course" / "rubrics" / "churn_presentation.toml")
    assert [c.id for c in rubric.criteria] == ["survey", "retention", "causes", "plan",
                                               "delivery"]
    assert rubric.max_total == 100 and rubric.raters == ("teacher", "group")
    for criterion in rubric.criteria:  # bands cover 0..max without gaps between whole points
        bands = sorted((lv.low, lv.high) for lv in criterion.levels)
        assert bands[0][0] == 0 and bands[-1][1] == criterion.max_points
        assert all(b[0] == a[1] + 1 for a, b in zip(bands, bands[1:])), criterion.id


def test_lesson_notebook_runs_and_its_explorer_shows_the_mistakes(tmp_path):
    # the explorer's output lives in widget state: call its function as a student would
    nb, outputs = run_lesson("satisfaction_churn_lesson", tmp_path, timeout=120, extra_cells=[
        'print(explore(invalid="空白当 0", satisfied_from=3, lines="3 分"))'])
    assert len(images(outputs)) == 3  # IPA, Pareto, and the explorer called by hand
    assert widgets(outputs)
    last = "".join(o.get("text", "") for o in nb.cells[-1].outputs)
    assert "优先改进" in last and "满意率(%)" in last


# -- each kit mistake is named, on the class data and on a student's own ------------------

MISTAKES = {  # kit submission → (step, the mistake its visible test names)
    "mistake_blank_as_zero": ("step2", "churn.blank_as_zero"),
    "mistake_out_of_range_kept": ("step2", "churn.out_of_range_kept"),
    "mistake_satisfied_counts_3": ("step2", "churn.satisfied_counts_3"),
    "mistake_unweighted_index": ("step2", "churn.unweighted_index"),
    "mistake_weights_as_percent": ("step2", "churn.weights_as_percent"),
    "mistake_lines_at_3": ("step3", "churn.quadrant_lines_at_3"),
    "mistake_fix_first_low_low": ("step3", "churn.fix_first_low_low"),
    "mistake_retention_over_end": ("step4", "churn.retention_over_end"),
    "mistake_new_counted_as_kept": ("step4", "churn.new_counted_as_kept"),
    "mistake_churned_includes_new": ("step4", "churn.churned_includes_new"),
    "mistake_causes_unsorted": ("step5", "churn.causes_unsorted"),
}
STEP_ANSWERS = {step: names for step, names, _, hidden in TEST_CELLS.values() if not hidden}


@pytest.mark.parametrize("data_name", ["class", "per-student"])
@pytest.mark.parametrize("name", sorted(MISTAKES))
def test_each_mistake_is_named_and_charged_once(name, data_name, tmp_path):
    task = SatisfactionChurn()
    data = (default_customers() if data_name == "class" else
            SatisfactionChurn(dataset="per-student").teacher_data("2601", {"seed": "kit"}))
    namespace = run_submission(resolved(load_specs(KIT / "submissions.toml"), name), tmp_path,
                               data)
    step, mistake = MISTAKES[name]
    for other, names in STEP_ANSWERS.items():
        verdict = judge(task, other, names, namespace, data)
        if other == step:
            assert verdict.mistake == mistake, verdict.message("en")
            assert verdict.hint("zh") and verdict.hint("en")
        else:  # later steps follow the student's own answers: right
            assert verdict.passed, (other, verdict.message("en"))
