"""A batch killed with SIGKILL mid-way: its processes die, and a rerun grades exactly
the rest, with no lost or duplicated grades and an intact gradebook, saying whom the
killed run was grading.  Stopped with SIGTERM, the command itself says so."""
import subprocess
import sys
import time
from pathlib import Path

import psutil

from logicrm_edu.autograde import autograde_submissions
from logicrm_edu.i18n import t
from logicrm_edu.course.nbgrader_app import cell_scores

from .courses import ASSIGNMENT, EXPECTED, TEST_CELLS, grade_rows, integrity, spec_with

KINDS = ["correct_reference", "mistake_ascending", "broken_exception", "correct_loops",
         "mistake_fraction", "broken_not_done", "mistake_ties_split", "correct_library",
         "broken_empty", "mistake_chart_no_line"]
PLAN = {f"s{i:02d}": kind for i, kind in enumerate(KINDS)}


def _wait_for_entries(ledger, count: int, process, timeout: float = 180) -> None:
    end = time.monotonic() + timeout
    while len(list(ledger.glob("*.json"))) < count:
        assert process.poll() is None, "the batch ended before it could be killed"
        assert time.monotonic() < end, "no progress"
        time.sleep(0.05)


def test_rerun_after_kill_9_completes_the_rest(make_course):
    course = make_course(PLAN)
    script = ("from logicrm_edu.autograde import autograde_submissions\n"
              f"autograde_submissions({str(course)!r}, {ASSIGNMENT!r}, workers=2, progress=False)\n")
    batch = subprocess.Popen([sys.executable, "-c", script])
    ledger = course / ".logicrm" / "autograde" / ASSIGNMENT
    _wait_for_entries(ledger, 3, batch)
    family = psutil.Process(batch.pid).children(recursive=True)  # workers, zygotes, kernels
    batch.kill()
    batch.wait()
    _, alive = psutil.wait_procs(family, timeout=15)
    assert not alive, "workers, zygotes or kernels outlived the killed batch"

    done_before = {path.stem for path in ledger.glob("*.json")}
    assert 3 <= len(done_before) < len(PLAN)
    in_progress = {path.name[: -len(".grading")] for path in ledger.glob("*.grading")}
    assert 1 <= len(in_progress) <= 2 and not in_progress & done_before
    results = autograde_submissions(course, ASSIGNMENT, workers=2, progress=False)
    for result in results:  # whom the killed run was grading is said, and they are graded
        assert (result.note.startswith(t("autograde.was_interrupted"))
                == (result.student in in_progress)), result
    statuses = {r.student: r.status for r in results}
    assert {s for s, status in statuses.items() if status == "skipped"} == done_before
    assert {s for s, status in statuses.items() if status == "graded"} == set(PLAN) - done_before, \
        {r.student: (r.status, r.note) for r in results}

    assert integrity(course) == "ok"
    rows = grade_rows(course)
    assert not rows.duplicated(["student", "cell"]).any()
    assert rows.groupby("student").size().to_dict() == {s: 10 for s in PLAN}
    table = cell_scores(course, ASSIGNMENT).pivot_table(index="student", columns="cell", values="score")
    for student, kind in PLAN.items():
        assert table.loc[student, TEST_CELLS].to_dict() == EXPECTED.loc[kind, TEST_CELLS].to_dict(), student

    third = autograde_submissions(course, ASSIGNMENT, workers=2, progress=False)
    assert {r.status for r in third} == {"skipped"}


def test_sigterm_says_whom_it_was_grading_and_the_rerun_goes_on(make_course):
    course = make_course({"a_slow": spec_with(step2_answer="import time; time.sleep(30)"),
                          "b_fine": "correct_reference"})
    logicrm = Path(sys.executable).with_name("logicrm")
    batch = subprocess.Popen([str(logicrm), "autograde", ASSIGNMENT, "--course", str(course),
                              "--workers", "1", "--lang", "en"],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    marker = course / ".logicrm" / "autograde" / ASSIGNMENT / "a_slow.grading"
    end = time.monotonic() + 120
    while not marker.exists():
        assert batch.poll() is None and time.monotonic() < end, batch.communicate()
        time.sleep(0.05)
    batch.terminate()
    out, err = batch.communicate(timeout=60)
    assert batch.returncode == 1
    assert "grading stopped: a_slow were not finished" in out + err
    rerun = {r.student: r for r in autograde_submissions(course, ASSIGNMENT, workers=1,
                                                           progress=False)}
    assert rerun["a_slow"].status == "graded"
    assert rerun["a_slow"].note.startswith(t("autograde.was_interrupted"))


def test_changed_submission_is_regraded(make_course):
    from .courses import write_submissions
    course = make_course({"s01": "mistake_ascending", "s02": "correct_reference"})
    assert {r.status for r in autograde_submissions(course, ASSIGNMENT, workers=1, progress=False)} == {"graded"}
    write_submissions(course, {"s01": "correct_reference"})  # the student handed in again
    again = {r.student: r.status for r in autograde_submissions(course, ASSIGNMENT, workers=1,
                                                                progress=False)}
    assert again == {"s01": "graded", "s02": "skipped"}
    table = cell_scores(course, ASSIGNMENT).pivot_table(index="student", columns="cell", values="score")
    assert table.loc["s01", TEST_CELLS].to_dict() == EXPECTED.loc["correct_reference", TEST_CELLS].to_dict()
    forced = autograde_submissions(course, ASSIGNMENT, students=["s02"], force=True, progress=False)
    assert [(r.student, r.status) for r in forced] == [("s02", "graded")]
