"""The right weighted scores of the trusted data, and the scores typical mistakes give.

Every score here is on the 0–1 scale, as exact fractions turned into floats once;
a student's 0–100 scores are compared after dividing by 100 (:mod:`.scores`).
"""
from __future__ import annotations

from fractions import Fraction

import numpy as np
import pandas as pd

from ...exact import as_fraction
from ...prospects import KEY
from ...scoring import normalise
from .rule import SelectionRule


def raw_values(data: pd.DataFrame, criterion: str, rule: SelectionRule) -> list[Fraction]:
    """A criterion's figures as the score reads them (credit ratings as points)."""
    points = rule.points.get(criterion)
    cells = data[criterion].tolist()
    return [as_fraction(points[str(c).strip()]) if points else as_fraction(c) for c in cells]


def normalised(data: pd.DataFrame, rule: SelectionRule, *, flip: str | None = None
               ) -> dict[str, list[Fraction]]:
    """criterion → its min-max normalised values; ``flip``: that criterion's direction
    reversed (the mistake of ranking "farther is better")."""
    out = {}
    for criterion in rule.fractions:
        lower = (criterion in rule.lower_better) != (criterion == flip)
        out[criterion] = normalise(data, criterion, lower_better=lower,
                                   points=rule.points.get(criterion), key=KEY)
    return out


def weighted(norms: dict[str, list[Fraction]], weights: dict[str, Fraction]) -> np.ndarray:
    n = len(next(iter(norms.values()), []))
    return np.array([float(sum(weights[c] * norms[c][i] for c in weights)) for i in range(n)])


def right_scores(data: pd.DataFrame, rule: SelectionRule) -> np.ndarray:
    """Each prospect's weighted score (0–1), in data order."""
    return weighted(normalised(data, rule), rule.fractions)


def mistaken_scores(data: pd.DataFrame, rule: SelectionRule) -> list[tuple[str, dict, np.ndarray]]:
    """(mistake key, its fields, the 0–1 scores it gives) for each typical scoring mistake,
    most telling first."""
    weights = rule.fractions
    found = []
    for criterion in weights:
        found.append(("selection.wrong_direction", {"criterion": criterion},
                      weighted(normalised(data, rule, flip=criterion), weights)))
    by_max = {}
    for criterion in weights:
        values = raw_values(data, criterion, rule)
        top = max(values) or Fraction(1)
        share = [v / top for v in values]
        by_max[criterion] = [1 - s for s in share] if criterion in rule.lower_better else share
    found.append(("selection.max_normalised", {}, weighted(by_max, weights)))
    raw = {c: raw_values(data, c, rule) for c in weights}
    found.append(("selection.not_normalised", {}, weighted(raw, weights)))
    right = normalised(data, rule)
    for criterion in weights:
        rest = {c: w for c, w in weights.items() if c != criterion}
        found.append(("selection.criterion_left_out",
                      {"criterion": criterion, "total": float(sum(rest.values()) * 100)},
                      weighted({c: right[c] for c in rest}, rest)))
    return found
