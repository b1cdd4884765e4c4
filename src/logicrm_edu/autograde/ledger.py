"""Which submissions are already autograded, so that a rerun does only the rest.

nbgrader's own test (the autograded folder exists and is not older than the
submission) is wrong after a crash: nbgrader copies ``timestamp.txt`` into the
autograded folder *before* it runs the notebook, so a batch killed mid-way
leaves a folder that looks done.  The batch therefore keeps a ledger entry per
student, ``<course>/.logicrm/autograde/<assignment>/<student>.json``, holding
a fingerprint of the submitted files; while a student is being graded a marker
``<student>.grading`` says so, and one left behind names whom a killed run
was grading.  The entry is removed before a student
is (re)graded and written atomically only after nbgrader finished and the
scores are in the gradebook, so an entry always means "these scores are those
of this very submission".
"""
from __future__ import annotations

import hashlib
import json
import os
import time
from pathlib import Path

from .course import CourseAssignment


def fingerprint(course: CourseAssignment, student: str) -> str:
    """SHA-256 of the submission's file names and contents (timestamp.txt included)."""
    digest = hashlib.sha256()
    folder = course.submitted(student)
    for path in course.submitted_files(student):
        digest.update(str(path.relative_to(folder)).encode() + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


class Ledger:
    """The ledger entries of one assignment."""

    def __init__(self, course: CourseAssignment):
        self.course = course
        self.folder = course.state_dir / course.assignment

    def _entry(self, student: str) -> Path:
        return self.folder / f"{student}.json"

    def is_current(self, student: str, print_: str, graded_in_gradebook: set[str]) -> bool:
        """Already autograded for exactly this submission: an entry with this
        fingerprint, the autograded notebooks present and a gradebook submission."""
        try:
            entry = json.loads(self._entry(student).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return False
        if entry.get("fingerprint") != print_ or student not in graded_in_gradebook:
            return False
        autograded = self.course.autograded(student)
        return all((autograded / name).exists() for name in entry.get("notebooks", []))

    def forget(self, student: str) -> None:
        try:
            self._entry(student).unlink()
        except FileNotFoundError:
            pass

    # who is being graded right now (what a killed batch leaves behind) ------------------
    def _marker(self, student: str) -> Path:
        return self.folder / f"{student}.grading"

    def start(self, student: str) -> None:
        """Mark ``student`` as being graded until :meth:`finish`."""
        self.folder.mkdir(parents=True, exist_ok=True)
        self._marker(student).touch()

    def finish(self, student: str) -> None:
        self._marker(student).unlink(missing_ok=True)

    def interrupted(self) -> list[str]:
        """Students a stopped or killed run was grading when it ended."""
        return sorted(p.name[: -len(".grading")] for p in self.folder.glob("*.grading"))

    def record(self, student: str, print_: str, *, seconds: float) -> None:
        """Write the entry atomically (temporary file, fsync, rename)."""
        self.folder.mkdir(parents=True, exist_ok=True)
        notebooks = sorted(p.name for p in self.course.autograded(student).glob("*.ipynb"))
        entry = {"fingerprint": print_, "notebooks": notebooks, "seconds": round(seconds, 3),
                 "graded_at": time.strftime("%Y-%m-%dT%H:%M:%S%z")}
        target = self._entry(student)
        temporary = target.with_suffix(f".{os.getpid()}.tmp")
        with open(temporary, "w", encoding="utf-8") as fh:
            json.dump(entry, fh)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(temporary, target)
