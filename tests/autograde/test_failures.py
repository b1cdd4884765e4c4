"""Submissions that break things: each still gets a result, the batch goes on.

- a memory bomb hits the kernel's memory limit (MemoryError): only the affected
  steps score 0, with a note;
- a kernel that dies (here ``os._exit``): the cells from there on score 0, the
  steps before keep their points, with a note (nbgrader alone would drop the
  whole submission);
- a notebook nbgrader cannot read: "failed", the autograded cells 0 and flagged;
- a kernel that ignores interrupts and hangs past the submission deadline: its
  worker is killed (with the kernel) and replaced, "failed" with zeros.
"""
import psutil
import pytest

from logicrm_edu.autograde import autograde_submissions, batch
from logicrm_edu.i18n import t
from logicrm_edu.course.nbgrader_app import cell_scores

from .courses import ASSIGNMENT, EXPECTED, TEST_CELLS, grade_rows, integrity, spec_with

BOMB = "hog = bytearray(8 * 1024 ** 3)"
GROWING_BOMB = "hog = []\nwhile True:\n    hog.append(bytearray(10 ** 7))"
CRASH = "import os\nos._exit(3)"
HANG_MARK = "7777.13"  # a helper process the hanging kernel starts: it must die with it
HANG = ("import signal, subprocess\n"
        f"subprocess.Popen(['sleep', '{HANG_MARK}'])\n"
        "signal.signal(signal.SIGINT, signal.SIG_IGN)\nwhile True:\n    pass")


def scores_of(course, student) -> dict:
    rows = cell_scores(course, ASSIGNMENT)
    return rows[rows["student"] == student].set_index("cell")["score"].to_dict()


def expected(kind: str) -> dict:
    return EXPECTED.loc[kind, TEST_CELLS].to_dict()


@pytest.fixture(scope="module")
def broken(generated_course, tmp_path_factory):
    import shutil

    from .courses import write_submissions
    root = tmp_path_factory.mktemp("broken") / "course"
    shutil.copytree(generated_course, root)
    config = root / "nbgrader_config.py"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "memory_limit_mb = 1024", "memory_limit_mb = 512"), encoding="utf-8")
    write_submissions(root, {
        "a_bomb": spec_with(step3_answer=BOMB),
        "b_growing_bomb": spec_with(step3_answer=GROWING_BOMB),
        "c_crash": spec_with(step4_answer=CRASH),
        "d_unreadable": b"this is not a notebook",
        "e_fine": "correct_reference",
    })
    results = autograde_submissions(root, ASSIGNMENT, workers=2, progress=False)
    return root, {r.student: r for r in results}


@pytest.mark.parametrize("student", ["a_bomb", "b_growing_bomb"])
def test_memory_bomb_zero_for_affected_steps_with_note(broken, student):
    course, results = broken
    assert results[student].status == "graded"
    assert results[student].note == t("autograde.cell_memory", cell="step3_answer")
    # step 3 raised, so like broken_exception: step 2 kept, steps 3-5 zero
    assert {c: scores_of(course, student)[c] for c in TEST_CELLS} == expected("broken_exception")


def test_dead_kernel_keeps_earlier_steps_zero_after(broken):
    course, results = broken
    assert results["c_crash"].status == "graded"
    assert results["c_crash"].note == t("autograde.kernel_died", cell="step4_answer")
    scores = scores_of(course, "c_crash")
    assert [scores[c] for c in ("step2_test", "step2_hidden", "step3_test", "step3_hidden")] == [1, 1, 2, 2]
    assert [scores[c] for c in ("step4_test", "step4_hidden", "step5_test", "step5_hidden")] == [0] * 4


def test_unreadable_notebook_fails_with_zeros_flagged(broken):
    course, results = broken
    result = results["d_unreadable"]
    assert result.status == "failed"
    assert result.note.startswith(t("autograde.failed", reason=""))
    assert "JSON" in result.note  # nbgrader's reason
    rows = grade_rows(course)
    mine = rows[rows["student"] == "d_unreadable"].set_index("cell")
    assert (mine.loc[TEST_CELLS, "auto_score"] == 0).all()
    assert mine.loc[TEST_CELLS, "needs_manual_grade"].all()
    assert not (course / "autograded" / "d_unreadable" / ASSIGNMENT).exists()


def test_batch_went_on_and_gradebook_is_intact(broken):
    course, results = broken
    assert results["e_fine"].status == "graded" and results["e_fine"].note == ""
    assert {c: scores_of(course, "e_fine")[c] for c in TEST_CELLS} == expected("correct_reference")
    assert integrity(course) == "ok"
    assert not grade_rows(course).duplicated(["student", "cell"]).any()


def test_rerun_skips_graded_and_retries_the_failed_one(broken):
    course, _ = broken
    again = {r.student: r.status for r in autograde_submissions(course, ASSIGNMENT, progress=False)}
    assert again == {"a_bomb": "skipped", "b_growing_bomb": "skipped", "c_crash": "skipped",
                     "d_unreadable": "failed", "e_fine": "skipped"}


def test_unknown_student_or_assignment_raises(broken):
    course, _ = broken
    with pytest.raises(LookupError, match="nobody"):
        autograde_submissions(course, ASSIGNMENT, students=["e_fine", "nobody"], progress=False)
    with pytest.raises(LookupError, match="no_such_assignment"):
        autograde_submissions(course, "no_such_assignment", progress=False)


def test_hang_past_deadline_is_killed_and_the_batch_goes_on(make_course, monkeypatch, capsys):
    course = make_course({"a_hang": spec_with(step2_answer=HANG), "b_fine": "correct_reference",
                          "c_fine": "mistake_ascending"}, timeout=2)
    monkeypatch.setattr(batch, "submission_deadline", lambda budget, test_cells: 5.0)
    results = {r.student: r for r in autograde_submissions(course, ASSIGNMENT, workers=1,
                                                           progress=True)}
    assert results["a_hang"].status == "failed"
    assert t("autograde.failed.deadline", seconds=5) in results["a_hang"].note
    assert 5 <= results["a_hang"].seconds < 30
    assert results["b_fine"].status == results["c_fine"].status == "graded"  # on a new worker
    assert {c: scores_of(course, "c_fine")[c] for c in TEST_CELLS} == expected("mistake_ascending")
    rows = grade_rows(course).set_index(["student", "cell"])
    assert (rows.loc["a_hang"].loc[TEST_CELLS, "auto_score"] == 0).all()
    assert t("autograde.progress") in capsys.readouterr().err
    # the hanging kernel died with its worker, and so did what it started
    leftovers = [p for p in psutil.process_iter(["cmdline"])
                 if HANG_MARK in " ".join(p.info["cmdline"] or [])]
    assert not leftovers


def test_workers_that_cannot_start_leave_the_gradebook_alone(tmp_path, monkeypatch):
    from logicrm_edu.autograde.pool import Sandbox, run_pool
    from logicrm_edu.sandbox.limits import Limits

    monkeypatch.setenv("PATH", str(tmp_path))  # the workers find no bubblewrap
    outcomes = []
    run_pool(["s1", "s2"], workers=2, course_dir=str(tmp_path / "no-course"), assignment=ASSIGNMENT,
             sandbox=Sandbox(True, Limits()), deadline=lambda student: None,
             on_outcome=outcomes.append)
    assert sorted(o.student for o in outcomes) == ["s1", "s2"]
    assert all(not o.ok and not o.charged for o in outcomes)
    assert {o.failure.key for o in outcomes} == {"autograde.failed.no_worker"}
