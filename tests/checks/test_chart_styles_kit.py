"""The chart-styles kit (autograder/abc_tiering/styles/charts.toml) confirmed without the grader.

Each submission is built from the release notebook like the grading kit's, its step
2–5 answer cells run in a plain namespace made by the notebook's own settings cell
(in the notebook's folder, beside customers.xlsx), and step 5 is judged as the
assignment judges it — against the textbook data, with the student's own ``tiered``
for follow-through.  Its score must be the hand-worked one in charts_expected.csv
(the visible cell is worth 1 point, the hidden one 2, judged alike), and a chart
that loses points must lose them for the mistake its row is about.
"""
from pathlib import Path

import pandas as pd
import pytest

from logicrm_edu import load_dataset
from logicrm_edu.assignments.abc_tiering import CHECK_OPTIONS
from logicrm_edu.checks import Scheme, check_audit, check_chart, check_share_table
from logicrm_edu.grading.answers import roundtrip
from logicrm_edu.submissions import build_submission, load_specs, resolved

from .helpers import run_answers

ROOT = Path(__file__).parents[2]
STYLES = ROOT / "autograder" / "abc_tiering" / "styles"
CHART_SPECS = load_specs(STYLES / "charts.toml")
SPECS = {**load_specs(ROOT / "autograder" / "abc_tiering" / "submissions.toml"), **CHART_SPECS}
EXPECTED = pd.read_csv(STYLES / "charts_expected.csv").set_index("submission")
STEPS = ("step2_answer", "step3_answer", "step4_answer", "step5_answer")
# The mistake each row that loses step-5 points is about (its hint must name it).
MISTAKES = {
    "chart_no_class_letters": "checks.chart_no_classes",
    "chart_colours_no_legend": "checks.chart_classes_no_legend",
    "chart_no_title": "checks.chart_missing_labels",
    "chart_line_not_100": "checks.chart_line_not_100",
    "chart_percent_scale_wrong": "checks.chart_line_percent_scale",
    "chart_bars_unsorted_only": "checks.chart_not_from_table",
    "chart_from_unsorted_copy": "checks.chart_not_from_table",
}
FOLLOWED = {"chart_from_ascending_table"}


def test_every_chart_style_has_hand_worked_scores():
    assert set(CHART_SPECS) == set(EXPECTED.index) and len(CHART_SPECS) >= 12
    cells = [c for c in EXPECTED.columns if c.startswith("step")]
    assert (EXPECTED[cells].sum(axis=1) - EXPECTED["total"]).abs().max() < 1e-9
    assert set(MISTAKES) | FOLLOWED <= set(EXPECTED.index)


@pytest.mark.parametrize("name", list(CHART_SPECS))
def test_chart_style_scores_as_worked_out_by_hand(name, release, monkeypatch):
    notebook = build_submission(release, resolved(SPECS, name))
    ns = run_answers(notebook, STEPS, monkeypatch)
    data = load_dataset("changhai")
    row = EXPECTED.loc[name]
    audit = check_audit(ns["n_customers"], ns["total_revenue"], ns["n_missing"], data)
    assert audit.passed == (row["step2_test"] == 1)
    assert check_share_table(ns["table"], data).passed == (row["step3_test"] == 2)

    verdict = check_chart(roundtrip(ns["ax"]), data, Scheme(**ns["SCHEME"]),
                          student_table=roundtrip(ns["tiered"]), **CHECK_OPTIONS)
    assert verdict.score * 1 == pytest.approx(row["step5_test"], abs=1e-4), verdict.message()
    assert verdict.score * 2 == pytest.approx(row["step5_hidden"], abs=1e-4), verdict.message()
    assert verdict.mistake == MISTAKES.get(name), verdict.message()
    assert verdict.follow_through == (name in FOLLOWED)
