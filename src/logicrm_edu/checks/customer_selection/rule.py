"""The teacher's selection rule: criteria and weights, the class pyramid, the credit veto."""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from fractions import Fraction

import numpy as np

from ...errors import SchemeError
from ...exact import as_fraction, descending_order, scaled_integers
from ...prospects import CREDIT, CREDIT_POINTS, DISTANCE
from ...scoring import weight_fractions
from ...tiering import tier_codes

KEY, MAJOR, MASS, EXCLUDED = 0, 1, 2, 3
"""class codes: the pyramid's three classes, then "not developed" (the credit veto)"""


@dataclass(frozen=True)
class SelectionRule:
    """What the teacher set: how prospects are scored, classed and excluded."""

    weights: dict = field(default_factory=lambda: {"月均件量": 40, "单件收入": 15, "信用等级": 20,
                                                   "经营年限": 10, "距离": 15})
    """criterion → weight (in %, adding up to 100, or fractions adding up to 1)"""
    lower_better: tuple = (DISTANCE,)
    points: dict = field(default_factory=lambda: {CREDIT: dict(CREDIT_POINTS)})
    """text criterion → {text: points}"""
    cuts: tuple = (5, 20)
    """the pyramid: 关键 = top 5 % of prospects by rank, 主要 = top 20 % minus 关键"""
    labels: tuple = ("关键客户", "主要客户", "大众客户", "不开发")
    rounding: str = "ceil"
    ties: str = "same"
    exclude: tuple = ("差",)
    """credit ratings that are never developed, whatever the score"""

    def __post_init__(self):
        object.__setattr__(self, "lower_better", tuple(self.lower_better))
        object.__setattr__(self, "cuts", tuple(self.cuts))
        object.__setattr__(self, "labels", tuple(self.labels))
        object.__setattr__(self, "exclude", tuple(self.exclude))
        weight_fractions(self.weights)  # SchemeError now, not at grading time
        if len(self.cuts) != 2 or len(self.labels) != 4 or len(set(self.labels)) != 4:
            raise SchemeError("selection.rule_shape", cuts=list(self.cuts),
                              labels=list(self.labels))
        tier_codes([1.0], self.cuts, by="rank", ties=self.ties, rounding=self.rounding)

    @property
    def fractions(self) -> dict[str, Fraction]:
        return weight_fractions(self.weights)

    def excluded(self, data) -> np.ndarray:
        """Which prospects (in data order) the credit veto leaves out."""
        return data[CREDIT].astype(str).str.strip().isin(self.exclude).to_numpy()


def class_codes(scores, excluded, rule: SelectionRule, *, rounding: str | None = None,
                ties: str | None = None, exclude_first: bool = False,
                top_on_top: bool = False, veto: bool = True) -> np.ndarray:
    """The class code of each prospect (in the order given) from its score: the rank
    pyramid as ``tier_customers(by="rank")`` makes it (counts rounded by ``rounding``,
    ties by ``ties``), then the credit veto.  The keyword options give the typical
    wrong rules: the veto before ranking (``exclude_first``), the major count on top of
    the key count (``top_on_top``), no veto at all (``veto=False``)."""
    scores = np.asarray(scores, dtype=np.float64)
    excluded = np.asarray(excluded, dtype=bool)
    codes = np.full(len(scores), EXCLUDED, dtype=np.int64)
    ranked = ~excluded if (exclude_first and veto) else np.ones(len(scores), dtype=bool)
    positions = np.flatnonzero(ranked)
    if len(positions):
        units, _ = scaled_integers(scores[positions] * 100)  # ties to a millionth of a point
        order = positions[descending_order(units)]
        cuts = rule.cuts
        if top_on_top:
            n = len(order)
            key = _count(n, cuts[0], rounding or rule.rounding)
            cuts = (key, key + _count(n, cuts[1], rounding or rule.rounding))
        codes[order] = tier_codes(scores[order] * 100, cuts, by="count" if top_on_top else "rank",
                                  ties=ties or rule.ties, rounding=rounding or rule.rounding)
    if veto:
        codes[excluded] = EXCLUDED
    return codes


def _count(n: int, cut, rounding: str) -> int:
    exact = n * as_fraction(cut) / 100
    if rounding == "ceil":
        return max(1, math.ceil(exact))
    if rounding == "floor":
        return max(1, math.floor(exact))
    return max(1, math.floor(exact + Fraction(1, 2)))
