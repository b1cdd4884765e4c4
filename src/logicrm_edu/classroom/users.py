"""Unix users for students: each student's server runs as their own user, with a 0700
home, so no student can read or change another's files.

The accounts have no Unix password and no login shell: the hub is the only way in.
They are marked in the comment field, so an account this code did not make (``root``,
a colleague's) is never taken over, changed or removed.
"""
from __future__ import annotations

import subprocess
import time
from pathlib import Path

MARK = "logicrm student"
NOLOGIN = "/usr/sbin/nologin"


class ForeignUser(Exception):
    """A Unix user of that name exists and is not a classroom student."""


def unix_user(name: str):
    """The passwd entry of ``name``, or None."""
    import pwd  # here: Unix only, and the package must import on Windows (roster, CLI help)

    try:
        return pwd.getpwnam(name)
    except KeyError:
        return None


def is_student_user(name: str) -> bool:
    entry = unix_user(name)
    return bool(entry and entry.pw_gecos == MARK)


def ensure_student_user(name: str, homes: Path) -> Path:
    """The Unix user ``name`` with a 0700 home under ``homes`` (made when missing);
    its home folder.  Raises :class:`ForeignUser` for a user this code did not make."""
    entry = unix_user(name)
    if entry is None:
        Path(homes).mkdir(parents=True, exist_ok=True)
        home = Path(homes) / name
        # --badname: a 学号 is all digits, which useradd refuses by default
        _user_tool(["useradd", "--badname", "--create-home", "--home-dir", str(home),
                    "--shell", NOLOGIN, "--comment", MARK, "--user-group", name])
        import pwd

        entry = pwd.getpwnam(name)
    elif entry.pw_gecos != MARK:
        raise ForeignUser(name)
    home = Path(entry.pw_dir)
    home.chmod(0o700)
    return home


def remove_student_user(name: str) -> None:
    """Delete a student's Unix user and home (tests; a course never deletes work)."""
    if is_student_user(name):
        _user_tool(["userdel", "--remove", name], check=False)


# useradd: name taken; userdel: no such user.  Other failures (another tool holding
# /etc/passwd, a process of the user still ending) pass: the command is run again.
_FINAL_CODES = {0, 6, 9}


def _user_tool(command: list[str], *, check: bool = True, tries: int = 40) -> None:
    """useradd/userdel, run again while it fails for a passing reason."""
    for _ in range(tries):
        done = subprocess.run(command, capture_output=True, text=True)
        if done.returncode in _FINAL_CODES:
            break
        time.sleep(0.25)
    if check and done.returncode != 0:
        raise subprocess.CalledProcessError(done.returncode, command, done.stdout, done.stderr)
