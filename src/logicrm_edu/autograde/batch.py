"""``autograde_submissions``: the batch, from the submitted folders to the results."""
from __future__ import annotations

from tqdm import tqdm

from ..grading.context import check_setup
from ..grading.data_check import check_course
from ..grading.handover import HANDOVER_TIMEOUT
from ..i18n import t
from ..sandbox.probe import require_sandbox
from .course import CourseAssignment
from .ledger import Ledger, fingerprint
from .pool import Outcome, Sandbox, run_pool
from .results import GradingResult, Note, join_notes, note_text

# A submission may take this long beyond its cells' timeouts before its worker is killed.
DEADLINE_SLACK = 120.0


class AssignmentNotGenerated(LookupError):
    """The gradebook has no such assignment (``nbgrader generate_assignment`` first)."""


class UnknownStudents(LookupError):
    """Students asked for who have no submission of the assignment."""


class BatchInterrupted(Exception):
    """The batch was stopped (Ctrl-C, SIGTERM) while grading ``students``; a rerun
    grades them (and whoever was not reached) again."""

    def __init__(self, students: list[str]):
        super().__init__(", ".join(students))
        self.students = students


def autograde_submissions(course_dir, assignment: str, *, students=None, workers: int = 2,
                          force: bool = False, progress: bool = True,
                          sandboxed: bool = True) -> list[GradingResult]:
    """Autograde the submissions of ``assignment`` in ``course_dir`` on ``workers``
    processes, with nbgrader's own Autograde (same scores as ``nbgrader autograde``).
    Students' code runs in the sandbox (:mod:`logicrm_edu.sandbox`) and the tests are
    judged outside it (:mod:`logicrm_edu.grading`).

    - ``students``: only these ids (default: every folder ``submitted/*/<assignment>/``);
      an id without a submission raises LookupError.
    - ``force``: regrade submissions already graded in an earlier run.  Without it a
      student is skipped when the ledger shows this very submission (same files) was
      graded and its scores are in the gradebook; so a rerun after a crash or kill
      grades exactly the students whose scores are missing or outdated.
    - ``sandboxed``: False only when the teacher explicitly asked for unsandboxed
      grading; otherwise :class:`~logicrm_edu.sandbox.probe.SandboxUnavailable` is
      raised where no sandbox is possible.
    - Limits (memory, processes, disk, CPU, time per cell and per notebook, output):
      the course config's ``SandboxedExecute`` settings; a cell that exceeds one fails
      (or the kernel dies) and only the affected test cells score 0.

    Returns one :class:`GradingResult` per student, in student order.  A submission
    that breaks the grader, hangs past its deadline or kills its worker is reported
    as ``"failed"`` (autograded cells 0 in the gradebook, flagged for manual grading)
    and the batch goes on; it is tried again by the next run.  Gradebook writes of
    the workers are serialised (:mod:`.lock`).  Raises :class:`AssignmentNotGenerated`
    when the gradebook lacks the assignment and
    :class:`~logicrm_edu.grading.context.TeacherSetupError` when its notebooks cannot be
    graded (a test cell that is not a task line, an unknown step).
    """
    course = CourseAssignment.load(course_dir, assignment)
    if not course.has_assignment():
        raise AssignmentNotGenerated(t("autograde.no_assignment", assignment=assignment))
    with course.gradebook() as gb:
        check_setup(gb, assignment)
    if sandboxed:
        require_sandbox()
    settings = course.execute_settings()
    sandbox = Sandbox(sandboxed, settings.limits())
    chosen = _chosen_students(course, students)
    ledger = Ledger(course)
    prints = {student: fingerprint(course, student) for student in chosen}
    in_gradebook = set() if force else course.students_with_submission()
    results: dict[str, GradingResult] = {}
    interrupted = set(ledger.interrupted())
    to_grade = []
    for student in chosen:
        if not force and ledger.is_current(student, prints[student], in_gradebook):
            results[student] = GradingResult(student, "skipped", 0.0, t("autograde.skipped"))
        else:
            ledger.forget(student)
            to_grade.append(student)

    limit = submission_deadline(settings.submission_timeout, course.test_cells())

    def deadline(student: str) -> float:
        return limit

    bar = tqdm(total=len(chosen), initial=len(chosen) - len(to_grade), disable=not progress,
               desc=t("autograde.progress"), unit=t("autograde.unit"))

    grading: set[str] = set()

    def on_start(student: str) -> None:
        grading.add(student)
        ledger.start(student)

    def on_outcome(outcome: Outcome) -> None:
        result = _settle(course, ledger, outcome, prints[outcome.student])
        if outcome.student in interrupted:
            result.note = join_notes([t("autograde.was_interrupted"), result.note])
        results[outcome.student] = result
        grading.discard(outcome.student)
        ledger.finish(outcome.student)
        bar.update(1)

    course.state_dir.mkdir(parents=True, exist_ok=True)
    log_path = course.state_dir / "kernels.log"
    log_path.write_bytes(b"")
    try:
        run_pool(to_grade, workers=workers, course_dir=str(course.root), assignment=assignment,
                 sandbox=sandbox, deadline=deadline, on_outcome=on_outcome,
                 on_start=on_start, log_path=str(log_path))
    except KeyboardInterrupt:
        raise BatchInterrupted(sorted(grading)) from None
    finally:
        bar.close()
    for student in interrupted - set(chosen):
        ledger.finish(student)  # no longer submitted: nothing to resume
    _note_data_files(course, results, [s for s in to_grade if results[s].status == "graded"])
    return [results[student] for student in chosen]


def _note_data_files(course: CourseAssignment, results: dict, students: list[str]) -> None:
    """Check the data files the graded students handed in; note the flagged ones."""
    if not students:
        return
    for student, check in check_course(course.root, course.assignment, students).items():
        if check.flagged:
            results[student].note = join_notes([results[student].note, check.text()])


def submission_deadline(submission_timeout: float, test_cells: int) -> float:
    """Seconds a worker may spend on one submission before it is killed: for each of
    its two runs (the handed data, then unseen data for the hidden tests) the time
    budget of all its cells and one hand-over of answers per test cell, plus slack
    (the same for every student, however many cells a notebook has).  Catches what
    the time limits cannot (a kernel that ignores interrupts, a stuck grader)."""
    return DEADLINE_SLACK + 2 * (submission_timeout + HANDOVER_TIMEOUT * test_cells)


def _chosen_students(course: CourseAssignment, students) -> list[str]:
    submitted = course.submitted_students()
    if students is None:
        return submitted
    wanted = sorted(set(students))
    unknown = [s for s in wanted if s not in submitted]
    if unknown:
        raise UnknownStudents(t("autograde.unknown_students", assignment=course.assignment,
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
