"""``course.toml``: the course's own settings, read in this one place.

Sections (every one optional): ``[course]`` (the secret data seed, customers per
student), ``[rubric]`` and ``[grades]`` (see :mod:`logicrm_edu.rubric.settings`),
``[late]`` and ``[extensions]`` (see :mod:`.late`).  A missing file reads as
empty; a file that is not valid TOML stops with one message naming the file,
the line and the reason.
"""
from __future__ import annotations

import re
import tomllib
from pathlib import Path

from ..errors import DataError

COURSE_FILE = "course.toml"
_LINE = re.compile(r"line (\d+)")


def read_course_file(course_dir) -> dict:
    """All of ``course_dir/course.toml`` as a dict (empty when there is no such file)."""
    path = Path(course_dir) / COURSE_FILE
    if not path.is_file():
        return {}
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError:
        raise DataError("course.file.encoding", file=COURSE_FILE) from None
    except tomllib.TOMLDecodeError as exc:
        line = _LINE.search(str(exc))
        raise DataError("course.file.syntax", file=COURSE_FILE,
                        row=int(line.group(1)) if line else None, reason=str(exc)) from None


def course_section(course_dir, name: str) -> dict:
    """One ``[name]`` table of ``course.toml`` (empty when absent)."""
    section = read_course_file(course_dir).get(name, {})
    if not isinstance(section, dict):
        raise DataError("course.file.not_table", file=COURSE_FILE, section=name)
    return section
