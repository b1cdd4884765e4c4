"""Hand students to worker processes; survive workers that crash or hang.

Unlike ``concurrent.futures`` (where one dead worker breaks the whole pool),
each worker here has its own pipe and a deadline for the student it holds.  A
worker that dies, or overruns its deadline and is killed, costs exactly that
student (reported as a failure) and is replaced; the batch goes on.
"""
from __future__ import annotations

import multiprocessing
import os
import time
from collections import deque
from dataclasses import dataclass, field
from multiprocessing.connection import wait
from typing import Callable

from .results import Note
from .worker import worker_main


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
    """One worker process and our end of its pipe."""

    def __init__(self, context, course_dir: str, assignment: str, memory_limit_mb, log_path):
        self.connection, theirs = context.Pipe()
        self.process = context.Process(
            target=worker_main, daemon=True,
            args=(theirs, course_dir, assignment, memory_limit_mb, os.getpid(), log_path))
        self.process.start()
        theirs.close()
        self.ready_at: float | None = None
        self.student: str | None = None
        self.sent_at = 0.0

    def send(self, student: str) -> None:
        self.student, self.sent_at = student, time.monotonic()
        self.connection.send(student)

    def clock_start(self) -> float | None:
        """When the current student's deadline clock started (once the worker was ready)."""
        return None if self.ready_at is None else max(self.sent_at, self.ready_at)

    def kill(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join(5)
        self.connection.close()

    def stop(self) -> None:
        try:
            self.connection.send(None)
        except OSError:
            pass
        self.process.join(10)
        self.kill()


def run_pool(students: list[str], *, workers: int, course_dir: str, assignment: str,
             memory_limit_mb: int | None, deadline: Callable[[str], float | None],
             on_outcome: Callable[[Outcome], None], log_path: str | None = None) -> None:
    """Grade ``students`` on ``workers`` processes; call ``on_outcome`` once per student
    (in the batch process, in completion order)."""
    if not students:
        return
    context = multiprocessing.get_context("spawn")  # never fork a process with threads
    queue = deque(students)
    spawn = lambda: Worker(context, course_dir, assignment, memory_limit_mb, log_path)  # noqa: E731
    pool = [spawn() for _ in range(max(1, min(workers, len(students))))]
    replacements = len(students) + len(pool)
    try:
        for worker in pool:
            worker.send(queue.popleft())
        while any(w.student for w in pool):
            busy = [w for w in pool if w.student]
            waiting = [w.connection for w in busy] + [w.process.sentinel for w in busy]
            ready = wait(waiting, timeout=_next_deadline(busy, deadline))
            finished = []
            for worker in busy:
                outcome, lost = None, False
                if worker.connection in ready:
                    try:
                        kind, payload = worker.connection.recv()
                    except (EOFError, OSError):
                        kind, payload, lost = "eof", None, True
                    if kind == "ready":
                        worker.ready_at = time.monotonic()
                        continue
                    if kind == "done":
                        outcome = _from_worker(payload)
                if outcome is None and (lost or not worker.process.is_alive()):
                    outcome = _lost(worker, deadline, died=True)
                elif outcome is None and _overdue(worker, deadline):
                    outcome = _lost(worker, deadline, died=False)
                if outcome is not None:
                    on_outcome(outcome)
                    worker.student = None
                    finished.append(worker)
            for worker in finished:
                if not worker.process.is_alive() or worker.connection.closed:
                    pool.remove(worker)
                    worker.kill()
                    if queue and replacements > 0:
                        replacements -= 1
                        worker = spawn()
                        pool.append(worker)
                    else:
                        continue
                if queue:
                    worker.send(queue.popleft())
        for student in queue:  # only if replacements ran out
            on_outcome(Outcome(student, False, 0.0, failure=Note(
                "autograde.failed.worker_died", {"code": "?"})))
    finally:
        for worker in pool:
            worker.stop() if not worker.student else worker.kill()


def _from_worker(payload: dict) -> Outcome:
    notes = [Note(key, fields) for key, fields in payload["notes"]]
    failure = None if payload["ok"] else Note("autograde.failed.nbgrader",
                                              {"error": payload["reason"]})
    return Outcome(payload["student"], payload["ok"], payload["seconds"], notes, failure)


def _overdue(worker: Worker, deadline) -> bool:
    start, limit = worker.clock_start(), deadline(worker.student)
    return start is not None and limit is not None and time.monotonic() - start > limit


def _lost(worker: Worker, deadline, *, died: bool) -> Outcome:
    """The worker died, or overran its deadline and is killed now."""
    seconds = time.monotonic() - worker.sent_at
    worker.kill()
    if died:
        failure = Note("autograde.failed.worker_died", {"code": worker.process.exitcode})
    else:
        failure = Note("autograde.failed.deadline", {"seconds": round(deadline(worker.student))})
    return Outcome(worker.student, False, seconds, failure=failure)


def _next_deadline(busy: list[Worker], deadline) -> float | None:
    remaining = []
    for worker in busy:
        start, limit = worker.clock_start(), deadline(worker.student)
        if start is None:
            remaining.append(1.0)  # check again once the worker reports ready
        elif limit is not None:
            remaining.append(max(0.0, start + limit - time.monotonic()))
    return min(remaining) if remaining else None
