"""Each student's own data file, in the classroom.

With per-student data the exchange holds the notebook only (one copy for the whole
class), and each student's data file is in ``handout/<id>/<assignment>/``.  Here it
is put where only that student can read it, ``~/.logicrm/own-data/<assignment>/``;
the students' fetch (:mod:`.fetch`) copies it beside the notebook they fetch.
"""
from __future__ import annotations

import os
from pathlib import Path

from ..course.release import HANDOUT
from .paths import classroom_paths
from .users import is_student_user, unix_user

OWN_DATA = Path(".logicrm") / "own-data"


def place_own_data(course_dir, students: list[str] | None = None) -> int:
    """Copy the handed-out files other than notebooks of ``students`` (default: every
    student with a classroom user) into their homes; how many files.  Nothing happens
    when the course has no classroom."""
    course_dir = Path(course_dir)
    if not classroom_paths(course_dir).hub.is_dir():
        return 0
    handouts = course_dir / HANDOUT
    if students is None:
        students = sorted(p.name for p in handouts.glob("*/")) if handouts.is_dir() else []
    placed = 0
    for sid in students:
        entry = unix_user(sid)
        if entry is None or not is_student_user(sid):
            continue
        for assignment in sorted((handouts / sid).glob("*/")):
            files = [f for f in assignment.iterdir() if f.is_file() and f.suffix != ".ipynb"]
            if files:
                placed += _place(files, Path(entry.pw_dir), assignment.name,
                                 entry.pw_uid, entry.pw_gid)
    return placed


def _place(files: list[Path], home: Path, assignment: str, uid: int, gid: int) -> int:
    """Write ``files`` into ``home/.logicrm/own-data/<assignment>/`` as root without ever
    following a link: the home is the student's, who could have planted one to make root
    write (and chown) somewhere else.  A home with a link on the way gets nothing."""
    flags = os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW
    try:
        folder = os.open(home, flags)
    except OSError:
        return 0
    try:
        for name in (*OWN_DATA.parts, assignment):
            try:
                os.mkdir(name, 0o700, dir_fd=folder)
            except FileExistsError:
                pass
            inner = os.open(name, flags, dir_fd=folder)  # a link here: OSError, nothing written
            os.close(folder)
            folder = inner
            os.fchown(folder, uid, gid)
        for source in files:
            data = source.read_bytes()
            try:
                os.unlink(source.name, dir_fd=folder)  # replaced, never written through
            except FileNotFoundError:
                pass
            out = os.open(source.name, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW,
                          0o600, dir_fd=folder)
            try:
                os.write(out, data)
                os.fchown(out, uid, gid)
            finally:
                os.close(out)
        return len(files)
    except OSError:
        return 0
    finally:
        os.close(folder)
