"""Who rates whom with a rubric, from the roster and the self-rating setting.

The teacher rates every group; each group rates every other group (never
itself); each member rates their teammates, and themselves only when
``self_rating`` is on.  Sheet generation, import checks and the missing-rater
report all use this one list.
"""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from ..i18n import t
from .model import Rubric

TEACHER = "teacher"
"""Rater id of the teacher."""


@dataclass(frozen=True)
class Rater:
    """One expected rater and what they rate."""

    kind: str
    """``"teacher"``, ``"group"`` or ``"member"``."""
    id: str
    """``"teacher"``, the group, or the student id."""
    name: str
    """Name shown on the sheet (student name, group, or empty for the teacher)."""
    subjects: tuple[str, ...]
    """Ids of the groups or students this rater rates, in roster order."""


def rater_label(rater: Rater, lang: str | None = None) -> str:
    """'教师', '第 3 组', '张三（2023001）' in the chosen language."""
    if rater.kind == "teacher":
        return t("rubric.rater.teacher", lang)
    if rater.kind == "group":
        return t("rubric.rater.group", lang, group=rater.id)
    return t("rubric.rater.member", lang, name=rater.name, id=rater.id)


def groups_of(roster: pd.DataFrame) -> list[str]:
    """The groups in the order they first appear in the roster."""
    return list(dict.fromkeys(roster["group"]))


def subject_names(rubric: Rubric, roster: pd.DataFrame) -> dict[str, str]:
    """Id → name of everything ``rubric`` can rate (groups, or students)."""
    if rubric.subject == "group":
        return {g: g for g in groups_of(roster)}
    return dict(zip(roster["id"], roster["name"]))


def expected_raters(rubric: Rubric, roster: pd.DataFrame, *, self_rating: bool) -> list[Rater]:
    """Every rater of ``rubric`` for this roster, teacher first, then by roster order."""
    raters: list[Rater] = []
    groups = groups_of(roster)
    if "teacher" in rubric.raters:
        raters.append(Rater("teacher", TEACHER, "", tuple(groups)))
    if "group" in rubric.raters:
        raters += [Rater("group", g, g, tuple(x for x in groups if x != g)) for g in groups]
    if "member" in rubric.raters:
        for member in roster.itertuples(index=False):
            team = roster.loc[roster["group"] == member.group, "id"]
            subjects = tuple(s for s in team if self_rating or s != member.id)
            raters.append(Rater("member", member.id, member.name, subjects))
    return raters


def missing_raters(rubric: Rubric, roster: pd.DataFrame, scores: pd.DataFrame, *,
                   self_rating: bool) -> list[Rater]:
    """Expected raters of ``rubric`` with no score in ``scores`` (columns rubric, rater_kind, rater)."""
    mine = scores[scores["rubric"] == rubric.id]
    seen = set(zip(mine["rater_kind"], mine["rater"]))
    return [r for r in expected_raters(rubric, roster, self_rating=self_rating)
            if (r.kind, r.id) not in seen]
