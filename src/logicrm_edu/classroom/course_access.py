"""What students' Unix users may reach in the course folder: the exchange, nothing else.

Students' servers fetch from and submit to ``<course>/exchange``, so they must pass
through the course folder, but never read ``course.toml`` (the data seed), the
gradebook, ``source/`` (the answers) or a classmate's submission.  The course folder
becomes ``o=x`` (passable, not listable), everything in it but the exchange loses its
rights for others, and a default ACL keeps it so for what the teacher's tools create
later (``autograded/``, ``grades.csv``…), whatever their umask.
"""
from __future__ import annotations

import shutil
import stat
import subprocess
from pathlib import Path

from .paths import STATE_DIR, ClassroomPaths


class Unreachable(Exception):
    """A folder above the course is closed to other users."""

    def __init__(self, folder: Path):
        super().__init__(str(folder))
        self.folder = folder


class NoAcl(Exception):
    """``setfacl`` is missing (Debian package ``acl``)."""


def closed_ancestor(course: Path) -> Path | None:
    """The first folder above ``course`` that other users cannot pass through."""
    for folder in reversed(course.parents):
        if not folder.stat().st_mode & stat.S_IXOTH:
            return folder
    return None


def open_exchange_only(paths: ClassroomPaths) -> None:
    """Set the course folder's rights as described in the module docstring."""
    course = paths.course
    if (folder := closed_ancestor(course)) is not None:
        raise Unreachable(folder)
    if shutil.which("setfacl") is None:
        raise NoAcl()
    paths.exchange.mkdir(exist_ok=True)
    paths.exchange.chmod(0o777)  # what nbgrader's release expects of Exchange.root
    mode = course.stat().st_mode
    course.chmod((stat.S_IMODE(mode) & ~0o007) | stat.S_IXOTH)
    for entry in course.iterdir():
        if entry.name in (paths.exchange.name, STATE_DIR) or entry.is_symlink():
            continue
        entry.chmod(stat.S_IMODE(entry.stat().st_mode) & ~0o007)
    subprocess.run(["setfacl", "--default", "--modify", "o::---", str(course)],
                   check=True, capture_output=True)
    # the exchange keeps nbgrader's own rights for what students create in it, and the
    # roles' configuration stays readable by the servers that run as students
    for folder in (paths.exchange, paths.state):
        subprocess.run(["setfacl", "--recursive", "--remove-default", str(folder)],
                       check=True, capture_output=True)
