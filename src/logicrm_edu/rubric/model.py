"""Plain data of the rubric module: rubric definitions and one rater's statement.

A :class:`Rubric` is what a file in ``course/rubrics/`` describes; a
:class:`RaterStatement` is what one rater handed in (one score sheet, or one
save of the teacher's notebook form).  Both are immutable values; reading,
validating and storing them is done elsewhere.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

import pandas as pd

from ..i18n import resolve

SUBJECTS = ("group", "member")
"""What a rubric rates: a whole group, or one member of a group."""

RATER_KINDS = {"group": ("teacher", "group"), "member": ("member",)}
"""Rater kinds allowed per subject: the teacher and the other groups rate a group;
teammates rate a member."""


def text_in(texts: dict[str, str], lang: str | None = None) -> str:
    """The ``{"zh": ..., "en": ...}`` text in ``lang`` (Chinese when English is missing)."""
    return texts.get(resolve(lang)) or texts["zh"]


@dataclass(frozen=True)
class Level:
    """A band of points with its descriptor, e.g. 60–70 "按时完成任务……"."""

    low: float
    """Lowest points of the band (inclusive)."""
    high: float
    """Highest points of the band (inclusive)."""
    descriptor: dict[str, str]
    """What work in this band looks like, ``{"zh": ..., "en": ...}``."""


@dataclass(frozen=True)
class Criterion:
    """One scored line of a rubric."""

    id: str
    """Short ASCII identifier, unique within the rubric (``"table"``)."""
    name: dict[str, str]
    """Heading shown to raters, ``{"zh": ..., "en": ...}``."""
    max_points: float
    """Highest score allowed."""
    min_points: float = 0.0
    """Lowest score allowed."""
    levels: tuple[Level, ...] = ()
    """Bands from high to low; may be empty (then only the range is checked)."""
    description: dict[str, str] = field(default_factory=dict)
    """Optional longer explanation for the rater."""


@dataclass(frozen=True)
class Rubric:
    """A validated rubric: what is rated, by whom, on which criteria."""

    id: str
    """The file stem, e.g. ``"abc_presentation"``."""
    title: dict[str, str]
    """Title, ``{"zh": ..., "en": ...}``."""
    subject: str
    """``"group"`` or ``"member"`` (see :data:`SUBJECTS`)."""
    raters: tuple[str, ...]
    """Who rates with it: ``"teacher"``, ``"group"`` (other groups), ``"member"`` (teammates)."""
    criteria: tuple[Criterion, ...]
    """The criteria in sheet order."""
    source: str = ""
    """The file it was read from."""

    @property
    def max_total(self) -> float:
        """Highest possible total over all criteria (the scale of the group mark)."""
        return float(sum(c.max_points for c in self.criteria))

    @property
    def min_total(self) -> float:
        """Lowest possible total over all criteria."""
        return float(sum(c.min_points for c in self.criteria))

    def criterion(self, criterion_id: str) -> Criterion:
        """The criterion with this id (``KeyError`` if there is none)."""
        for criterion in self.criteria:
            if criterion.id == criterion_id:
                return criterion
        raise KeyError(criterion_id)


@dataclass(frozen=True)
class RaterStatement:
    """Everything one rater said about their subjects, ready to be stored atomically."""

    rubric: str
    """Rubric id."""
    rater_kind: str
    """``"teacher"``, ``"group"`` or ``"member"``."""
    rater: str
    """Rater id: ``"teacher"``, a group, or a student id."""
    scores: pd.DataFrame
    """Columns ``subject``, ``criterion``, ``points``, ``cell`` (one row per score)."""
    source: str
    """File name, or ``"notebook"`` for the live form."""
    sheet: str | None = None
    """Sheet the scores came from."""
    digest: str | None = None
    """SHA-256 of the file, to recognise the same file imported twice."""
    subjects: tuple[str, ...] | None = None
    """Subjects whose earlier scores this statement replaces; ``None`` means all of them
    (a score sheet is the rater's complete statement)."""
    received: datetime | None = None
    """When the statement was read (UTC); the store fills it in if missing."""
