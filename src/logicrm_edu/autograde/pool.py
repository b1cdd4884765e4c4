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
import sys
import time
from collections import deque
from dataclasses import dataclass, field
from typing import Callable

from .results import Note
from .zygote import MAX_MESSAGE


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


class Worker:
    """One ``python -m logicrm_edu.autograde.worker`` process and our end of its socket."""

    def __init__(self, course_dir: str, assignment: str, memory_limit_mb, log_path):
        self.channel, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
        self.process = subprocess.Popen(
            [sys.executable, "-m", "logicrm_edu.autograde.worker", str(theirs.fileno()),
             str(os.getpid()), course_dir, assignment, str(int(memory_limit_mb or 0)),
             log_path or ""],
            pass_fds=[theirs.fileno()], stdin=subprocess.DEVNULL)
        theirs.close()
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
        """Ask an idle worker to finish (it stops its zygote), kill it if it won't."""
        try:
            self.channel.shutdown(socket.SHUT_WR)
            self.process.wait(10)
        except (OSError, subprocess.TimeoutExpired):
            pass
        self.kill()


def run_pool(students: list[str], *, workers: int, course_dir: str, assignment: str,
             memory_limit_mb: int | None, deadline: Callable[[str], float | None],
             on_outcome: Callable[[Outcome], None], log_path: str | None = None) -> None:
    """Grade ``students`` on ``workers`` processes; call ``on_outcome`` once per student
    (in this process, in completion order)."""
    if not students:
        return
    queue = deque(students)
    spawn = lambda: Worker(course_dir, assignment, memory_limit_mb, log_path)  # noqa: E731
    pool = [spawn() for _ in range(max(1, min(workers, len(students))))]
    replacements = len(students) + len(pool)
    selector = selectors.DefaultSelector()
    try:
        for worker in pool:
            selector.register(worker.channel, selectors.EVENT_READ, worker)
            worker.send(queue.popleft())
        while any(w.student for w in pool):
            events = selector.select(timeout=_next_deadline(pool, deadline))
            readable = {key.data for key, _ in events}
            for worker in [w for w in pool if w.student]:
                outcome = None
                if worker in readable:
                    message = worker.receive()
                    if message is None:
                        outcome = _lost(worker, deadline, died=True)
                    elif "ready" in message:
                        worker.ready_at = time.monotonic()
                    elif "done" in message:
                        outcome = _from_worker(message["done"])
                elif _overdue(worker, deadline):
                    outcome = _lost(worker, deadline, died=False)
                if outcome is None:
                    continue
                on_outcome(outcome)
                worker.student = None
                if worker.process.poll() is not None:  # died or killed: replace it
                    selector.unregister(worker.channel)
                    pool.remove(worker)
                    worker.kill()
                    if not queue or replacements <= 0:
                        continue
                    replacements -= 1
                    worker = spawn()
                    pool.append(worker)
                    selector.register(worker.channel, selectors.EVENT_READ, worker)
                if queue:
                    worker.send(queue.popleft())
        for student in queue:  # only if replacements ran out
            on_outcome(Outcome(student, False, 0.0, failure=Note(
                "autograde.failed.worker_died", {"code": "?"})))
    finally:
        selector.close()
        for worker in pool:
            worker.kill() if worker.student else worker.stop()


def _from_worker(payload: dict) -> Outcome:
    notes = [Note(key, fields) for key, fields in payload["notes"]]
    failure = None if payload["ok"] else Note("autograde.failed.nbgrader",
                                              {"error": payload["reason"]})
    return Outcome(payload["student"], payload["ok"], payload["seconds"], notes, failure)


def _overdue(worker: Worker, deadline) -> bool:
    start, limit = worker.clock_start(), deadline(worker.student)
    return start is not None and limit is not None and time.monotonic() - start > limit


def _lost(worker: Worker, deadline, *, died: bool) -> Outcome:
    """The worker died, or overran its deadline and is killed now (with its zygote and
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


def _next_deadline(pool: list[Worker], deadline) -> float | None:
    remaining = []
    for worker in pool:
        if not worker.student:
            continue
        start, limit = worker.clock_start(), deadline(worker.student)
        if start is None:
            continue  # the worker's "ready" message will wake us
        if limit is not None:
            remaining.append(max(0.0, start + limit - time.monotonic()))
    return min(remaining) if remaining else None
