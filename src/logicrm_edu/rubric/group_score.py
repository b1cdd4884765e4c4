"""The group presentation score from teacher and peer-group ratings (pure functions).

score = teacher_weight × teacher total + (1 − teacher_weight) × peer mean, where
the peer mean is the mean of the other groups' totals after dropping the
``trim`` highest and ``trim`` lowest (only when more than 2 × trim groups rated).
With several teacher sheets their totals are averaged.  A group rated only by
the teacher, or only by peers, gets that one component, with a note.
"""
from __future__ import annotations

import pandas as pd

from .problems import RubricError


def rater_totals(scores: pd.DataFrame) -> pd.DataFrame:
    """Sum the criteria: one row per (rater_kind, rater, subject) with ``total``.

    ``scores`` has columns ``rater_kind``, ``rater``, ``subject``, ``points``
    (one row per criterion), as stored by :mod:`.store`.
    """
    keys = ["rater_kind", "rater", "subject"]
    if scores.empty:
        return pd.DataFrame(columns=keys + ["total"])
    return scores.groupby(keys, as_index=False, sort=False)["points"].sum().rename(
        columns={"points": "total"})


def trimmed_mean(values, trim: int) -> tuple[float, int]:
    """(mean, how many values were used) after dropping ``trim`` values at each end.

    With ``2 × trim`` values or fewer nothing is dropped.  The mean of nothing is NaN.
    """
    values = sorted(float(v) for v in values)
    if trim < 0:
        raise RubricError.of("rubric.marks.bad_trim", given=trim)
    if trim and len(values) > 2 * trim:
        values = values[trim:-trim]
    return (sum(values) / len(values) if values else float("nan")), len(values)


def group_scores(totals: pd.DataFrame, groups, *, teacher_weight: float, trim: int = 0) -> pd.DataFrame:
    """One row per group: ``group``, ``teacher``, ``peer_mean``, ``peer_raters``,
    ``peers_used``, ``score`` and ``note`` (a catalogue key, or ``""``).

    ``totals`` as from :func:`rater_totals`; rows of groups rating themselves
    are ignored (the import already rejects them).  ``score`` is NaN for a
    group nobody rated.
    """
    if not 0 <= teacher_weight <= 1:
        raise RubricError.of("rubric.marks.bad_weighting", given=teacher_weight)
    rows = []
    for group in groups:
        mine = totals[totals["subject"] == group]
        teacher_totals = mine.loc[mine["rater_kind"] == "teacher", "total"]
        peers = mine[(mine["rater_kind"] == "group") & (mine["rater"] != group)]["total"]
        teacher = float(teacher_totals.mean()) if len(teacher_totals) else float("nan")
        peer_mean, used = trimmed_mean(peers, trim)
        if len(teacher_totals) and len(peers):
            score, note = teacher_weight * teacher + (1 - teacher_weight) * peer_mean, ""
        elif len(teacher_totals):
            score, note = teacher, "rubric.note.teacher_only"
        elif len(peers):
            score, note = peer_mean, "rubric.note.peers_only"
        else:
            score, note = float("nan"), "rubric.note.not_rated"
        rows.append({"group": group, "teacher": teacher, "peer_mean": peer_mean,
                     "peer_raters": len(peers), "peers_used": used, "score": score, "note": note})
    return pd.DataFrame(rows, columns=["group", "teacher", "peer_mean", "peer_raters",
                                       "peers_used", "score", "note"])


def criterion_means(scores: pd.DataFrame, group) -> pd.DataFrame:
    """Mean points per criterion for one group, by the teacher and by the peer groups.

    Columns ``criterion``, ``teacher``, ``peers`` (NaN where nobody of that kind rated).
    """
    mine = scores[(scores["subject"] == group) & ~((scores["rater_kind"] == "group")
                                                   & (scores["rater"] == group))]
    table = mine.pivot_table(index="criterion", columns="rater_kind", values="points",
                             aggfunc="mean", sort=False)
    table = table.reindex(columns=["teacher", "group"]).rename(columns={"group": "peers"})
    return table.reset_index().rename_axis(columns=None)
