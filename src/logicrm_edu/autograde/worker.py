"""A batch worker: one process that autogrades the students it is sent, one at a
time, with nbgrader's Autograde in-process and kernels from its own sandbox.

Started by :class:`.pool.Worker` as a plain subprocess (see
:mod:`logicrm_edu.sandbox.launch`) running :func:`main` with ``FD PARENT_PID
COURSE ASSIGNMENT SANDBOXED LIMITS LOG`` (not ``multiprocessing``, so that it
never re-imports the caller's ``__main__``).  ``FD`` is one end of a
``SOCK_SEQPACKET`` pair carrying one JSON message per packet: the worker sends
``{"ready": pid}`` once it can grade, then answers each ``{"student": id}`` with
``{"done": outcome}`` (see :func:`grade`).  It exits on EOF, and dies with the
batch process (``PR_SET_PDEATHSIG``); its sandbox and kernels die with it.
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

from ..course.nbgrader_imports import skip_iri_grammar
from ..sandbox.host import SandboxHost
from ..sandbox.limits import Limits
from ..sandbox.linux import die_with_parent
from ..sandbox.zygote import MAX_MESSAGE

RETRIES = 2  # a locked database (another program writing) or a lost zygote
RETRYABLE = ("database is locked", "SandboxError")


class HostKeeper:
    """The worker's sandbox, started ahead (it warms up while the worker imports
    nbgrader) and restarted if it dies."""

    def __init__(self, *, limits: Limits, sandboxed: bool, course_root: str,
                 log_path: Path | None):
        self.limits, self.sandboxed, self.course_root = limits, sandboxed, course_root
        self.log_path = log_path
        self.host: SandboxHost | None = None

    def start(self) -> None:
        if self.host is None:
            log = open(self.log_path, "ab") if self.log_path else None
            try:
                self.host = SandboxHost(limits=self.limits, sandboxed=self.sandboxed,
                                        course_root=self.course_root, log=log)
            finally:
                if log:
                    log.close()

    def get(self) -> SandboxHost:
        if self.host is not None and not self.host.alive():
            self.host.close()
            self.host = None
        self.start()
        self.host.wait_ready()
        return self.host

    def close(self) -> None:
        if self.host is not None:
            self.host.close()
            self.host = None


def grade(course, student: str, hosts: HostKeeper) -> dict:
    """Autograde one student.  Returns ``{"student", "ok", "seconds", "notes": [[key,
    fields], ...], "failure": [key, fields] or None}``; ``ok`` False means the submission
    could not be graded (nbgrader gave up on it, or it is too big to read)."""
    from nbgrader.utils import capture_log

    from .nbgrader_autograde import BatchAutograde
    start = time.perf_counter()
    too_big = oversized_notebook(course, student)
    if too_big:
        return {"student": student, "ok": False, "notes": [], "seconds": 0.0,
                "failure": ["autograde.notebook_too_big", too_big]}
    for attempt in range(RETRIES + 1):
        coursedir = course.coursedir
        coursedir.assignment_id, coursedir.student_id = course.assignment, student
        app = BatchAutograde(coursedir=coursedir, config=course.config, host=hosts.get(),
                             lock=course.lock)
        app.force, app.create_student = True, True
        result = capture_log(app)
        text = (result.get("log") or "") + (result.get("error") or "")
        if result["success"] or not any(marker in text for marker in RETRYABLE):
            break
        time.sleep(0.5 * (attempt + 1))
    outcome = {"student": student, "ok": bool(result["success"]), "notes": [], "failure": None}
    if outcome["ok"]:
        outcome["notes"] = [[n.key, n.fields] for n in autograded_notes(course, student)]
    else:
        outcome["failure"] = ["autograde.failed.nbgrader", {"error": failure_reason(text)}]
    outcome["seconds"] = time.perf_counter() - start
    return outcome


MAX_NOTEBOOK_MB = 20


def oversized_notebook(course, student: str) -> dict | None:
    """The fields of the "notebook too big" note when a submitted notebook exceeds
    :data:`MAX_NOTEBOOK_MB` (reading it would cost the grader seconds and gigabytes)."""
    for path in course.submitted(student).glob("*.ipynb"):
        size = path.stat().st_size
        if size > MAX_NOTEBOOK_MB * 1024 * 1024:
            return {"size": size // (1024 * 1024), "limit": MAX_NOTEBOOK_MB}
    return None


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
    fd, parent, course_dir, assignment, sandboxed, limits, log_path = argv
    die_with_parent(int(parent))
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the batch process handles Ctrl-C
    channel = socket.socket(fileno=int(fd))
    hosts = HostKeeper(limits=Limits(**json.loads(limits)), sandboxed=sandboxed == "1",
                       course_root=course_dir, log_path=Path(log_path) if log_path else None)
    hosts.start()  # warms up while we import nbgrader
    skip_iri_grammar()
    _quiet()
    from .course import CourseAssignment
    course = CourseAssignment.load(course_dir, assignment)
    try:
        hosts.get()
        send(channel, {"ready": os.getpid()})
        while True:
            data = channel.recv(MAX_MESSAGE)
            if not data:
                break
            student = json.loads(data)["student"]
            send(channel, {"done": grade(course, student, hosts)})
    finally:
        hosts.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
