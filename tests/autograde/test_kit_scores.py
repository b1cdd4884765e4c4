"""Every grading-kit submission: the batch gives nbgrader's scores, cell for cell.

The batch (``autograde_submissions``, 2 workers, forked kernels) grades every
kit submission; its scores must equal the hand-worked
``autograder/abc_tiering/expected_scores.csv`` (which tests/test_grading_kit.py checks
against nbgrader).  The ``nbgrader autograde`` CLI (sequential, ordinary
kernels) grades a subset covering every path through nbgrader, and the
gradebooks must agree on each of its grade cells (score, auto and manual
scores, max score, needs-manual-grade flag); and the autograded notebooks must hold the
same outputs: the forked kernel behaves like a normal ipykernel (inline
matplotlib figures, cwd in the student's folder, rich display outputs).
"""
import json
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pandas as pd
import pytest

from logicrm_edu.autograde import GradingResult, autograde_submissions
from logicrm_edu.course.nbgrader_app import cell_scores

from .courses import (ASSIGNMENT, EXPECTED, NOTEBOOK, SPECS, TEST_CELLS, grade_rows, integrity,
                      write_submissions)

COLUMNS = ["score", "max_score", "auto_score", "manual_score", "needs_manual_grade"]
# Every way a submission can go through nbgrader (full marks, partial credit, an
# error, a timeout, a deleted / edited test cell, an empty notebook, unfinished
# steps); the other kit submissions differ from these only in the answers'
# code, and all of them are checked against the hand-worked scores.  (The
# benchmark compares all kit submissions with the CLI, 40 at a time.)
BY_NBGRADER = ["correct_reference", "correct_library", "mistake_fraction", "broken_exception",
               "broken_infinite_loop", "broken_deleted_test", "broken_edited_test",
               "broken_empty", "broken_not_done"]


@pytest.fixture(scope="module")
def graded(generated_course, tmp_path_factory):
    """(course graded by ``nbgrader autograde``, course graded by the batch, the batch's
    results).  The batch grades every kit submission; the CLI, at the same time,
    grades those of :data:`BY_NBGRADER` in its own copy.  The cell timeout is 5 s in
    both (the infinite loop's score does not depend on it)."""
    courses = {}
    for which, names in (("nbgrader", BY_NBGRADER), ("batch", list(SPECS))):
        root = tmp_path_factory.mktemp(which) / "course"
        shutil.copytree(generated_course, root)
        config = root / "nbgrader_config.py"
        config.write_text(config.read_text(encoding="utf-8").replace(
            "c.SandboxedExecute.timeout = 10", "c.SandboxedExecute.timeout = 5"), encoding="utf-8")
        write_submissions(root, {name: name for name in names})
        courses[which] = root
    nbgrader = Path(sys.executable).with_name("nbgrader")
    cli = subprocess.Popen([str(nbgrader), "autograde", ASSIGNMENT, "--force"], cwd=courses["nbgrader"],
                           stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        results = autograde_submissions(courses["batch"], ASSIGNMENT, workers=2, progress=False)
    finally:
        _, log = cli.communicate(timeout=600)
    assert cli.returncode == 0, log.decode(errors="replace")[-2000:]
    return courses["nbgrader"], courses["batch"], results


def _scores(root) -> pd.DataFrame:
    return cell_scores(root, ASSIGNMENT).set_index(["student", "notebook", "cell"])[COLUMNS].sort_index()


def test_one_graded_result_per_student_in_order(graded):
    _, _, results = graded
    assert all(isinstance(r, GradingResult) for r in results)
    assert [r.student for r in results] == sorted(SPECS)
    assert {r.status for r in results} == {"graded"}, results
    assert all(r.seconds > 0 for r in results)


def test_gradebook_equals_nbgrader_cell_for_cell(graded):
    by_nbgrader, by_batch, _ = graded
    ours = _scores(by_batch)
    ours = ours[ours.index.get_level_values("student").isin(BY_NBGRADER)]
    pd.testing.assert_frame_equal(_scores(by_nbgrader), ours)


def test_scores_equal_hand_worked_expected(graded):
    _, by_batch, _ = graded
    table = cell_scores(by_batch, ASSIGNMENT).pivot_table(index="student", columns="cell", values="score")
    mismatches = {(s, c): (table.loc[s, c], EXPECTED.loc[s, c])
                  for s in EXPECTED.index for c in TEST_CELLS if table.loc[s, c] != EXPECTED.loc[s, c]}
    assert not mismatches


def test_gradebook_intact_without_duplicates(graded):
    _, by_batch, _ = graded
    assert integrity(by_batch) == "ok"
    rows = grade_rows(by_batch)
    assert not rows.duplicated(["student", "cell"]).any()
    assert rows.groupby("student").size().nunique() == 1  # every student: every grade cell once


def test_timeout_is_noted_and_others_have_no_note(graded):
    _, _, results = graded
    notes = {r.student: r.note for r in results}
    assert "step4_answer" in notes.pop("broken_infinite_loop")
    assert set(notes.values()) == {""}


def _outputs(nb):
    """Per code cell: output types, stream texts, rich-output mime types, error names.

    Consecutive stream outputs are joined: how a kernel splits one print into
    messages depends on timing, not on the kernel."""
    summary = []
    for cell in nb.cells:
        if cell.cell_type == "code":
            outputs = []
            for o in cell.outputs:
                item = (o.output_type, o.get("name"), o.get("text"), sorted(o.get("data", {})),
                        o.get("ename"), o.get("evalue"))
                if outputs and item[0] == "stream" and outputs[-1][:2] == item[:2]:
                    last = outputs.pop()
                    item = last[:2] + (last[2] + item[2],) + last[3:]
                outputs.append(item)
            summary.append(outputs)
    return summary


@pytest.mark.parametrize("student", BY_NBGRADER)
def test_autograded_notebooks_have_the_same_outputs(graded, student):
    by_nbgrader, by_batch, _ = graded
    ours, theirs = (nbformat.read(root / "autograded" / student / ASSIGNMENT / NOTEBOOK, 4)
                    for root in (by_batch, by_nbgrader))
    assert _outputs(ours) == _outputs(theirs)
    if student == "correct_reference":  # the chart came out as an inline PNG
        assert any("image/png" in o.get("data", {}) for c in ours.cells for o in c.get("outputs", []))


def test_every_cells_record_matches_the_gradebook_and_typed_in_answers_are_named(graded):
    _, by_batch, _ = graded
    folder = by_batch / ".logicrm" / "verdicts" / ASSIGNMENT
    records = {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in folder.glob("*.json")}
    graded_students = set(SPECS) - {"broken_empty"}  # nothing to run: no record
    assert set(records) >= graded_students
    scores = cell_scores(by_batch, ASSIGNMENT).set_index(["student", "cell"])["score"]
    for student, record in records.items():
        for cell, kept in record["cells"].items():
            assert kept["score"] == pytest.approx(scores[(student, cell)]), (student, cell)
    typed = records["mistake_typed_in"]
    assert typed["hardcoded"] == ["step2", "step3", "step4", "step5"]
    assert {cell: kept["mistake"] for cell, kept in typed["cells"].items() if kept["hardcoded"]} \
        == {f"step{n}_hidden": "checks.hardcoded" for n in (2, 3, 4, 5)}
    assert [s for s, r in records.items() if r["hardcoded"]] == ["mistake_typed_in"]
