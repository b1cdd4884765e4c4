"""Servers of the hub: a student's runs as the student's Unix user in their home; a
teacher's runs as the owner of the course folder, in it, so formgrader sees the gradebook.
Imported only by the hub process.
"""
from __future__ import annotations

import asyncio
import os
import pwd
import signal
from pathlib import Path

from jupyterhub.spawner import LocalProcessSpawner
from traitlets import List, Unicode

from .server_view import wrapped_command


class ClassroomSpawner(LocalProcessSpawner):
    course_dir = Unicode(config=True, help="the course folder")
    teachers = List(Unicode(), config=True, help="hub names of the teachers")
    student_config = Unicode(config=True, help="JUPYTER_CONFIG_PATH of students' servers")
    teacher_config = Unicode(config=True, help="JUPYTER_CONFIG_PATH of teachers' servers")
    server_command = List(Unicode(), config=True, help="the single-user server command")
    view = List(Unicode(), config=True,
                help="bubblewrap arguments showing the Python environment to students "
                     "(see logicrm_edu.classroom.server_view); empty: plain setuid")

    @property
    def is_teacher(self) -> bool:
        return self.user.name in self.teachers

    @property
    def unix_name(self) -> str:
        if self.is_teacher:
            return pwd.getpwuid(os.stat(self.course_dir).st_uid).pw_name
        return self.user.name

    @property
    def _wrapped(self) -> bool:
        return bool(self.view) and not self.is_teacher

    async def start(self):
        entry = pwd.getpwnam(self.unix_name)
        self.cmd = (wrapped_command(self.server_command, self.view, entry.pw_uid, entry.pw_gid)
                    if self._wrapped else list(self.server_command))
        return await super().start()

    def make_preexec_fn(self, name):
        if self._wrapped:  # bubblewrap starts as root; setpriv drops to the student
            home = pwd.getpwnam(self.unix_name).pw_dir
            return lambda: os.chdir(home)
        become_user = super().make_preexec_fn(self.unix_name)
        if not self.is_teacher:
            return become_user
        course = self.course_dir

        def become_teacher():  # nbgrader reads nbgrader_config.py from the working folder
            become_user()
            os.chdir(course)
        return become_teacher

    def user_env(self, env):
        entry = pwd.getpwnam(self.unix_name)
        env.update(USER=entry.pw_name, HOME=entry.pw_dir, SHELL="/bin/bash",
                   JUPYTER_CONFIG_PATH=self.teacher_config if self.is_teacher else self.student_config)
        return env

    def get_args(self):
        args = super().get_args()
        if self.is_teacher:
            args.append(f"--ServerApp.root_dir={self.course_dir}")
            if pwd.getpwnam(self.unix_name).pw_uid == 0:
                args.append("--allow-root")
        return args

    async def stop(self, now=False):
        """A wrapped server is asked to stop itself first: killing bubblewrap alone
        would end it without shutting its kernels down."""
        if self._wrapped and self.pid:
            for child in _children(self.pid):
                try:
                    os.kill(child, signal.SIGTERM)
                except ProcessLookupError:
                    pass
            for _ in range(50):
                if await self.poll() is not None:
                    break
                await asyncio.sleep(0.1)
        return await super().stop(now=now)


def _children(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            found += [int(c) for c in (task / "children").read_text().split()]
        except OSError:
            continue
    return found
