"""The styles kits (autograder/abc_tiering/styles/*.toml) graded end to end by the course's engine.

Each submission of the chart and table styles kits is built from the release,
graded by the batch autograder (sandboxed kernel, tests judged outside it, hidden
lines judged again on unseen data), and its per-cell scores in the gradebook must
equal the hand-worked ``*_expected.csv``.  tests/checks/test_*_styles_kit.py confirm
the same rows without the grader, and name the mistake each row is about.
"""
import pandas as pd
import pytest

from logicrm_edu.autograde import autograde_submissions
from logicrm_edu.course.nbgrader_app import cell_scores
from logicrm_edu.submissions import load_specs, resolved

from .courses import ASSIGNMENT, KIT, SPECS, TEST_CELLS, write_submissions

STYLES = KIT / "styles"
KITS = ("charts", "tables")
STYLE_SPECS = {name: spec for kit in KITS for name, spec in load_specs(STYLES / f"{kit}.toml").items()}
EXPECTED = pd.concat([pd.read_csv(STYLES / f"{kit}_expected.csv") for kit in KITS]).set_index(
    "submission")


def test_every_style_has_hand_worked_scores_that_add_up():
    assert set(STYLE_SPECS) == set(EXPECTED.index)
    assert not set(STYLE_SPECS) & set(SPECS)  # one name, one submission across the kits
    assert (EXPECTED[TEST_CELLS].sum(axis=1) - EXPECTED["total"]).abs().max() < 1e-3


@pytest.fixture(scope="module")
def graded(generated_course, tmp_path_factory):
    import shutil
    root = tmp_path_factory.mktemp("styles") / "course"
    shutil.copytree(generated_course, root)
    everything = {**SPECS, **STYLE_SPECS}  # a style's "base" may be a grading-kit submission
    write_submissions(root, {name: resolved(everything, name) for name in STYLE_SPECS})
    results = autograde_submissions(root, ASSIGNMENT, workers=2, progress=False)
    assert {r.status for r in results} == {"graded"}, results
    return root


def test_the_engine_gives_the_hand_worked_scores(graded):
    table = cell_scores(graded, ASSIGNMENT).pivot_table(index="student", columns="cell",
                                                         values="score")
    mismatches = {(s, c): (table.loc[s, c], EXPECTED.loc[s, c]) for s in EXPECTED.index
                  for c in TEST_CELLS if abs(table.loc[s, c] - EXPECTED.loc[s, c]) > 1e-4}
    assert not mismatches
