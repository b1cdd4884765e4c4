"""Everything a rubric command needs about one course, opened in one call.

``open_course(DIR)`` reads ``DIR/course.toml``, loads the presentations' group
rubrics and the member rubric it names (the course's ``rubrics`` folder first, then the shipped
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
    presentations: tuple[Rubric, ...]
    """the term's group presentations, in order (one rubric each)"""
    member_rubric: Rubric
    engine: Engine
    roster: pd.DataFrame

    @property
    def group_rubric(self) -> Rubric:
        """The first presentation's rubric (the only one in a one-presentation course)."""
        return self.presentations[0]

    @property
    def rubrics(self) -> dict[str, Rubric]:
        """Rubric id → rubric, for every rubric in use."""
        return {r.id: r for r in (*self.presentations, self.member_rubric)}


def load_rubrics(settings: CourseSettings) -> tuple[tuple[Rubric, ...], Rubric]:
    """(the presentations' group rubrics, the member rubric) named in the settings,
    checked to fit their roles."""
    folders = settings.rubric_folders
    key = "rubric.presentations" if settings.rubric.presentations else "rubric.group_rubric"
    named = [(find_rubric(name, folders), "group", key) for name in settings.presentations]
    member = find_rubric(settings.rubric.member_rubric, folders)
    for rubric, subject, toml_key in (*named, (member, "member", "rubric.member_rubric")):
        if rubric.subject != subject:
            raise RubricError.of("rubric.settings.wrong_subject", file="course.toml",
                                 toml_key=toml_key, rubric=rubric.id, subject=rubric.subject,
                                 expected=subject)
    return tuple(rubric for rubric, _, _ in named), member


def open_course(course_dir=".") -> CourseContext:
    """Open the course in ``course_dir``; an error naming ``logicrm roster import`` if no
    roster has been imported yet."""
    settings = load_settings(course_dir)
    presentations, member = load_rubrics(settings)
    engine = open_store(course_dir)
    return CourseContext(settings, presentations, member, engine, load_roster(engine))
