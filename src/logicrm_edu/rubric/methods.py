"""Individual-mark methods behind one interface, chosen by name in ``course.toml``.

Every method is called as ``method(ratings, members, group_mark, weighting,
penalty=0, penalty_kind="percent", *, scale=(0, 100), self_rating=True)`` and returns one row per
member with ``member``, its own factor column and ``mark``.  :data:`METHODS`
names the factor column of each; :func:`adjusted_marks` calls a method by name
and gives the factor the common name ``factor``.  To add a method, write the
function (use :mod:`.adjustment` for input checks and penalties) and register it.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import pandas as pd

from .adjustment import check_options, finish_marks, rating_matrix
from .webpa import webpa_marks


def equal_marks(ratings: pd.DataFrame, members, group_mark: float, weighting: float,
                penalty: float = 0, penalty_kind: str = "percent", *,
                scale: tuple[float, float] = (0, 100), self_rating: bool = True) -> pd.DataFrame:
    """Everyone gets the group mark (``weighting`` and ``self_rating`` are ignored); the
    penalty still applies.

    Columns ``member``, ``factor`` (always 1), ``mark``.
    """
    members = list(members)
    check_options(group_mark, weighting, penalty, penalty_kind, scale)
    rating_matrix(ratings, members)  # same input checks as every method
    raw = pd.Series(float(group_mark), index=members)
    submitted = pd.Series(members, index=members).isin(set(ratings["rater"]))
    mark = finish_marks(raw, submitted, penalty, penalty_kind, scale)
    return pd.DataFrame({"member": members, "factor": 1.0, "mark": mark.to_numpy()})


@dataclass(frozen=True)
class Method:
    """A registered method and the name of the factor column it returns."""

    marks: Callable[..., pd.DataFrame]
    factor_column: str


METHODS = {
    "webpa": Method(webpa_marks, "webpa_score"),
    "equal": Method(equal_marks, "factor"),
}


def adjusted_marks(method: str, ratings: pd.DataFrame, members, group_mark: float,
                   weighting: float, penalty: float = 0, penalty_kind: str = "percent", *,
                   scale: tuple[float, float] = (0, 100), self_rating: bool = True) -> pd.DataFrame:
    """Columns ``member``, ``factor``, ``mark`` from the method registered as ``method``."""
    chosen = METHODS[method]
    table = chosen.marks(ratings, members, group_mark, weighting, penalty, penalty_kind,
                         scale=scale, self_rating=self_rating)
    return table.rename(columns={chosen.factor_column: "factor"})[["member", "factor", "mark"]]
