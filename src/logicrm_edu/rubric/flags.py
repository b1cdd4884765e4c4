"""Suspicious rating patterns worth a teacher's look (pure functions; nothing is changed).

Input is one set of raters rating each other or other groups: columns ``rater``,
``ratee``, ``score`` with one row per rater and ratee (criteria already summed),
and the highest possible total.  Kinds of flag:

``full_marks``
    a rater gave everyone they rated full marks;
``all_full_marks``
    every rater (at least two) did so, which makes peer assessment meaningless;
``outlier_rater``
    a rater's totals are on average ``far`` × max or more away from the other raters'
    mean for the same ratees (needs three raters);
``low_by_all``
    every teammate (at least two) rated a member ``low`` × max or more below the
    average they gave the others.
"""
from __future__ import annotations

import pandas as pd

COLUMNS = ["kind", "rater", "ratee", "value"]
_EPS = 1e-9


def rating_flags(ratings: pd.DataFrame, max_total: float, *, far: float = 0.25,
                 low: float = 0.2) -> pd.DataFrame:
    """Columns ``kind``, ``rater``, ``ratee``, ``value`` (see the module docstring);
    ``value`` is the mean distance or gap as a fraction of ``max_total``."""
    if ratings.empty:
        return pd.DataFrame(columns=COLUMNS)
    matrix = ratings.pivot_table(index="rater", columns="ratee", values="score", aggfunc="sum",
                                 sort=False)
    rows = _full_marks(matrix, max_total) + _outliers(matrix, max_total, far) + \
        _low_by_all(matrix, max_total, low)
    return pd.DataFrame(rows, columns=COLUMNS)


def _full_marks(matrix: pd.DataFrame, max_total: float) -> list[dict]:
    full = [rater for rater, row in matrix.iterrows()
            if row.notna().any() and (row.dropna() >= max_total - _EPS).all()]
    if len(full) == len(matrix) >= 2:
        return [{"kind": "all_full_marks", "rater": None, "ratee": None, "value": 1.0}]
    return [{"kind": "full_marks", "rater": rater, "ratee": None, "value": 1.0} for rater in full]


def _outliers(matrix: pd.DataFrame, max_total: float, far: float) -> list[dict]:
    if len(matrix) < 3:
        return []
    rows = []
    for rater in matrix.index:
        others = matrix.drop(index=rater)
        gaps = (matrix.loc[rater] - others.mean()).abs()
        gaps = gaps[matrix.loc[rater].notna() & (others.notna().sum() >= 2)]
        distance = gaps.mean() / max_total if len(gaps) else 0.0
        if distance >= far - _EPS:
            rows.append({"kind": "outlier_rater", "rater": rater, "ratee": None, "value": distance})
    return rows


def _low_by_all(matrix: pd.DataFrame, max_total: float, low: float) -> list[dict]:
    rows = []
    for ratee in matrix.columns:
        raters = [r for r in matrix.index if r != ratee and pd.notna(matrix.at[r, ratee])]
        gaps = []
        for rater in raters:
            others = matrix.loc[rater].drop(labels=[ratee, rater], errors="ignore").dropna()
            if others.empty:
                break
            gaps.append((others.mean() - matrix.at[rater, ratee]) / max_total)
        else:
            if len(gaps) >= 2 and min(gaps) >= low - _EPS:
                rows.append({"kind": "low_by_all", "rater": None, "ratee": ratee,
                             "value": sum(gaps) / len(gaps)})
    return rows
