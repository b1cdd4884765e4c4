"""Hand students to worker processes; survive workers that crash or hang.

Unlike ``concurrent.futures`` (where one dead worker breaks the whole pool),
each worker here has its own socket and a deadline for the student it holds.
A worker that dies, or overruns its deadline and is killed, costs exactly that
student (reported as a failure) and is replaced; the batch goes on.
"""
from __future__ import annotations

import json
import os
import selectors
import socket
import subprocess
import time
from collections import deque
from dataclasses import dataclass, field
from typing import Callable

from ..sandbox.launch import python_command
from ..sandbox.limits import Limits
from ..sandbox.zygote import MAX_MESSAGE
from .results import Note


@dataclass(frozen=True)
class Sandbox:
    """How the workers run students' code."""

    sandboxed: bool
    limits: Limits


@dataclass
class Outcome:
    """One student's outcome as the pool saw it."""

    student: str
    ok: bool
    seconds: float
    notes: list = field(default_factory=list)
    """``Note`` objects."""
    failure: Note | None = None
    """Why the student could not be graded (None when ``ok``)."""
    charged: bool = True
    """False when the failure is the grader's, not the submission's (no worker could
    start): the gradebook is then left as it was."""


class Worker:
    """One worker process (:mod:`.worker`) and our end of its socket."""

    def __init__(self, course_dir: str, assignment: str, sandbox: Sandbox, log_path):
        self.channel, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
        self.process = subprocess.Popen(
            python_command("logicrm_edu.autograde.worker:main", theirs.fileno(), os.getpid(),
                           course_dir, assignment, "1" if sandbox.sandboxed else "0",
                           json.dumps(sandbox.limits.as_dict()), log_path or ""),
            pass_fds=[theirs.fileno()], stdin=subprocess.DEVNULL)
        theirs.close()
        self.started_at = time.monotonic()
        self.ready_at: float | None = None
        self.student: str | None = None
        self.sent_at = 0.0

    def send(self, student: str) -> None:
        self.student, self.sent_at = student, time.monotonic()
        try:
            self.channel.send(json.dumps({"student": student}).encode())
        except OSError:
            pass  # dead: noticed as EOF on the socket

    def receive(self) -> dict | None:
        """The next message, or None when the worker is gone."""
        try:
            data = self.channel.recv(MAX_MESSAGE)
        except OSError:
            return None
        return json.loads(data) if data else None

    def clock_start(self) -> float | None:
        """When the current student's deadline clock started (once the worker was ready)."""
        return None if self.ready_at is None else max(self.sent_at, self.ready_at)

    def kill(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait()
        self.channel.close()

    def stop(self) -> None:
        """Ask an idle worker to finish (it stops its sandbox), kill it if it won't."""
        try:
            self.channel.shutdown(socket.SHUT_WR)
            self.process.wait(10)
        except (OSError, subprocess.TimeoutExpired):
            pass
        self.kill()


STARTUP_LIMIT = 300.0  # seconds a worker may take to import nbgrader and warm its sandbox
STARTUP_FAILURES = 3  # workers that die before they are ready, before the batch gives up


def run_pool(students: list[str], *, workers: int, course_dir: str, assignment: str,
             sandbox: Sandbox, deadline: Callable[[str], float | None],
             on_outcome: Callable[[Outcome], None], log_path: str | None = None,
             on_start: Callable[[str], None] = lambda student: None) -> None:
    """Grade ``students`` on ``workers`` processes; call ``on_start`` when a student is
    handed to a worker and ``on_outcome`` once per student (in this process, in
    completion order).

    A worker that dies or overruns ``deadline(student)`` while grading costs that
    student (a charged failure) and is replaced.  A worker that cannot even start
    is not the student's fault: the student goes to another worker, and after
    :data:`STARTUP_FAILURES` such workers the students left get uncharged failures.
    """
    if not students:
        return
    queue = deque(students)
    selector = selectors.DefaultSelector()
    pool: list[Worker] = []
    startup_failures = 0

    def spawn() -> Worker:
        worker = Worker(course_dir, assignment, sandbox, log_path)
        pool.append(worker)
        selector.register(worker.channel, selectors.EVENT_READ, worker)
        return worker

    def retire(worker: Worker) -> None:
        selector.unregister(worker.channel)
        pool.remove(worker)
        worker.kill()

    def feed(worker: Worker) -> None:
        if queue:
            student = queue.popleft()
            on_start(student)
            worker.send(student)

    try:
        for _ in range(max(1, min(workers, len(students)))):
            feed(spawn())
        while any(w.student for w in pool):
            events = selector.select(timeout=_next_wakeup(pool, deadline))
            readable = {key.data for key, _ in events}
            for worker in [w for w in pool if w.student]:
                message = worker.receive() if worker in readable else {}
                if message and "ready" in message:
                    worker.ready_at = time.monotonic()
                elif message and "done" in message:
                    on_outcome(_from_worker(message["done"]))
                    worker.student = None
                    feed(worker)
                elif worker.ready_at is None and (message is None or _startup_overdue(worker)):
                    queue.appendleft(worker.student)
                    worker.student = None
                    retire(worker)
                    startup_failures += 1
                    if startup_failures < STARTUP_FAILURES:
                        feed(spawn())
                elif message is None or _overdue(worker, deadline):
                    on_outcome(_lost(worker, deadline, died=message is None))
                    worker.student = None
                    retire(worker)
                    if queue:
                        feed(spawn())
        for student in queue:  # no worker could start
            on_outcome(Outcome(student, False, 0.0, charged=False,
                               failure=Note("autograde.failed.no_worker")))
    finally:
        selector.close()
        for worker in pool:
            worker.kill() if worker.student else worker.stop()


def _from_worker(payload: dict) -> Outcome:
    notes = [Note(key, fields) for key, fields in payload["notes"]]
    failure = None if payload["ok"] else Note(*payload["failure"])
    return Outcome(payload["student"], payload["ok"], payload["seconds"], notes, failure)


def _overdue(worker: Worker, deadline) -> bool:
    start, limit = worker.clock_start(), deadline(worker.student)
    return start is not None and limit is not None and time.monotonic() - start > limit


def _lost(worker: Worker, deadline, *, died: bool) -> Outcome:
    """The worker died, or overran its deadline and is killed now (with its sandbox and
    kernel, which die with it)."""
    seconds = time.monotonic() - worker.sent_at
    code = worker.process.poll()
    worker.process.kill() if code is None else None
    if died:
        failure = Note("autograde.failed.worker_died", {"code": worker.process.wait()})
    else:
        worker.process.wait()
        failure = Note("autograde.failed.deadline", {"seconds": round(deadline(worker.student))})
    return Outcome(worker.student, False, seconds, failure=failure)


def _startup_overdue(worker: Worker) -> bool:
    return time.monotonic() - worker.started_at > STARTUP_LIMIT


def _next_wakeup(pool: list[Worker], deadline) -> float | None:
    """Seconds until the nearest deadline (start-up or grading) of a busy worker."""
    remaining = []
    now = time.monotonic()
    for worker in pool:
        if not worker.student:
            continue
        if worker.ready_at is None:
            remaining.append(worker.started_at + STARTUP_LIMIT - now)
        elif (limit := deadline(worker.student)) is not None:
            remaining.append(worker.clock_start() + limit - now)
    return max(0.0, min(remaining)) if remaining else None
