"""A batch worker: one process that autogrades the students it is sent, one at a
time, with nbgrader's Autograde in-process and kernels forked from its own zygote.

Started by :class:`.pool.Worker` as a plain subprocess (see :mod:`.launch`)
running :func:`main` with ``FD PARENT_PID COURSE ASSIGNMENT MEMORY_MB LOG``
(not ``multiprocessing``, so that it never re-imports the caller's ``__main__``).  ``FD`` is one end of a ``SOCK_SEQPACKET`` pair carrying one
JSON message per packet: the worker sends ``{"ready": pid}`` once it can
grade, then answers each ``{"student": id}`` with ``{"done": outcome}`` (see
:func:`grade`).  It exits on EOF, and dies with the batch process
(``PR_SET_PDEATHSIG``); its zygote and kernels die with it.
"""
from __future__ import annotations

import json
import logging
import os
import re
import signal
import socket
import sys
import time
import warnings
from pathlib import Path

from .forked_kernel import Zygote, ZygoteError
from .zygote import MAX_MESSAGE, die_with_parent

RETRIES = 2  # a locked database (another program writing) or a lost zygote
RETRYABLE = ("database is locked", "ZygoteError")


def skip_iri_grammar() -> None:
    """Save ~2.7 s of start-up: nbgrader imports jupyter_server, whose jsonschema pulls
    in ``rfc3987_syntax``, which compiles a lark grammar at import for jsonschema's
    optional "iri" format check.  Autograding never checks formats (nbformat,
    nbconvert, nbclient and nbgrader validate without a format checker), and
    jsonschema skips that checker when the import fails.  Only in worker processes."""
    sys.modules.setdefault("rfc3987_syntax", None)


class ZygoteKeeper:
    """The worker's zygote, restarted if it dies; None (ordinary kernels) if it cannot start."""

    def __init__(self, log_path: Path | None):
        self.log_path = log_path
        self.zygote: Zygote | None = None
        self.failures = 0

    def start(self) -> None:
        """Start a zygote (it warms up while the caller does other things).  Linux only
        (fork, pidfd, prctl); elsewhere kernels are spawned as nbgrader does."""
        if not hasattr(os, "pidfd_open"):
            self.failures = 2
        if self.zygote is None and self.failures < 2:
            try:
                log = open(self.log_path, "ab") if self.log_path else None
                try:
                    self.zygote = Zygote(log=log)
                finally:
                    if log:
                        log.close()
            except OSError:
                self.failures += 1

    def get(self) -> Zygote | None:
        if self.zygote is not None and not self.zygote.alive():
            self.zygote.close()
            self.zygote = None
        self.start()
        if self.zygote is not None:
            try:
                self.zygote.wait_ready()
            except ZygoteError:
                self.zygote, self.failures = None, self.failures + 1
                return self.get()
        return self.zygote

    def close(self) -> None:
        if self.zygote is not None:
            self.zygote.close()
            self.zygote = None


def grade(course, student: str, zygotes: ZygoteKeeper, memory_limit_mb: int | None) -> dict:
    """Autograde one student.  Returns ``{"student", "ok", "seconds", "notes": [[key,
    fields], ...], "reason"}``; ``ok`` False means nbgrader gave up on the submission."""
    from nbgrader.utils import capture_log

    from .nbgrader_autograde import BatchAutograde
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
        outcome["notes"] = [[n.key, n.fields] for n in autograded_notes(course, student)]
    else:
        outcome["reason"] = failure_reason(text)
    outcome["seconds"] = time.perf_counter() - start
    return outcome


def autograded_notes(course, student: str):
    import nbformat

    from .notes import notebook_notes
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
    course notes); in a worker both would scribble over the progress bar.  What matters
    is captured per student by ``capture_log``."""
    logger = logging.getLogger("traitlets")
    logger.setLevel(logging.INFO)
    logger.propagate = False
    logger.addHandler(logging.NullHandler())
    warnings.simplefilter("ignore")


def send(channel: socket.socket, message: dict) -> None:
    channel.send(json.dumps(message).encode())


def main(argv: list[str]) -> int:
    fd, parent, course_dir, assignment, memory, log_path = argv
    die_with_parent(int(parent))
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the batch process handles Ctrl-C
    channel = socket.socket(fileno=int(fd))
    zygotes = ZygoteKeeper(Path(log_path) if log_path else None)
    zygotes.start()  # warms up while we import nbgrader
    skip_iri_grammar()
    _quiet()
    from .course import CourseAssignment
    course = CourseAssignment.load(course_dir, assignment)
    memory_limit_mb = int(memory) or None
    try:
        zygotes.get()
        send(channel, {"ready": os.getpid()})
        while True:
            data = channel.recv(MAX_MESSAGE)
            if not data:
                break
            student = json.loads(data)["student"]
            send(channel, {"done": grade(course, student, zygotes, memory_limit_mb)})
    finally:
        zygotes.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
