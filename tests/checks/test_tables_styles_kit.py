"""The share-table and tiering styles kit (autograder/abc_tiering/styles/tables.toml) confirmed without
the grader.

Each submission is built from the release notebook like the grading kit's, its step 2–4
answer cells run in a plain namespace made by the notebook's own settings cell (in the
notebook's folder, beside customers.xlsx), and steps 2–4 are judged as the assignment
judges them — against the textbook data, on what the grader would receive, steps 3 and
4 also on the student's own step-2 total.  Each step's verdict must give the hand-worked
scores of tables_expected.csv (visible and hidden cells judged alike), a wrong step must
be wrong for the mistake its row is about, and steps 3 and 4 must follow through exactly
where the row says so.
"""
from pathlib import Path

import pandas as pd
import pytest

from logicrm_edu import load_dataset
from logicrm_edu.checks import Scheme, check_audit, check_share_table, check_tiers
from logicrm_edu.grading.answers import roundtrip
from logicrm_edu.submissions import build_submission, load_specs, resolved

from .helpers import run_answers

ROOT = Path(__file__).parents[2]
STYLES = ROOT / "autograder" / "abc_tiering" / "styles"
TABLE_SPECS = load_specs(STYLES / "tables.toml")
SPECS = {**load_specs(ROOT / "autograder" / "abc_tiering" / "submissions.toml"), **TABLE_SPECS}
EXPECTED = pd.read_csv(STYLES / "tables_expected.csv").set_index("submission")
STEPS = ("step2_answer", "step3_answer", "step4_answer")
POINTS = {"step2": (1, 1), "step3": (2, 2), "step4": (1, 2)}
# The mistake (and a word of its message) each wrong step is about.
STEP3 = {
    "mistake_denominator_max": ("checks.wrong_denominator", "最大的一个值 740"),
    "mistake_denominator_count": ("checks.wrong_denominator", "客户数 14"),
    "mistake_denominator_mean": ("checks.wrong_denominator", "平均值 142.86"),
    "mistake_denominator_without_last": ("checks.wrong_denominator", "一部分客户的合计 1990"),
    "mistake_unsorted_groupby_first": ("checks.cumulative_unsorted", "排序之前"),
    "mistake_unsorted_ties_reversed": ("checks.cumulative_unsorted", "排序之前"),
    "mistake_ascending_followed": ("checks.sorted_ascending", "升序"),
    "mistake_round_half_up_then_sum": ("checks.rounding_before_cumsum", "102"),
    "mistake_fraction_compared_with_80": ("checks.share_as_fraction", "0.37"),
    "mistake_not_accumulated": ("checks.not_accumulated", "cumsum"),
}
STEP2 = {"mistake_total_from_step2": ("checks.wrong_total", "2105")}
STEP4 = {
    "mistake_boundary_shift": ("checks.boundary_rule", "客户 3"),
    "mistake_ties_np_select": ("checks.tie_rule", "10、12"),
}
FOLLOWED = {"mistake_denominator_max", "mistake_denominator_count", "mistake_denominator_mean",
            "mistake_denominator_without_last", "mistake_unsorted_groupby_first",
            "mistake_ascending_followed", "mistake_round_half_up_then_sum",
            "mistake_fraction_compared_with_80", "mistake_not_accumulated",
            "mistake_unsorted_ties_reversed", "mistake_total_from_step2"}
FOLLOWED_TOTAL = {"mistake_total_from_step2"}  # step 3 right given the step-2 total


def test_every_table_style_has_hand_worked_scores():
    assert set(TABLE_SPECS) == set(EXPECTED.index) and len(TABLE_SPECS) >= 14
    cells = [c for c in EXPECTED.columns if c.startswith("step")]
    assert (EXPECTED[cells].sum(axis=1) == EXPECTED["total"]).all()
    assert set(STEP2) | set(STEP3) | set(STEP4) | FOLLOWED <= set(EXPECTED.index)


def points(row, step: str, verdict) -> None:
    """The visible and hidden cells of ``step`` score as worked out by hand."""
    visible, hidden = POINTS[step]
    assert (row[f"{step}_test"], row[f"{step}_hidden"]) == \
        ((visible, hidden) if verdict.passed else (0, 0)), verdict.message()


def about(verdict, expected) -> None:
    """A wrong verdict is about the row's mistake; a right one has none expected."""
    key, word = expected or (None, None)
    assert verdict.mistake == key, verdict.message()
    if word:
        assert word in verdict.message("zh"), verdict.message("zh")


@pytest.mark.parametrize("name", list(TABLE_SPECS))
def test_table_style_scores_as_worked_out_by_hand(name, release, monkeypatch):
    notebook = build_submission(release, resolved(SPECS, name))
    ns = run_answers(notebook, STEPS, monkeypatch)
    data = load_dataset("changhai")
    row = EXPECTED.loc[name]

    total = roundtrip(ns["total_revenue"])
    audit = check_audit(*(roundtrip(ns[n]) for n in ("n_customers", "total_revenue",
                                                      "n_missing")), data)
    points(row, "step2", audit)
    about(audit, STEP2.get(name))
    table = check_share_table(roundtrip(ns["table"]), data, student_total=total)
    points(row, "step3", table)
    about(table, STEP3.get(name))
    assert table.follow_through == (name in FOLLOWED_TOTAL), table.message()
    tiers = check_tiers(roundtrip(ns["tiered"]), data, Scheme(**ns["SCHEME"]),
                        student_total=total)
    points(row, "step4", tiers)
    about(tiers, STEP4.get(name))
    assert tiers.follow_through == (name in FOLLOWED), tiers.message()
    if name in FOLLOWED_TOTAL:  # the chain went wrong in step 2, and steps 3-4 say so
        assert "第 2 步" in table.message("zh") and "已在第 2 步扣分" in tiers.message("zh")
