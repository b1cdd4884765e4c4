"""``autograde_submissions``: the batch, from the submitted folders to the results."""
from __future__ import annotations

from tqdm import tqdm

from ..i18n import t
from .course import CourseAssignment
from .ledger import Ledger, fingerprint
from .pool import Outcome, run_pool
from .results import GradingResult, Note, note_text

# A submission may take this long beyond its cells' timeouts before its worker is killed.
DEADLINE_SLACK = 120.0


def autograde_submissions(course_dir, assignment: str, *, students=None, workers: int = 2,
                          force: bool = False, progress: bool = True,
                          memory_limit_mb: int | None = 1024) -> list[GradingResult]:
    """Autograde the submissions of ``assignment`` in ``course_dir`` on ``workers``
    processes, with nbgrader's own Autograde (same scores as ``nbgrader autograde``).

    - ``students``: only these ids (default: every folder ``submitted/*/<assignment>/``);
      an id without a submission raises LookupError.
    - ``force``: regrade submissions already graded in an earlier run.  Without it a
      student is skipped when the ledger shows this very submission (same files) was
      graded and its scores are in the gradebook; so a rerun after a crash or kill
      grades exactly the students whose scores are missing or outdated.
    - ``memory_limit_mb``: address space each kernel may add to its own libraries
      (``RLIMIT_AS``); a cell that exceeds it fails (MemoryError) or the kernel dies,
      and only the affected test cells score 0.  None: no limit.
    - Per-cell timeout: the course config's ``Execute.timeout``, nbgrader's own mechanism.

    Returns one :class:`GradingResult` per student, in student order.  A submission
    that breaks the grader, hangs past its deadline or kills its worker is reported
    as ``"failed"`` (autograded cells 0 in the gradebook, flagged for manual grading)
    and the batch goes on; it is tried again by the next run.  Gradebook writes of
    the workers are serialised (:mod:`.lock`).  Raises LookupError when the gradebook
    lacks the assignment.
    """
    course = CourseAssignment.load(course_dir, assignment)
    if not course.has_assignment():
        raise LookupError(t("autograde.no_assignment", assignment=assignment))
    chosen = _chosen_students(course, students)
    ledger = Ledger(course)
    prints = {student: fingerprint(course, student) for student in chosen}
    in_gradebook = set() if force else course.students_with_submission()
    results: dict[str, GradingResult] = {}
    to_grade = []
    for student in chosen:
        if not force and ledger.is_current(student, prints[student], in_gradebook):
            results[student] = GradingResult(student, "skipped", 0.0, t("autograde.skipped"))
        else:
            ledger.forget(student)
            to_grade.append(student)

    deadlines: dict[str, float | None] = {}

    def deadline(student: str) -> float | None:
        if student not in deadlines:
            deadlines[student] = submission_deadline(course, student)
        return deadlines[student]

    bar = tqdm(total=len(chosen), initial=len(chosen) - len(to_grade), disable=not progress,
               desc=t("autograde.progress"), unit=t("autograde.unit"))

    def on_outcome(outcome: Outcome) -> None:
        results[outcome.student] = _settle(course, ledger, outcome, prints[outcome.student])
        bar.update(1)

    course.state_dir.mkdir(parents=True, exist_ok=True)
    log_path = course.state_dir / "kernels.log"
    log_path.write_bytes(b"")
    try:
        run_pool(to_grade, workers=workers, course_dir=str(course.root), assignment=assignment,
                 memory_limit_mb=memory_limit_mb, deadline=deadline, on_outcome=on_outcome,
                 log_path=str(log_path))
    finally:
        bar.close()
    return [results[student] for student in chosen]


def submission_deadline(course: CourseAssignment, student: str) -> float | None:
    """Seconds a worker may spend on one submission before it is killed: every code
    cell may use its whole timeout (nbgrader's own limit), plus slack; None when the
    course has no cell timeout.  Catches what the per-cell timeout cannot (a kernel
    that ignores interrupts, a stuck grader)."""
    timeout = course.cell_timeout
    if timeout is None:
        return None
    return DEADLINE_SLACK + timeout * (course.code_cells(student) + 1)


def _chosen_students(course: CourseAssignment, students) -> list[str]:
    submitted = course.submitted_students()
    if students is None:
        return submitted
    wanted = sorted(set(students))
    unknown = [s for s in wanted if s not in submitted]
    if unknown:
        raise LookupError(t("autograde.unknown_students", assignment=course.assignment,
                            students=", ".join(unknown)))
    return wanted


def _settle(course: CourseAssignment, ledger: Ledger, outcome: Outcome, print_: str) -> GradingResult:
    """Record a finished student: a ledger entry when graded, zeros when failed."""
    if outcome.ok:
        ledger.record(outcome.student, print_, seconds=outcome.seconds)
        return GradingResult(outcome.student, "graded", outcome.seconds, note_text(outcome.notes))
    reason = outcome.failure.text() if outcome.failure else ""
    if not outcome.charged:  # the grader's own failure: leave the gradebook alone
        return GradingResult(outcome.student, "failed", outcome.seconds, reason)
    notes = [Note("autograde.failed", {"reason": reason})]
    try:
        course.record_failure(outcome.student)
    except Exception as error:  # the gradebook itself is unusable: still a result
        notes.append(Note("autograde.failed.nbgrader", {"error": f"{type(error).__name__}: {error}"}))
    return GradingResult(outcome.student, "failed", outcome.seconds, note_text(notes))
