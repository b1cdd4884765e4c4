"""The customer-selection assignment: its settings cell, its data, and its grading kit.

In process (fast): every kit submission's answer cells run on the handed data and on
unseen data (as the grader's second run does) and are judged by the task; each test
cell's points must equal the hand-worked ``expected_scores.csv`` (a hidden cell: the
lower of the two runs).  With real nbgrader (slow): the source notebook generates a
release without solutions, validates, and autogrades the kit to the same scores.
"""
import contextlib
import json
import shutil
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from logicrm_edu.assignments import TASKS, CustomerSelection  # noqa: E402
from logicrm_edu.assignments.settings import SETTINGS_CELL, read_settings  # noqa: E402
from logicrm_edu.grading.answers import roundtrip  # noqa: E402
from logicrm_edu.prospects import load_prospects, read_prospects  # noqa: E402
from logicrm_edu.submissions import load_specs, resolved  # noqa: E402

ROOT = Path(__file__).parents[2]
ASSIGNMENT = "customer_selection"
SOURCE = ROOT / "course" / "source" / ASSIGNMENT
NOTEBOOK = json.loads((SOURCE / f"{ASSIGNMENT}.ipynb").read_text(encoding="utf-8"))
KIT = ROOT / "autograder" / ASSIGNMENT
SPECS = load_specs(KIT / "submissions.toml")
EXPECTED = pd.read_csv(KIT / "expected_scores.csv").set_index("submission")
TEST_CELLS = [c for c in EXPECTED.columns if c.startswith("step")]
ANSWERS = {"step2": ("n_prospects", "total_parcels", "n_poor_credit"), "step3": ("scored",),
           "step4": ("selected",), "step5": ("ax",)}


def cell(grade_id: str) -> dict:
    return next(c for c in NOTEBOOK["cells"]
                if c["metadata"].get("nbgrader", {}).get("grade_id") == grade_id)


def points(grade_id: str) -> float:
    return cell(grade_id)["metadata"]["nbgrader"]["points"]


def source(grade_id: str) -> str:
    return "".join(cell(grade_id)["source"])


def test_settings_cell_is_read_without_running_it():
    settings = read_settings(source(SETTINGS_CELL))
    assert settings.task_class == "CustomerSelection"
    assert settings.values["WEIGHTS"] == {"月均件量": 40, "单件收入": 15, "信用等级": 20,
                                          "经营年限": 10, "距离": 15}
    task = TASKS[settings.task_class](**settings.task_arguments)
    assert task.rule.cuts == (5, 20) and task.rule.exclude == ("差",)
    assert sum(task.rule.fractions.values()) == 1


def test_handed_file_is_the_class_dataset():
    assert read_prospects(SOURCE / "prospects.xlsx").equals(load_prospects())


def test_per_student_files_read_back_as_the_teachers_data():
    task = CustomerSelection(dataset="per-student")
    course = {"seed": "2025秋"}
    [(name, data)] = task.student_files("20250101", course).items()
    assert name == "prospects.xlsx"
    path = Path(__file__).parent / "_handed.xlsx"
    try:
        path.write_bytes(data)
        assert task.read_data(path).equals(task.teacher_data("20250101", course))
    finally:
        path.unlink()


def run_submission(spec: dict, data: pd.DataFrame, folder: Path) -> dict:
    """The verdict of each step after running the submission's cells on ``data``."""
    folder.mkdir(parents=True, exist_ok=True)
    namespace: dict = {}
    with contextlib.chdir(folder):
        exec(source(SETTINGS_CELL), namespace)
        task = namespace["task"]
        for name, content in task.data_files(data).items():
            Path(name).write_bytes(content)
        for step in ANSWERS:
            code = spec.get("cells", {}).get(f"{step}_answer")
            if code is None:
                continue
            with contextlib.suppress(Exception):  # a broken cell: its answers stay undefined
                exec(code, namespace)
        handed = task.read_data(task.data_file)
        verdicts = {}
        for step, names in ANSWERS.items():
            if any(n not in namespace for n in names):
                verdicts[step] = None
                continue
            earlier = {n: roundtrip(namespace[n]) for n in task.follows.get(step, ())
                       if n in namespace}
            verdicts[step] = task.judge(step, tuple(roundtrip(namespace[n]) for n in names),
                                        handed, earlier)
    plt.close("all")
    return verdicts


def test_every_submission_has_hand_worked_scores():
    assert list(SPECS) == list(EXPECTED.index)
    assert (EXPECTED[TEST_CELLS].sum(axis=1).round(4) == EXPECTED["total"]).all()
    assert len([s for s in SPECS if s.startswith("correct")]) >= 3
    assert len([s for s in SPECS if s.startswith("mistake")]) >= 11
    assert len([s for s in SPECS if s.startswith("broken")]) >= 2


@pytest.mark.parametrize("name", list(SPECS))
def test_kit_scores_in_process(name, tmp_path):
    spec = resolved(SPECS, name)
    task = CustomerSelection()
    handed = load_prospects()
    first = run_submission(spec, handed, tmp_path / "first")
    second = run_submission(spec, task.variant_data(handed, name, {}), tmp_path / "second")
    for step in ANSWERS:
        on_handed = first[step].score if first[step] else 0.0
        on_unseen = second[step].score if second[step] else 0.0
        assert round(points(f"{step}_test") * on_handed, 4) == EXPECTED.loc[name, f"{step}_test"], step
        assert (round(points(f"{step}_hidden") * min(on_handed, on_unseen), 4)
                == EXPECTED.loc[name, f"{step}_hidden"]), step


MISTAKES = {
    "mistake_distance_direction": ("step3", "selection.wrong_direction"),
    "mistake_max_normalised": ("step3", "selection.max_normalised"),
    "mistake_not_normalised": ("step3", "selection.not_normalised"),
    "mistake_weights_whole_numbers": ("step3", "selection.weights_as_whole_numbers"),
    "mistake_criterion_left_out": ("step3", "selection.criterion_left_out"),
    "mistake_rank_ascending": ("step3", "selection.rank_ascending"),
    "mistake_forgot_exclusion": ("step4", "selection.forgot_exclusion"),
    "mistake_excluded_before_ranking": ("step4", "selection.excluded_before_ranking"),
    "mistake_rounded_down": ("step4", "selection.count_rounded_down"),
    "mistake_ties_split": ("step4", "selection.ties_split"),
    "mistake_major_on_top_of_key": ("step4", "selection.major_on_top_of_key"),
    "mistake_chart_unsorted": ("step5", "selection.chart.bars_unsorted"),
    "mistake_chart_no_line": ("step5", "selection.chart.no_line"),
}


@pytest.mark.parametrize("name", list(MISTAKES))
def test_each_mistake_is_named_where_it_is_made(name, tmp_path):
    step, mistake = MISTAKES[name]
    verdicts = run_submission(resolved(SPECS, name), load_prospects(), tmp_path)
    assert verdicts[step].mistake == mistake
    for later in [s for s in ANSWERS if s > step and s != "step5"]:
        assert verdicts[later].passed  # charged once: later steps follow through


# -- real nbgrader -------------------------------------------------------------------------

@pytest.fixture(scope="module")
def course(tmp_path_factory):
    from logicrm_edu.course.nbgrader_app import nbgrader_api, run
    from logicrm_edu.submissions import write_submissions

    root = tmp_path_factory.mktemp("course")
    shutil.copy(ROOT / "course" / "nbgrader_config.py", root)
    shutil.copytree(SOURCE, root / "source" / ASSIGNMENT)
    api = nbgrader_api(root)
    run(api.generate_assignment(ASSIGNMENT, force=True), "generate_assignment")
    release = root / "release" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb"
    write_submissions(release, KIT / "submissions.toml", root / "submitted")
    run(api.autograde(ASSIGNMENT, "*", force=True), "autograde")
    return root


def test_source_and_release_validate(course):
    from nbgrader.validator import Validator

    assert Validator().validate(str(course / "source" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb")) == {}
    released = course / "release" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb"
    assert "passed" not in Validator(invert=True).validate(str(released))
    text = released.read_text(encoding="utf-8")
    for secret in ("BEGIN SOLUTION", "grade_against_teacher_data", "评分要点",
                   "(x.max() - x) / (x.max() - x.min())"):
        assert secret not in text
    assert (released.parent / "prospects.xlsx").exists()


def test_kit_scores_with_nbgrader(course):
    from logicrm_edu.course.nbgrader_app import cell_scores

    table = cell_scores(course, ASSIGNMENT).pivot_table(index="student", columns="cell",
                                                        values="score")
    mismatches = {(s, c): (table.loc[s, c], EXPECTED.loc[s, c])
                  for s in EXPECTED.index for c in TEST_CELLS
                  if table.loc[s, c] != EXPECTED.loc[s, c]}
    assert not mismatches, mismatches
