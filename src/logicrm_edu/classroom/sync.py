"""Keeping the hub's accounts in step with the roster and ``[classroom] teachers``.

A new student gets a Unix user, a 0700 home and an initial password on the handout;
a student who left the roster can no longer log in, but their user and home (their
work) stay; one who comes back logs in again with the same password.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from .accounts import load_accounts, make_account, save_accounts
from .errors import ClassroomError
from .paths import ClassroomPaths, classroom_paths, make_state_dirs
from .settings import LOGIN_NAME, classroom_settings
from .users import ForeignUser, ensure_student_user


@dataclass(frozen=True)
class Student:
    id: str
    name: str
    class_name: str


@dataclass
class HubUsers:
    """What a sync did."""

    added: list[str] = field(default_factory=list)        # new student accounts
    returned: list[str] = field(default_factory=list)     # back on the roster
    closed: list[str] = field(default_factory=list)       # left the roster: no login, work kept
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (id, catalogue key)
    new_teachers: dict[str, str] = field(default_factory=dict)    # name → initial password
    handout: Path | None = None


def roster_students(course_dir) -> list[Student]:
    from ..course.roster import class_roster

    table = class_roster(course_dir)
    return [Student(str(row["id"]), str(row["name"]), str(row["class"]))
            for _, row in table.iterrows()]


def _check_root() -> None:
    if os.geteuid() != 0:
        raise ClassroomError("classroom.need_root")


def sync_hub_users(course_dir, *, create: bool = False) -> HubUsers | None:
    """Bring the hub's accounts and the students' Unix users in step with the roster.

    Parameters
    ----------
    course_dir : path
        The course folder.
    create : bool
        Set up the classroom's accounts when the course has none yet (``classroom
        start`` does); otherwise a course that never started a classroom is left
        alone and None is returned, so ``roster import`` works without one.

    Returns
    -------
    HubUsers or None
        Accounts added, closed, reopened, students skipped (a 学号 that cannot be a
        login name, or a Unix user that is not a classroom student), and the
        teachers' new passwords.
    """
    paths = classroom_paths(course_dir)
    if not (create or paths.hub.is_dir()):
        return None
    _check_root()
    settings = classroom_settings(paths.course)
    make_state_dirs(paths)
    accounts = load_accounts(paths.accounts)
    result = HubUsers()
    students = _sync_students(paths, settings, accounts, result)
    _sync_teachers(settings.teachers, accounts, result)
    save_accounts(paths.accounts, accounts)
    from .handout import write_password_handout
    from .own_data import place_own_data

    place_own_data(paths.course, [s.id for s in students])

    result.handout = write_password_handout(paths.passwords, students, accounts)
    return result


def _sync_students(paths: ClassroomPaths, settings, accounts, result: HubUsers) -> list[Student]:
    on_roster = []
    for student in roster_students(paths.course):
        sid = student.id
        if not LOGIN_NAME.fullmatch(sid):
            result.skipped.append((sid, "classroom.skip.bad_id"))
            continue
        if sid in settings.teachers:
            result.skipped.append((sid, "classroom.skip.teacher_name"))
            continue
        try:
            ensure_student_user(sid, settings.homes)
        except ForeignUser:
            result.skipped.append((sid, "classroom.skip.foreign_user"))
            continue
        account = accounts.get(sid)
        if account is None:
            accounts[sid] = make_account("student")
            result.added.append(sid)
        elif not account.active:
            account.active = True
            result.returned.append(sid)
        on_roster.append(student)
    kept = {s.id for s in on_roster}
    for sid, account in accounts.items():
        if account.role == "student" and account.active and sid not in kept:
            account.active = False
            result.closed.append(sid)
    return on_roster


def _sync_teachers(teachers, accounts, result: HubUsers) -> None:
    for name in teachers:
        account = accounts.get(name)
        if account is None or account.role != "teacher":
            accounts[name] = account = make_account("teacher")
            result.new_teachers[name] = account.initial
        account.active = True
    for name, account in accounts.items():
        if account.role == "teacher" and name not in teachers:
            account.active = False


def reset_password(course_dir, name: str, password: str | None = None) -> str:
    """A new initial password for account ``name`` (a student who forgot theirs, or a test
    that needs a known one); the handout is written again.  Returns the password."""
    paths = classroom_paths(course_dir)
    accounts = load_accounts(paths.accounts)
    if name not in accounts:
        raise ClassroomError("classroom.unknown_account", name=name)
    old = accounts[name]
    accounts[name] = make_account(old.role, password)
    accounts[name].active = old.active
    save_accounts(paths.accounts, accounts)
    if old.role == "student":
        from .handout import write_password_handout

        students = [s for s in roster_students(paths.course)
                    if s.id in accounts and accounts[s.id].active and accounts[s.id].role == "student"]
        write_password_handout(paths.passwords, students, accounts)
    return accounts[name].initial
