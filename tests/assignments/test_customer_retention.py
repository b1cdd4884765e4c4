"""The retention task judges every grading-kit submission as worked out by hand.

Each kit submission's answer cells run here, in-process, on the class orders written
as the release's ``orders.xlsx`` (and again on the task's variant data, as the grader's
second run does); every test line is judged by :meth:`Task.run` on the JSON
round-tripped answers, exactly as the grader judges them.  The per-cell scores must
equal ``autograder/customer_retention/expected_scores.csv``.  The real nbgrader run of
the same kit is tests/autograde/test_assignment_kits.py.
"""
from __future__ import annotations

import contextlib
import io
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from logicrm_edu.assignments import CustomerRetention  # noqa: E402
from logicrm_edu.assignments.settings import read_settings  # noqa: E402
from logicrm_edu.grading.answers import roundtrip  # noqa: E402
from logicrm_edu.grading.directives import Directive  # noqa: E402
from logicrm_edu.grading.execute import SameData  # noqa: E402
from logicrm_edu.retention_data import default_orders  # noqa: E402
from logicrm_edu.submissions import load_specs, resolved  # noqa: E402

ROOT = Path(__file__).parents[2]
KIT = ROOT / "autograder" / "customer_retention"
SPECS = load_specs(KIT / "submissions.toml")
EXPECTED = pd.read_csv(KIT / "expected_scores.csv").set_index("submission")
SETTINGS = dict(
    PYRAMID=dict(cuts=(1, 5, 20), by="rank", rank_by="毛利",
                 labels=("VIP客户", "主要客户", "普通客户", "小客户"), rounding="ceil"),
    LIFECYCLE=dict(as_of="2025-12-31", window_days=90, drop=0.5, idle_days=120),
)
# test cell → (its directive, points), as in the source notebook
TESTS = {
    "step1": (("database",), 2, 2), "step2": (("ratios", "lines"), 1, 2),
    "step3": (("pyramid", "tier_shares"), 1, 2), "step4": (("lifecycle",), 1, 1),
    "step5": (("ax", "vip_complaints"), 1, 2),
}


def run_cells(spec: dict, folder: Path) -> dict:
    """The namespace after running the answer cells in order (a failing cell stops only
    itself, as in nbgrader); released stubs raise NotImplementedError."""
    namespace = {"pd": pd, "plt": plt, "DATA_FILE": str(folder / "orders.xlsx"), **SETTINGS}
    for step in TESTS:
        code = spec.get("cells", {}).get(f"{step}_answer", "raise NotImplementedError()")
        with contextlib.suppress(Exception), contextlib.redirect_stdout(io.StringIO()):
            exec(compile(code, f"{step}_answer", "exec"), namespace)
    plt.close("all")
    return namespace


def answers(task, namespace: dict, directive: Directive) -> dict:
    return {n: roundtrip(namespace[n]) for n in task.names_for(directive) if n in namespace}


def scores(name: str, tmp_path: Path) -> dict[str, float]:
    spec = resolved(SPECS, name)
    task = CustomerRetention(pyramid=SETTINGS["PYRAMID"], lifecycle=SETTINGS["LIFECYCLE"])
    handed = default_orders()
    if spec.get("empty"):
        return {f"{s}_{kind}": 0.0 for s in TESTS for kind in ("test", "hidden")}
    first, second = tmp_path / "handed", tmp_path / "unseen"
    out = {}
    variant = task.variant_data(handed, "student", {"seed": "kit"})
    for folder, data in ((first, handed), (second, variant)):
        folder.mkdir()
        for file, content in task.data_files(data).items():
            (folder / file).write_bytes(content)
    ran = run_cells(spec, first)
    rerun = run_cells(spec, second)
    for step, (names, visible, hidden) in TESTS.items():
        line = Directive("grade", step, names)
        on_handed = task.run(line, answers(task, ran, line), SameData(handed))
        hidden_line = Directive("grade_against_teacher_data", step, names)
        on_unseen = task.run(hidden_line, answers(task, rerun, hidden_line), SameData(variant))
        out[f"{step}_test"] = round(visible * on_handed.score, 4)
        out[f"{step}_hidden"] = round(hidden * min(on_handed.score, on_unseen.score), 4)
        out[f"{step}_verdicts"] = (on_handed.mistake, on_unseen.mistake)
    return out


# the mistake each misconception's feedback names (on the handed data and the unseen data)
MISTAKES = {
    "mistake_average_per_customer": ("step1", "retention.average_per_customer"),
    "mistake_last_date_first": ("step1", "retention.last_date_is_first"),
    "mistake_cost_mean_follow_through": ("step1", "retention.profit_wrong"),
    "mistake_margin_on_cost": ("step2", "retention.margin_on_cost"),
    "mistake_contribution_from_revenue": ("step2", "retention.contribution_from_revenue"),
    "mistake_line_margin_averaged": ("step2", "retention.line_margin_averaged"),
    "mistake_tiers_cumulative": ("step3", "retention.tiers_cumulative"),
    "mistake_ranked_by_revenue": ("step3", "retention.ranked_by_revenue"),
    "mistake_threshold_comparison": ("step4", "retention.threshold_comparison"),
    "mistake_pareto_unsorted": ("step5", "retention.pareto_unsorted"),
    "mistake_vip_not_filtered": ("step5", "retention.vip_not_filtered"),
}


@pytest.mark.parametrize("name", list(SPECS))
def test_kit_submission_scores_as_worked_out_by_hand(name, tmp_path):
    got = scores(name, tmp_path)
    expected = EXPECTED.loc[name]
    cells = [c for c in EXPECTED.columns if c.startswith("step")]
    assert {c: got[c] for c in cells} == {c: float(expected[c]) for c in cells}, got
    assert sum(got[c] for c in cells) == pytest.approx(float(expected["total"]))
    named = {step: got[f"{step}_verdicts"] for step in TESTS
             if any(got.get(f"{step}_verdicts", ()))}
    if name in MISTAKES:
        step, key = MISTAKES[name]
        assert named == {step: (key, key)}
    elif name.startswith("correct"):
        assert named == {}


def test_every_kit_submission_has_expected_scores():
    assert list(EXPECTED.index) == list(SPECS)


def test_the_notebook_settings_build_this_task():
    import nbformat

    nb = nbformat.read(ROOT / "course/source/customer_retention/customer_retention.ipynb", 4)
    cell = next(c for c in nb.cells
                if c.metadata.get("nbgrader", {}).get("grade_id") == "teacher_settings")
    settings = read_settings(cell.source)
    assert settings.task_class == "CustomerRetention"
    assert settings.get("PYRAMID") == SETTINGS["PYRAMID"]
    assert settings.get("LIFECYCLE") == SETTINGS["LIFECYCLE"]
    points = {c.metadata["nbgrader"]["grade_id"]: c.metadata["nbgrader"].get("points")
              for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade")}
    assert points == {f"{s}_{k}": p for s, (_, v, h) in TESTS.items()
                      for k, p in (("test", v), ("hidden", h))}


def test_the_presentation_rubric_covers_the_flow():
    from logicrm_edu.rubric.rubric_files import load_rubric

    rubric = load_rubric(ROOT / "course/rubrics/retention_presentation.toml")
    assert [(c.id, c.max_points) for c in rubric.criteria] == [
        ("analysis", 20), ("pyramid", 20), ("complaints", 20), ("plan", 25), ("delivery", 15)]
    assert rubric.max_total == 100 and rubric.raters == ("teacher", "group")
    for criterion in rubric.criteria:  # bands cover 0..max without gaps between whole points
        bands = sorted((lv.low, lv.high) for lv in criterion.levels)
        assert bands[0][0] == 0 and bands[-1][1] == criterion.max_points
        assert all(b[0] == a[1] + 1 for a, b in zip(bands, bands[1:])), criterion.id


def test_each_student_is_handed_their_own_orders(tmp_path):
    from logicrm_edu.retention_data import read_orders

    task = CustomerRetention(dataset="per-student")
    course = {"seed": "secret"}
    files = {s: task.student_files(s, course)["orders.xlsx"] for s in ("2601", "2602")}
    assert files["2601"] != files["2602"]
    (tmp_path / "orders.xlsx").write_bytes(files["2601"])
    handed = read_orders(tmp_path / "orders.xlsx")
    trusted = task.teacher_data("2601", course)
    assert handed["营业收入"].tolist() == trusted["营业收入"].tolist()
    assert handed["下单日期"].tolist() == trusted["下单日期"].tolist()
    # the class dataset hands nothing per student: the release holds orders.xlsx
    assert CustomerRetention().student_files("2601", course) == {}


def test_the_variant_keeps_the_shape_and_changes_the_answers():
    task = CustomerRetention()
    handed = default_orders()
    variant = task.variant_data(handed, "2601", {"seed": "s"})
    assert list(variant.columns) == list(handed.columns) and len(variant) == len(handed)
    assert set(variant["客户编号"]) == set(handed["客户编号"])
    assert set(variant["投诉原因"].dropna()) <= set(handed["投诉原因"].dropna())
    assert (variant["投诉原因"].isna() == handed["投诉原因"].isna()).all()
    assert (variant["营业收入"] % 1 == 0).all()
    assert variant["营业收入"].sum() != handed["营业收入"].sum()
    assert variant.equals(task.variant_data(handed, "2601", {"seed": "s"}))


def test_settings_are_printed_in_the_students_language(capsys):
    CustomerRetention(pyramid=SETTINGS["PYRAMID"]).describe_settings("zh")
    text = capsys.readouterr().out
    assert "毛利" in text and "VIP客户" in text and "120" in text and "2025-12-31" in text
    with pytest.raises(ValueError):
        CustomerRetention(dataset="changhai")


def test_nbgrader_generates_a_release_without_answers(tmp_path):
    import shutil

    import nbformat
    from nbgrader.validator import Validator

    from logicrm_edu.course.nbgrader_app import nbgrader_api, run

    shutil.copy(ROOT / "course" / "nbgrader_config.py", tmp_path)
    shutil.copytree(ROOT / "course/source/customer_retention",
                    tmp_path / "source/customer_retention")
    source = tmp_path / "source/customer_retention/customer_retention.ipynb"
    assert Validator().validate(str(source)) == {}  # the solutions pass every test
    run(nbgrader_api(tmp_path).generate_assignment("customer_retention", force=True),
        "generate_assignment")
    folder = tmp_path / "release/customer_retention"
    assert (folder / "orders.xlsx").is_file()
    release = nbformat.read(folder / "customer_retention.ipynb", 4)
    text = "\n".join(c.source for c in release.cells)
    assert "grade_against_teacher_data" not in text and "MARK SCHEME" not in text
    assert 'database["毛利"] = database["营业收入"] - database["成本"]' not in text  # no answers
    validator = Validator()
    validator.invert = True
    assert "passed" not in validator.validate(str(folder / "customer_retention.ipynb"))
