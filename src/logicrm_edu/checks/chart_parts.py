"""Marking a chart by parts: the parts' points, and one verdict made of their findings.

Each part (bars, line, classes, labels) is judged on its own into a finding: a
mistake or none, and whether it is right only as the student's own table
(follow-through).  The verdict passes when every part judged passes; else it
carries the first failed part's mistake, with a note of which parts are right,
and earns the points of the parts that passed.  A chart that passes by following
the student's own wrong table says once where that table's mistake was charged.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from numbers import Real

from ..errors import SchemeError
from .verdict import Mistake, Part, Phrase, Verdict

PARTS = ("bars", "line", "classes", "labels")
"""the chart's parts, in the order their mistakes are reported"""
WEIGHTS = {"bars": 1.0, "line": 1.0, "classes": 0.5, "labels": 0.5}
"""default points of the parts (shared out over the parts judged)"""


@dataclass(frozen=True)
class Finding:
    """What was found about one part."""

    followed: bool = False
    """right as the student's own table, not as the right answer"""
    mistake: Mistake | None = None


def part_shares(weights: dict | None, applies: dict[str, bool]) -> dict[str, float]:
    """Each judged part's share of the step's points, adding up to 1.

    ``weights``: the teacher's points per part (parts left out keep
    :data:`WEIGHTS`; 0: the part is not judged); ``applies``: the parts this chart
    can be judged on.  Weights that are not numbers ≥ 0 per part, or that leave
    nothing to judge, are the teacher's mistake (:class:`SchemeError`).
    """
    bad = SchemeError("checks.chart_weights", got=repr(weights), parts=", ".join(PARTS))
    if weights is not None and not isinstance(weights, dict):
        raise bad
    chosen = {**WEIGHTS, **(weights or {})}
    if set(chosen) != set(PARTS) or not all(
            isinstance(w, Real) and not isinstance(w, bool) and math.isfinite(w) and w >= 0
            for w in chosen.values()):
        raise bad
    points = {name: float(chosen[name]) for name in PARTS if applies[name] and chosen[name] > 0}
    if not points:
        raise bad
    total = sum(points.values())
    return {name: w / total for name, w in points.items()}


def parts_verdict(found: dict, shares: dict[str, float], n: int,
                  earlier: Phrase | None = None) -> Verdict:
    """The step's verdict from each judged part's finding (``found``: name → finding);
    ``earlier``: where the mistake of the student's table that parts follow was charged
    (:func:`~.earlier.charged_earlier`), said when the chart passes that way."""
    parts = tuple(_part(name, shares[name], found[name]) for name in PARTS if name in found)
    followed = {p.name for p in parts if p.passed and found[p.name].followed}
    failed = [p for p in parts if not p.passed]
    if not failed:
        if followed and earlier is not None:
            return Verdict("step5", True, None, {"n": n, "earlier": earlier}, parts=parts,
                           follow_through=True, praise="checks.ok.step5.follow_through")
        return Verdict("step5", True, None, {"n": n}, parts=parts, follow_through=bool(followed))
    first = failed[0]
    return Verdict("step5", False, first.mistake,
                   {**first.fields, "parts": _summary(parts, followed)}, parts=parts,
                   follow_through=bool(followed))


def _part(name: str, share: float, finding) -> Part:
    mistake = finding.mistake
    if mistake is None:
        return Part(name, share, True)
    return Part(name, share, False, mistake.key, dict(mistake.fields))


def _summary(parts: tuple[Part, ...], followed: set[str]) -> Phrase:
    """Which parts are right (and which of them as the student's own table) and which not."""
    def name(part: Part) -> Phrase:
        phrase = Phrase(f"checks.chart_parts.{part.name}")
        return Phrase("checks.chart_parts.followed", {"part": phrase}) \
            if part.name in followed else phrase

    right = [name(p) for p in parts if p.passed]
    wrong = [name(p) for p in parts if not p.passed]
    if right:
        return Phrase("checks.chart_parts.some", {"right": right, "wrong": wrong})
    return Phrase("checks.chart_parts.none", {"wrong": wrong})
