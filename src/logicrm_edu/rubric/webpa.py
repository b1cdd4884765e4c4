"""WebPA: individual marks from a group mark and the teammates' ratings.

For each rater, each score is divided by the rater's total awarded; a member's
WebPA score is the sum of the fractions received × n / s (n members, s raters
who submitted; 1 for everyone if nobody submitted).  The mark is
``score × w × G + (1 − w) × G``, clipped to the scale, less an optional penalty
for members who rated nobody.

Without self-rating (``self_rating=False``) each rater shares their total among
n − 1 teammates and nobody rates themselves, so the same formula would favour
members who hand nothing in (they are rated by all s raters, the others by
s − 1: with equal work a non-submitter would score s / (s − 1) times more).
There the factor is generalised to ``sum of fractions received × (n − 1) /
(raters who could rate the member)``, which gives every equal contributor
exactly 1; with self-rating this is n / s, the formula above.

A rater whose scores add up to 0 gives no information: their row is left out
of s and of the fractions (they are not treated as non-submitters).
"""
from __future__ import annotations

import pandas as pd

from .adjustment import check_options, finish_marks, rating_matrix
from .problems import RubricError


def webpa_scores(ratings: pd.DataFrame, members, *, self_rating: bool = True) -> pd.Series:
    """Each member's WebPA score (index: members, in order); see the module docstring."""
    matrix = rating_matrix(ratings, members)
    if not self_rating and any(matrix.at[m, m] for m in matrix.index):
        raise RubricError.of("rubric.marks.self_ratings_given")
    totals = matrix.sum(axis=1)
    informative = matrix[totals > 0]
    if informative.empty:
        return pd.Series(1.0, index=matrix.columns, name="webpa_score")
    fractions = informative.div(totals[totals > 0], axis=0)
    received = fractions.sum(axis=0)
    if self_rating:
        return (received * len(matrix) / len(informative)).rename("webpa_score")
    could_rate = pd.Series([len(informative) - (m in informative.index) for m in matrix.columns],
                           index=matrix.columns)
    score = (received * (len(matrix) - 1) / could_rate.where(could_rate > 0)).fillna(1.0)
    return score.rename("webpa_score")


def webpa_marks(ratings: pd.DataFrame, members, group_mark: float, weighting: float,
                penalty: float = 0, penalty_kind: str = "percent", *,
                scale: tuple[float, float] = (0, 100), self_rating: bool = True) -> pd.DataFrame:
    """Columns ``member``, ``webpa_score``, ``mark``: one row per member, in ``members`` order.

    ``ratings``: columns ``rater``, ``ratee``, ``score`` (one row per rating;
    several criteria are summed).  ``weighting`` is w in 0..1 (0.5 for 50%).
    ``penalty`` with ``penalty_kind`` ``"percent"`` or ``"points"`` is taken off
    the marks of members who rated nobody.  ``scale`` is the (lowest, highest)
    mark allowed.  ``self_rating=False`` when members do not rate themselves
    (see the module docstring).
    """
    members = list(members)
    check_options(group_mark, weighting, penalty, penalty_kind, scale)
    score = webpa_scores(ratings, members, self_rating=self_rating)
    raw = score * weighting * group_mark + (1 - weighting) * group_mark
    submitted = pd.Series(members, index=members).isin(set(ratings["rater"]))
    mark = finish_marks(raw, submitted, penalty, penalty_kind, scale)
    return pd.DataFrame({"member": members, "webpa_score": score.to_numpy(), "mark": mark.to_numpy()})
