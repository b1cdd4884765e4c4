"""What a student's server sees of this machine: the Python environment, even when it
sits in a folder closed to other users (e.g. a pyenv Python under ``/root``), and never
the course template's or the grading kit's reference answers (world-readable where the
package is installed).

The server starts as root inside bubblewrap: a closed folder is replaced by an empty
one with only the Python environment in it (read-only), the answer folders by empty
ones, then ``setpriv`` drops to the student's Unix user.  No folder's rights change on
the machine.
"""
from __future__ import annotations

import sys
from pathlib import Path

from .course_access import closed_ancestor


def python_paths() -> list[Path]:
    """The folders a server needs: the interpreter's, the virtualenv's, this package's."""
    package = Path(__file__).resolve().parents[1]  # …/logicrm_edu (editable: the source tree)
    found = {Path(sys.base_prefix).resolve(), Path(sys.prefix).resolve(), package.parent}
    return sorted(found, key=lambda p: len(p.parts))


def answer_folders() -> list[Path]:
    """The course template and the grading kit, where this installation has them."""
    from ..course.template import TemplateMissing, kit_dir, template_dir

    found = []
    for locate in (template_dir, kit_dir):
        try:
            found.append(locate().resolve())
        except TemplateMissing:
            continue
    return found


def view_args(paths: list[Path] | None = None, hidden: list[Path] | None = None) -> list[str]:
    """bubblewrap arguments that show ``paths`` through their closed folders and hide
    the ``hidden`` folders (default: :func:`answer_folders`)."""
    args: list[str] = []
    covered: set[Path] = set()
    made: set[Path] = set()
    for path in paths if paths is not None else python_paths():
        closed = closed_ancestor(path)
        if closed is None or any(path.is_relative_to(done) for done in covered):
            continue
        if closed not in made:
            args += ["--perms", "0755", "--tmpfs", str(closed)]
            made.add(closed)
        for folder in reversed(path.parents):
            if folder.is_relative_to(closed) and folder != closed and folder not in made:
                args += ["--perms", "0755", "--dir", str(folder)]
                made.add(folder)
        args += ["--ro-bind", str(path), str(path)]
        covered.add(path)
    for folder in hidden if hidden is not None else answer_folders():
        args += ["--tmpfs", str(folder)]
    return args


def wrapped_command(command: list[str], view: list[str], uid: int, gid: int) -> list[str]:
    """``command`` run as ``uid``/``gid`` with the view, from a process started as root."""
    return ["bwrap", "--dev-bind", "/", "/", *view, "--cap-add", "CAP_SETUID", "--cap-add",
            "CAP_SETGID", "--die-with-parent", "--", "setpriv", f"--reuid={uid}", f"--regid={gid}",
            "--init-groups", "--inh-caps=-all", *command]
