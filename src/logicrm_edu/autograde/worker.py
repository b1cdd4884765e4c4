"""A batch worker: one process that autogrades the students it is sent, one at a
time, with nbgrader's Autograde in-process and kernels forked from its own zygote.

Protocol on the worker's end of a ``multiprocessing`` pipe: the worker sends
``("ready", pid)`` once its zygote is warm, then answers every student id it
receives with ``("done", outcome)`` (a plain dict, see :func:`grade`); ``None``
ends it.  The worker dies with the batch process (``PR_SET_PDEATHSIG``), and
its zygote and kernels die with it.
"""
from __future__ import annotations

import logging
import os
import re
import signal
import time
import warnings
from pathlib import Path

import nbformat
from nbgrader.utils import capture_log

from .course import CourseAssignment
from .forked_kernel import Zygote, ZygoteError
from .nbgrader_autograde import BatchAutograde
from .notes import notebook_notes
from .zygote import die_with_parent

RETRIES = 2  # a locked database (another program writing) or a lost zygote
RETRYABLE = ("database is locked", "ZygoteError")


class ZygoteKeeper:
    """The worker's zygote, restarted if it dies; None (ordinary kernels) if it cannot start."""

    def __init__(self, log_path: Path | None):
        self.log_path = log_path
        self.zygote: Zygote | None = None
        self.failures = 0

    def get(self) -> Zygote | None:
        if self.zygote is not None and self.zygote.alive():
            return self.zygote
        if self.zygote is not None:
            self.zygote.close()
            self.zygote = None
        if self.failures >= 2:
            return None
        try:
            log = open(self.log_path, "ab") if self.log_path else None
            try:
                self.zygote = Zygote(log=log)
            finally:
                if log:
                    log.close()
        except (ZygoteError, OSError):
            self.failures += 1
        return self.zygote

    def close(self) -> None:
        if self.zygote is not None:
            self.zygote.close()
            self.zygote = None


def grade(course: CourseAssignment, student: str, zygotes: ZygoteKeeper,
          memory_limit_mb: int | None) -> dict:
    """Autograde one student.  Returns ``{"student", "ok", "seconds", "notes": [(key,
    fields)], "reason"}``; ``ok`` False means nbgrader gave up on the submission."""
    start = time.perf_counter()
    for attempt in range(RETRIES + 1):
        coursedir = course.coursedir
        coursedir.assignment_id, coursedir.student_id = course.assignment, student
        app = BatchAutograde(coursedir=coursedir, config=course.config, zygote=zygotes.get(),
                             lock=course.lock, memory_limit_mb=memory_limit_mb)
        app.force, app.create_student = True, True
        result = capture_log(app)
        text = (result.get("log") or "") + (result.get("error") or "")
        if result["success"] or not any(marker in text for marker in RETRYABLE):
            break
        time.sleep(0.5 * (attempt + 1))
    outcome = {"student": student, "ok": bool(result["success"]), "notes": [], "reason": ""}
    if outcome["ok"]:
        outcome["notes"] = [(n.key, n.fields) for n in autograded_notes(course, student)]
    else:
        outcome["reason"] = failure_reason(text)
    outcome["seconds"] = time.perf_counter() - start
    return outcome


def autograded_notes(course: CourseAssignment, student: str):
    notes = []
    for path in sorted(course.autograded(student).glob("*.ipynb")):
        notes += notebook_notes(nbformat.read(path, as_version=4), timeout=course.cell_timeout)
    return notes


_EXCEPTION_LINE = re.compile(r"^([A-Za-z_][\w.]*(Error|Exception|Exit)): ?(.*)$")


def failure_reason(log: str) -> str:
    """The first exception line of nbgrader's log that is not its generic wrap-up."""
    for line in log.splitlines():
        match = _EXCEPTION_LINE.match(line.strip())
        if match and not match.group(1).endswith("NbGraderException"):
            return line.strip()[:300]
    lines = [line.strip() for line in log.splitlines() if line.strip()]
    return lines[-1][:300] if lines else ""


def _quiet() -> None:
    """nbgrader logs through traitlets' logger and SQLAlchemy warns (harmlessly, see the
    course notes); in a worker both would scribble over the progress bar."""
    logger = logging.getLogger("traitlets")
    logger.setLevel(logging.INFO)
    logger.propagate = False
    logger.addHandler(logging.NullHandler())
    warnings.simplefilter("ignore")


def worker_main(connection, course_dir: str, assignment: str, memory_limit_mb: int | None,
                parent: int, log_path: str | None = None) -> None:
    die_with_parent(parent)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the batch process handles Ctrl-C
    _quiet()
    zygotes = ZygoteKeeper(Path(log_path) if log_path else None)
    try:
        zygotes.get()
        course = CourseAssignment.load(course_dir, assignment)
        connection.send(("ready", os.getpid()))
        while True:
            try:
                student = connection.recv()
            except EOFError:
                break
            if student is None:
                break
            connection.send(("done", grade(course, student, zygotes, memory_limit_mb)))
    finally:
        zygotes.close()
