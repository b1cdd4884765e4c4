"""The contract shared by individual-mark methods: checked ratings in, clipped and
penalised marks out.

A method (see :mod:`.methods`) turns a group mark into one mark per member from
the teammates' ratings.  It uses :func:`rating_matrix` to read the ratings and
:func:`finish_marks` to clip to the scale and apply the non-submitter penalty,
so every method treats inputs and penalties the same way.
"""
from __future__ import annotations

import pandas as pd

from .problems import RubricError

PENALTY_KINDS = ("percent", "points")


def rating_matrix(ratings: pd.DataFrame, members) -> pd.DataFrame:
    """Raters × rated members, each cell the sum of that rater's scores (0 = not rated).

    ``ratings`` has columns ``rater``, ``ratee``, ``score`` (one row per rating;
    several criteria are summed).  Rows and columns follow ``members``; a
    member who rated nobody has a row of zeros.
    """
    members = list(members)
    missing = [c for c in ("rater", "ratee", "score") if c not in ratings.columns]
    if missing:
        raise RubricError.of("rubric.marks.missing_columns", columns=", ".join(missing))
    strangers = sorted((set(ratings["rater"]) | set(ratings["ratee"])) - set(members), key=str)
    if strangers:
        raise RubricError.of("rubric.marks.unknown_member", names=", ".join(map(str, strangers)))
    scores = pd.to_numeric(ratings["score"], errors="coerce")
    if scores.isna().any() or (scores < 0).any():
        bad = ratings.loc[scores.isna() | (scores < 0), "score"].iloc[0]
        raise RubricError.of("rubric.marks.bad_score", given=bad)
    summed = ratings.assign(score=scores).groupby(["rater", "ratee"])["score"].sum()
    matrix = summed.unstack("ratee").reindex(index=members, columns=members).fillna(0.0)
    matrix.index.name, matrix.columns.name = "rater", "ratee"
    return matrix


def check_options(group_mark, weighting, penalty, penalty_kind, scale) -> None:
    """Reject options no method can work with."""
    low, high = scale
    if not low < high:
        raise RubricError.of("rubric.marks.bad_scale", low=low, high=high)
    if not 0 <= weighting <= 1:
        raise RubricError.of("rubric.marks.bad_weighting", given=weighting)
    if penalty_kind not in PENALTY_KINDS:
        raise RubricError.of("rubric.marks.bad_penalty_kind", given=penalty_kind,
                             allowed=", ".join(PENALTY_KINDS))
    if penalty < 0 or (penalty_kind == "percent" and penalty > 100):
        raise RubricError.of("rubric.marks.bad_penalty", given=penalty, kind=penalty_kind)
    if not low <= group_mark <= high:
        raise RubricError.of("rubric.marks.group_mark_out_of_scale", given=group_mark, low=low, high=high)


def finish_marks(marks: pd.Series, submitted: pd.Series, penalty: float, penalty_kind: str,
                 scale) -> pd.Series:
    """Clip ``marks`` to ``scale``, then take the penalty off members who did not submit.

    ``penalty_kind="percent"`` takes ``penalty`` % of the (clipped) mark;
    ``"points"`` subtracts ``penalty`` points; the result never goes below the scale.
    """
    low, high = scale
    marks = marks.clip(low, high)
    if penalty:
        cut = marks * penalty / 100 if penalty_kind == "percent" else pd.Series(float(penalty), marks.index)
        marks = (marks - cut.where(~submitted, 0.0)).clip(low, high)
    return marks
