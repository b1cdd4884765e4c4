"""Step 3: the weighted score and the rank of every prospect.

Accepted: scores on 0–1 or on 0–100 (百分制) — 0–100 is what normalised values on 0–100
times fractional weights give, and equally values on 0–1 times weights in % (40), so
both are right; values on 0–100 times weights in % give 100 times the 0–100 scale, the
named mistake ``selection.weights_as_whole_numbers``.  Also accepted: any row order,
scores rounded to 0.0005 of the scale or finer (0–100: one decimal), and ranks
that give tied scores the same rank (1, 2, 2, 4) or consecutive ranks in any order
among them (1, 2, 3, 4).  A wrong score is held against the scores each typical
mistake gives (:func:`~.reference.mistaken_scores`) and named by the one it equals.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from ...exact import scaled_integers
from ..verdict import Mistake, Verdict, judged
from .answer_table import numbers, read_table
from .reference import mistaken_scores, right_scores
from .rule import SelectionRule

SCALES = (1, 100)
TOLERANCE = 0.0005
"""the largest difference accepted, as a share of the scale (0–100: 0.05)"""


@judged("step3")
def check_scores(answer, data: pd.DataFrame, rule: SelectionRule) -> Verdict:
    """Judge the ``加权得分`` and ``排名`` columns of the student's table."""
    table = read_table(answer, data, ("score", "rank"))
    got = numbers(table, "score", data)
    right = right_scores(data, rule)
    scale = fitting_scale(got, right)
    if scale is None:
        _diagnose(got, right, data, rule, table.index)
    check_ranks(got, numbers(table, "rank", data), table.index)
    return Verdict("step3", True, None, {"n": len(got), "scale": f"0–{scale}"},
                   praise="selection.ok.step3")


def fitting_scale(got: np.ndarray, expected: np.ndarray) -> int | None:
    """The scale (1 or 100) on which ``got`` equals ``expected``, or None."""
    for scale in SCALES:
        if np.all(np.abs(got - expected * scale) <= TOLERANCE * scale + 1e-9):
            return scale
    return None


def _diagnose(got, right, data, rule, customers) -> None:
    if fitting_scale(got, right * 100) is not None:
        raise Mistake("selection.weights_as_whole_numbers")
    for key, fields, scores in mistaken_scores(data, rule):
        if fitting_scale(got, scores) is not None:
            raise Mistake(key, **fields)
    scale = min(SCALES, key=lambda s: abs(np.max(np.abs(got)) - np.max(right) * s))
    wrong = [c for c, g, r in zip(customers, got, right)
             if abs(g - r * scale) > TOLERANCE * scale + 1e-9]
    raise Mistake("selection.wrong_scores", customers=wrong, count=len(wrong))


def check_ranks(scores: np.ndarray, ranks: np.ndarray, customers) -> None:
    """Raise the mistake of ranks that do not follow the scores (high score first)."""
    units, _ = scaled_integers(scores)

    def fits(better) -> np.ndarray:
        above = np.array([(better(units, u)).sum() for u in units])
        same = np.array([(units == u).sum() for u in units])
        return (ranks >= above + 1) & (ranks <= above + same) & (ranks == np.round(ranks))

    right = fits(lambda all_, u: all_ > u)
    if right.all():
        return
    if fits(lambda all_, u: all_ < u).all():
        raise Mistake("selection.rank_ascending")
    wrong = [c for c, ok in zip(customers, right) if not ok]
    raise Mistake("selection.wrong_rank", customers=wrong, count=len(wrong))
