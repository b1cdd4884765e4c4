"""Step 2: the satisfaction survey's summary table and the overall satisfaction index.

Three parts: the mean per dimension, the satisfied share per dimension (answers of 4
or 5), the index.  Each wrong part is held against the usual ways of getting it wrong
(blanks counted as 0, out-of-range answers kept, 3 counted as satisfied, no weights,
weights of 30 instead of 0.30).  The index is also right when it is the weighted mean
of the student's own (wrong) means: the means' mistake is charged once.
"""
from __future__ import annotations

from fractions import Fraction

import numpy as np
import pandas as pd

from ...churn_data import SATISFACTION
from ...survey import SATISFIED, valid_answers
from ..verdict import Mistake, Verdict, judged
from .reading import group_table, judge_column, number, parts_verdict, run_part

MEAN_TOLERANCE = 0.006
"""a mean rounded to 2 decimals still counts"""
PERCENT_TOLERANCE = 0.051
"""a percentage rounded to 1 decimal still counts"""
WEIGHTS = {"means": 0.5, "satisfied": 0.25, "index": 0.25}


def dimensions_of(data: pd.DataFrame) -> list[str]:
    return [str(c)[len(SATISFACTION):] for c in data.columns if str(c).startswith(SATISFACTION)]


def survey_figures(data: pd.DataFrame) -> dict[str, np.ndarray]:
    """The right means and satisfied shares, and the typical wrong ones, per dimension."""
    out: dict[str, list] = {k: [] for k in (
        "mean", "blank_as_zero", "invalid_as_zero", "out_of_range_kept", "satisfied",
        "counts_3", "share_of_all")}
    for dim in dimensions_of(data):
        column = pd.to_numeric(data[SATISFACTION + dim], errors="coerce")
        answered = column.dropna()
        valid = valid_answers(column).dropna()
        rows, n = len(column), len(valid)
        out["mean"].append(Fraction(int(valid.sum()), n))
        out["blank_as_zero"].append(Fraction(str(answered.sum())) / rows)
        out["invalid_as_zero"].append(Fraction(int(valid.sum()), rows))
        out["out_of_range_kept"].append(Fraction(str(answered.sum())) / len(answered))
        out["satisfied"].append(Fraction(int((valid >= SATISFIED).sum()) * 100, n))
        out["counts_3"].append(Fraction(int((valid >= SATISFIED - 1).sum()) * 100, n))
        out["share_of_all"].append(Fraction(int((valid >= SATISFIED).sum()) * 100, rows))
    return {k: np.array([float(x) for x in v]) for k, v in out.items()}


def weighted(means, weights: dict, dimensions: list[str], scale: float = 100) -> float:
    """Σ weight ÷ scale × mean over the dimensions (weights given in percent)."""
    by_dim = dict(zip(dimensions, means))
    return float(sum(Fraction(str(w)) / scale * Fraction(str(float(by_dim[d])))
                     for d, w in weights.items()))


@judged("step2")
def check_survey(survey, index_score, data: pd.DataFrame, weights: dict) -> Verdict:
    """The verdict on ``survey`` (a table per dimension: mean and satisfied share) and
    ``index_score`` (the weighted index, weights in percent summing to 100)."""
    dims = dimensions_of(data)
    fig = survey_figures(data)
    table = None

    def read():
        nonlocal table
        if table is None:
            table = group_table(survey, dims, "survey")
        return table

    def means():
        judge_column(read(), fig["mean"], MEAN_TOLERANCE, "mean", [
            ("churn.blank_as_zero", fig["blank_as_zero"]),
            ("churn.blank_as_zero", fig["invalid_as_zero"]),
            ("churn.out_of_range_kept", fig["out_of_range_kept"])])

    def satisfied():
        judge_column(read(), fig["satisfied"], PERCENT_TOLERANCE, "satisfied", [
            ("churn.satisfied_counts_3", fig["counts_3"]),
            ("churn.satisfied_share_of_all", fig["share_of_all"])], percent=True)

    def index():
        got = number(index_score, "index_score")
        right = weighted(fig["mean"], weights, dims)
        if abs(got - right) <= MEAN_TOLERANCE:
            return False
        for column in _mean_like_columns(survey, dims):
            if abs(got - weighted(column, weights, dims)) <= MEAN_TOLERANCE:
                return True  # the student's own means, rightly weighted
        if abs(got - float(np.mean(fig["mean"]))) <= MEAN_TOLERANCE:
            raise Mistake("churn.unweighted_index")
        if abs(got - weighted(fig["mean"], weights, dims, scale=1)) <= MEAN_TOLERANCE * 100:
            raise Mistake("churn.weights_as_percent")
        raise Mistake("churn.index_wrong", got=round(got, 3))

    return parts_verdict("step2", [run_part("means", WEIGHTS["means"], means),
                                   run_part("satisfied", WEIGHTS["satisfied"], satisfied),
                                   run_part("index", WEIGHTS["index"], index)])


def _mean_like_columns(survey, dims: list[str]) -> list[np.ndarray]:
    """The student's columns that could be means (every value from 0 to 5)."""
    try:
        table = group_table(survey, dims, "survey")
    except Mistake:
        return []
    return [table[c].to_numpy() for c in table.columns if table[c].between(0, 5).all()]
