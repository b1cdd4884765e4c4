"""The ``[classroom]`` section of ``course.toml``.

```toml
[classroom]
teachers = ["wanglaoshi"]   # hub accounts that open formgrader in the course folder
homes = "/home"             # where students' home folders (their work) are made
```
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..course.config import COURSE_FILE, course_section
from ..errors import DataError

# A login name the hub, nbgrader and Linux all accept unchanged (the hub lowercases names).
LOGIN_NAME = re.compile(r"[0-9a-z][0-9a-z_.-]{0,31}")
DEFAULT_TEACHERS = ("teacher",)


@dataclass(frozen=True)
class ClassroomSettings:
    teachers: tuple[str, ...]
    homes: Path


def classroom_settings(course_dir) -> ClassroomSettings:
    """The teachers and the home folder root, checked (one message per mistake)."""
    section = course_section(course_dir, "classroom")
    teachers = section.get("teachers", list(DEFAULT_TEACHERS))
    if (not isinstance(teachers, list) or not teachers
            or not all(isinstance(name, str) for name in teachers)):
        raise DataError("classroom.teachers_not_list", file=COURSE_FILE)
    for name in teachers:
        if not LOGIN_NAME.fullmatch(name):
            raise DataError("classroom.bad_teacher_name", file=COURSE_FILE, name=name)
    homes = section.get("homes", "/home")
    if not isinstance(homes, str) or not Path(homes).is_absolute():
        raise DataError("classroom.bad_homes", file=COURSE_FILE, value=homes)
    return ClassroomSettings(tuple(teachers), Path(homes))
