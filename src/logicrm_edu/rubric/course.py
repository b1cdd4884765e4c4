"""Everything a rubric command needs about one course, opened in one call.

``open_course(DIR)`` reads ``DIR/course.toml``, loads the group and member
rubrics it names (the course's ``rubrics`` folder first, then the shipped
ones), opens ``DIR/rubric.db`` and loads the roster that ``logicrm roster
import`` stored there.
"""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
from sqlalchemy.engine import Engine

from .model import Rubric
from .problems import RubricError
from .rubric_files import find_rubric
from .settings import CourseSettings, load_settings
from .store import load_roster, open_store


@dataclass(frozen=True)
class CourseContext:
    """Settings, rubrics, database and roster of one course directory."""

    settings: CourseSettings
    group_rubric: Rubric
    member_rubric: Rubric
    engine: Engine
    roster: pd.DataFrame

    @property
    def rubrics(self) -> dict[str, Rubric]:
        """Rubric id → rubric, for the two rubrics in use."""
        return {self.group_rubric.id: self.group_rubric, self.member_rubric.id: self.member_rubric}


def load_rubrics(settings: CourseSettings) -> tuple[Rubric, Rubric]:
    """The (group, member) rubrics named in the settings, checked to fit their roles."""
    folders = settings.rubric_folders
    group = find_rubric(settings.rubric.group_rubric, folders)
    member = find_rubric(settings.rubric.member_rubric, folders)
    for rubric, subject, key in ((group, "group", "rubric.group_rubric"),
                                 (member, "member", "rubric.member_rubric")):
        if rubric.subject != subject:
            raise RubricError.of("rubric.settings.wrong_subject", file="course.toml", toml_key=key,
                                 rubric=rubric.id, subject=rubric.subject, expected=subject)
    return group, member


def open_course(course_dir=".") -> CourseContext:
    """Open the course in ``course_dir``; an error naming ``logicrm roster import`` if no
    roster has been imported yet."""
    settings = load_settings(course_dir)
    group, member = load_rubrics(settings)
    engine = open_store(course_dir)
    return CourseContext(settings, group, member, engine, load_roster(engine))
