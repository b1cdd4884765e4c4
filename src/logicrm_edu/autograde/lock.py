"""One writer at a time on the gradebook, across the batch's processes.

SQLite lets only one connection write at a time; two nbgrader processes that
write in interleaved deferred transactions can get ``database is locked``
without waiting (SQLite's deadlock avoidance).  Every gradebook write of the
batch (nbgrader's ``init_assignment``, ``SaveAutoGrades``,
``AssignLatePenalties``, and our zeros for failed submissions) therefore
happens while holding an exclusive ``flock`` on a small file beside the
batch's ledger.  The lock is held for milliseconds, never while student code
runs, and the kernel releases it if its holder is killed.

(The lock is a separate file: opening and closing the database file itself
would drop SQLite's own POSIX locks held by the same process.)
"""
from __future__ import annotations

import fcntl
import os
from pathlib import Path


class GradebookLock:
    """Re-entrant within one process; exclusive between processes."""

    def __init__(self, path):
        self.path = Path(path)
        self._fd: int | None = None
        self._depth = 0

    def __enter__(self) -> "GradebookLock":
        if self._depth == 0:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
            try:
                fcntl.flock(fd, fcntl.LOCK_EX)
            except BaseException:
                os.close(fd)
                raise
            self._fd = fd
        self._depth += 1
        return self

    def __exit__(self, *exc) -> None:
        self._depth -= 1
        if self._depth == 0 and self._fd is not None:
            fcntl.flock(self._fd, fcntl.LOCK_UN)
            os.close(self._fd)
            self._fd = None
