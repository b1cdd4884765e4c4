"""The presentation marks of a course: group scores, individual marks and flags.

Puts the pure pieces together for the scores stored in the course database:
:func:`~.group_score.group_scores` for each group, then the individual-mark
method chosen in ``course.toml`` (WebPA by default) on the teammates' ratings,
on the scale of the group rubric, then :func:`~.flags.rating_flags` on the
member ratings of each group and on the peer-group ratings.
"""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from .course import CourseContext
from .model import Rubric
from .flags import COLUMNS as FLAG_COLUMNS, rating_flags
from .group_score import group_scores, rater_totals
from .methods import adjusted_marks
from .raters import groups_of
from .store import load_scores

MEMBER_COLUMNS = ["id", "name", "class", "group", "group_score", "factor", "mark", "submitted", "note"]


@dataclass(frozen=True)
class CourseMarks:
    """Results of :func:`course_marks`; every table is plain data."""

    scores: pd.DataFrame
    """All stored scores (see :func:`~.store.load_scores`)."""
    groups: pd.DataFrame
    """One row per group, as from :func:`~.group_score.group_scores`."""
    members: pd.DataFrame
    """One row per student: id, name, class, group, group_score, factor (the peer
    factor, e.g. the WebPA score), mark, submitted (rated at least one teammate), note."""
    flags: pd.DataFrame
    """Columns scope, group, kind, rater, ratee, value (see :mod:`.flags`); scope is
    ``"members"`` (a group's member ratings), ``"groups"`` (peer-group ratings) or
    ``"course"`` (kind ``stale_ratings``: stored scores of students or groups no
    longer in the roster, left out of every mark; value is how many)."""
    scale: tuple[float, float]
    """Lowest and highest mark: the group rubric's total range."""
    rubric: Rubric
    """the presentation's group rubric these marks are on"""


def course_marks(course: CourseContext, presentation: Rubric | None = None) -> CourseMarks:
    """Compute one presentation's marks (default: the course's first) from the scores
    stored for ``course``; the teammates' ratings of the member rubric adjust each
    presentation's group score alike."""
    rubric = presentation or course.group_rubric
    options = course.settings.rubric
    scores = load_scores(course.engine)
    group_rows = scores[scores["rubric"] == rubric.id]
    totals = rater_totals(group_rows)
    groups = group_scores(totals, groups_of(course.roster), teacher_weight=options.teacher_weight,
                          trim=options.peer_trim)
    scale = (rubric.min_total, rubric.max_total)
    member_rows = scores[scores["rubric"] == course.member_rubric.id]
    ratings = member_rows.rename(columns={"subject": "ratee", "points": "score"})
    tables, flags, used = [], [], 0
    for group in groups.itertuples(index=False):
        team = course.roster[course.roster["group"] == group.group]
        mine = ratings[ratings["rater"].isin(team["id"]) & ratings["ratee"].isin(team["id"])]
        used += len(mine)
        tables.append(_team_marks(team, mine[["rater", "ratee", "score"]], group, scale, options))
        summed = mine.groupby(["rater", "ratee"], as_index=False)["score"].sum()
        flags.append(rating_flags(summed, course.member_rubric.max_total).assign(
            scope="members", group=group.group))
    peers = totals[totals["rater_kind"] == "group"].rename(columns={"subject": "ratee", "total": "score"})
    flags.append(rating_flags(peers[["rater", "ratee", "score"]], rubric.max_total)
                 .assign(scope="groups", group=None))
    known = set(groups["group"])
    stale = len(ratings) - used + int((~group_rows["subject"].isin(known) | (
        (group_rows["rater_kind"] == "group") & ~group_rows["rater"].isin(known))).sum())
    if stale:
        flags.append(pd.DataFrame([{"kind": "stale_ratings", "rater": None, "ratee": None,
                                    "value": float(stale)}]).assign(scope="course", group=None))
    members = pd.concat(tables, ignore_index=True) if tables else pd.DataFrame(columns=MEMBER_COLUMNS)
    flag_table = pd.concat([f for f in flags if not f.empty] or [pd.DataFrame(columns=FLAG_COLUMNS)],
                           ignore_index=True).reindex(columns=["scope", "group"] + FLAG_COLUMNS)
    return CourseMarks(scores, groups, members[MEMBER_COLUMNS], flag_table, scale, rubric)


def _team_marks(team: pd.DataFrame, ratings: pd.DataFrame, group, scale, options) -> pd.DataFrame:
    group_score = group.score
    rated = group_score == group_score  # NaN when nobody rated the group
    table = adjusted_marks(options.method, ratings, team["id"], group_score if rated else scale[0],
                           options.webpa_weighting, options.non_submitter_penalty,
                           options.penalty_kind, scale=scale, self_rating=options.self_rating)
    out = team.reset_index(drop=True).copy()
    out["group_score"] = group_score
    out["factor"] = table["factor"].to_numpy()
    out["mark"] = table["mark"].to_numpy() if rated else float("nan")
    out["submitted"] = out["id"].isin(set(ratings["rater"]))
    out["note"] = group.note
    return out
