"""The small parts: notes, failure reasons, the ledger, the lock, deadlines, size limits."""
import subprocess
import sys

from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

from logicrm_edu.autograde import batch
from logicrm_edu.autograde.batch import submission_deadline
from logicrm_edu.autograde.course import CourseAssignment
from logicrm_edu.autograde.ledger import Ledger, fingerprint
from logicrm_edu.autograde.lock import GradebookLock
from logicrm_edu.autograde.notes import notebook_notes
from logicrm_edu.autograde.results import Note, note_text
from logicrm_edu.autograde.worker import MAX_NOTEBOOK_MB, failure_reason, oversized_notebook
from logicrm_edu.grading.handover import HANDOVER_TIMEOUT

from .courses import ASSIGNMENT


def _error(ename):
    return new_output("error", ename=ename, evalue="", traceback=[])


def test_notes_name_the_cells_that_timed_out_ran_out_of_memory_or_killed_the_kernel():
    nb = new_notebook(cells=[
        new_markdown_cell("# task"),
        new_code_cell("x", metadata={"nbgrader": {"grade_id": "step4_answer"}}, outputs=[_error("CellTimeoutError")]),
        new_code_cell("y", outputs=[_error("MemoryError")]),
        new_code_cell("z", outputs=[_error("KeyError")]),
        new_code_cell("w", outputs=[_error("DeadKernelError")]),
    ])
    assert notebook_notes(nb, timeout=10) == [
        Note("autograde.cell_timeout", {"cell": "step4_answer", "seconds": 10}),
        Note("autograde.cell_memory", {"cell": "#3"}),
        Note("autograde.kernel_died", {"cell": "#5"}),
    ]
    assert note_text(notebook_notes(nb, timeout=10)[:2], "en") == (
        "cell step4_answer ran longer than 10 s and was interrupted; cell #3 ran out of its memory limit")


def test_failure_reason_is_the_first_real_exception_line():
    log = ("[INFO] Sanitizing x\n[ERROR] There was an error processing assignment: y\n"
           "[ERROR] Traceback (most recent call last):\n  File \"a.py\", line 1\n"
           "nbformat.reader.NotJSONError: Notebook does not appear to be JSON: 'this is'\n"
           "nbgrader.converters.base.NbGraderException: Please see the error log\n")
    assert failure_reason(log).startswith("nbformat.reader.NotJSONError: Notebook does not appear")
    assert failure_reason("just words\n\n") == "just words"


def test_ledger_entry_means_this_very_submission(make_course):
    course = CourseAssignment.load(make_course({"s1": "correct_reference"}), ASSIGNMENT)
    ledger, print_ = Ledger(course), fingerprint(course, "s1")
    assert not ledger.is_current("s1", print_, {"s1"})
    (course.autograded("s1")).mkdir(parents=True)
    (course.autograded("s1") / "abc_tiering.ipynb").write_text("{}")
    ledger.record("s1", print_, seconds=1.0)
    assert ledger.is_current("s1", print_, {"s1"})
    assert not ledger.is_current("s1", print_, set())  # not in the gradebook (e.g. a new db)
    (course.submitted("s1") / "notes.txt").write_text("resubmitted")
    assert fingerprint(course, "s1") != print_
    (course.autograded("s1") / "abc_tiering.ipynb").unlink()
    assert not ledger.is_current("s1", print_, {"s1"})
    ledger.forget("s1")
    ledger.forget("s1")  # idempotent


def test_gradebook_lock_excludes_other_processes(tmp_path):
    path = tmp_path / "gradebook.lock"
    probe = ("import fcntl, os, sys\nfd = os.open(sys.argv[1], os.O_RDWR | os.O_CREAT)\n"
             "try:\n    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)\nexcept BlockingIOError:\n"
             "    sys.exit(3)\n")
    lock = GradebookLock(path)
    with lock:
        with lock:  # re-entrant in one process
            assert subprocess.run([sys.executable, "-c", probe, str(path)]).returncode == 3
    assert subprocess.run([sys.executable, "-c", probe, str(path)]).returncode == 0


def test_the_ledger_says_whom_a_stopped_run_was_grading(make_course):
    course = CourseAssignment.load(make_course({"s1": "correct_reference"}), ASSIGNMENT)
    ledger = Ledger(course)
    ledger.start("s1")
    ledger.start("s2")
    ledger.finish("s1")
    assert Ledger(course).interrupted() == ["s2"]  # a new run reads what the last one left
    ledger.finish("s2")
    assert ledger.interrupted() == []


def test_the_deadline_of_a_submission_does_not_grow_with_its_cells():
    # slack + per run (handed data, unseen data) the notebook's time budget + one hand-over
    # per test cell, whatever the notebook
    assert submission_deadline(120, 8) == batch.DEADLINE_SLACK + 2 * (120 + 8 * HANDOVER_TIMEOUT)


def test_a_notebook_over_the_size_limit_is_not_read(make_course):
    course = CourseAssignment.load(make_course({"s1": "correct_reference"}), ASSIGNMENT)
    assert oversized_notebook(course, "s1") is None
    with open(course.submitted("s1") / "abc_tiering.ipynb", "ab") as fh:
        fh.truncate((MAX_NOTEBOOK_MB + 1) * 1024 * 1024)
    assert oversized_notebook(course, "s1") == {"size": MAX_NOTEBOOK_MB + 1,
                                                "limit": MAX_NOTEBOOK_MB}
