"""Where a course's classroom keeps its state: all under ``<course>/.classroom/``.

``hub/`` (0700) holds what only the hub may read: its database, cookie secret, the
password store, the generated ``jupyterhub_config.py``, the log and the pid file.
``student/`` and ``teacher/`` (0755) hold the Jupyter configuration each role's
server reads (``JUPYTER_CONFIG_PATH``); students must be able to read theirs.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

STATE_DIR = ".classroom"
PASSWORDS_FILE = "classroom_passwords.xlsx"  # the teacher's handout, in the course folder


@dataclass(frozen=True)
class ClassroomPaths:
    course: Path

    @property
    def state(self) -> Path:
        return self.course / STATE_DIR

    @property
    def hub(self) -> Path:
        return self.state / "hub"

    @property
    def student_config(self) -> Path:
        return self.state / "student"

    @property
    def teacher_config(self) -> Path:
        return self.state / "teacher"

    @property
    def accounts(self) -> Path:
        return self.hub / "accounts.json"

    @property
    def hub_config(self) -> Path:
        return self.hub / "jupyterhub_config.py"

    @property
    def log(self) -> Path:
        return self.hub / "hub.log"

    @property
    def service(self) -> Path:
        """pid, URL and ports of the running hub."""
        return self.hub / "service.json"

    @property
    def exchange(self) -> Path:
        return self.course / "exchange"

    @property
    def passwords(self) -> Path:
        return self.course / PASSWORDS_FILE


def classroom_paths(course_dir) -> ClassroomPaths:
    return ClassroomPaths(Path(course_dir).resolve())


def make_state_dirs(paths: ClassroomPaths) -> None:
    """The state folders with their modes (students may pass through ``.classroom`` to
    read their configuration, never list it or enter ``hub/``)."""
    for folder, mode in ((paths.state, 0o711), (paths.hub, 0o700),
                         (paths.student_config, 0o755), (paths.teacher_config, 0o755)):
        folder.mkdir(exist_ok=True)
        folder.chmod(mode)
