"""Each student's own data file, in the classroom.

With per-student data the exchange holds the notebook only (one copy for the whole
class), and each student's data file is in ``handout/<id>/<assignment>/``.  Here it
is put where only that student can read it, ``~/.logicrm/own-data/<assignment>/``;
the students' fetch (:mod:`.fetch`) copies it beside the notebook they fetch.
"""
from __future__ import annotations

import os
import shutil
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
                placed += _place(files, Path(entry.pw_dir) / OWN_DATA / assignment.name,
                                 entry.pw_uid, entry.pw_gid)
    return placed


def _place(files: list[Path], folder: Path, uid: int, gid: int) -> int:
    for part in (folder.parents[1], folder.parent, folder):  # .logicrm, own-data, <assignment>
        part.mkdir(mode=0o700, exist_ok=True)
        os.chown(part, uid, gid)
    for source in files:
        target = folder / source.name
        shutil.copyfile(source, target)
        os.chown(target, uid, gid)
        target.chmod(0o600)
    return len(files)
