"""Step 4: the class of every prospect — the rank pyramid, then the credit veto.

The pyramid is ``tier_customers(by="rank")``'s: the top ``cuts[0]`` % of all
prospects by score are 关键客户, the top ``cuts[1]`` % minus those 主要客户, the
rest 大众客户; counts rounded as the teacher set (up by default), tied scores in
the class of the best-placed of them.  Then every prospect with an excluded credit
rating is 不开发, whatever its place: the veto comes after ranking, so it leaves
its place empty rather than moving a weaker prospect up.

Follow-through: classes that are right for the student's own step-3 scores pass
(the step-3 mistake is charged there).  Wrong classes are held against each typical
wrong rule, on the student's own scores and on the right ones.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from ...exact import scaled_integers
from ..cells import is_blank
from ..verdict import Mistake, Phrase, Verdict, judged
from .answer_table import numbers, read_table
from .scores import check_ranks
from .reference import right_scores
from .rule import EXCLUDED, SelectionRule, class_codes

WRONG_RULES = (
    ("selection.forgot_exclusion", {"veto": False}),
    ("selection.excluded_before_ranking", {"exclude_first": True}),
    ("selection.count_rounded_down", {"rounding": "floor"}),
    ("selection.count_rounded_down", {"rounding": "round"}),
    ("selection.major_on_top_of_key", {"top_on_top": True}),
)


@judged("step4")
def check_classes(answer, data: pd.DataFrame, rule: SelectionRule, own_scored=None) -> Verdict:
    """Judge the ``类别`` column; ``own_scored``: the student's step-3 table."""
    table = read_table(answer, data, ("class",))
    got = label_codes(table, rule)
    excluded = rule.excluded(data)
    right = right_scores(data, rule)
    if np.array_equal(got, class_codes(right, excluded, rule)):
        return _passed(got, rule)
    own = own_bases(own_scored, data)
    if any(np.array_equal(got, class_codes(b, excluded, rule)) for b in own):
        return _passed(got, rule, follow_through=True)
    for scores in own + [right]:
        _diagnose(got, scores, excluded, rule, table.index)
    wrong = [c for c, g, r in zip(table.index, got, class_codes(right, excluded, rule)) if g != r]
    raise Mistake("selection.wrong_classes", customers=wrong, count=len(wrong))


def own_bases(own_scored, data: pd.DataFrame) -> list[np.ndarray]:
    """What the student's own step-3 table ranks by, in data order, higher first: their
    scores, and their ranks (negated) when those do not follow the scores (e.g. ranked
    ascending); [] when the table cannot be read."""
    if own_scored is None:
        return []
    try:
        table = read_table(own_scored, data, ("score",))
        scores = numbers(table, "score", data)
    except Mistake:
        return []
    try:
        ranks = numbers(read_table(own_scored, data, ("rank",)), "rank", data)
    except Mistake:
        return [scores]
    try:
        check_ranks(scores, ranks, table.index)
    except Mistake:
        return [scores, -ranks]
    return [scores]


def label_codes(table: pd.DataFrame, rule: SelectionRule) -> np.ndarray:
    known = {}
    for code, label in enumerate(rule.labels):
        known[_label_text(label)] = code
        known.setdefault(_label_text(label).removesuffix("客户"), code)
    cells = table["class"].tolist()
    blank = [c for c, cell in zip(table.index, cells) if is_blank(cell)]
    if blank:
        raise Mistake("selection.blank_classes", customers=blank, count=len(blank))
    unknown = list(dict.fromkeys(str(c) for c in cells if _label_text(c) not in known))
    if unknown:
        raise Mistake("selection.unknown_labels", found=unknown, expected=list(rule.labels))
    return np.array([known[_label_text(c)] for c in cells], dtype=np.int64)


def _diagnose(got, scores, excluded, rule, customers) -> None:
    for key, options in WRONG_RULES:
        if np.array_equal(got, class_codes(scores, excluded, rule, **options)):
            raise Mistake(key, **_fields(key, got, excluded, rule, customers))
    right = class_codes(scores, excluded, rule)
    if _ties_split(got, right, scores):
        split = [c for c, g, r in zip(customers, got, right) if g != r]
        raise Mistake("selection.ties_split", customers=split, count=len(split))
    kept = [c for c, g, x in zip(customers, got, excluded) if x and g != EXCLUDED]
    if kept:
        raise Mistake("selection.forgot_exclusion", customers=kept, count=len(kept),
                      ratings=list(rule.exclude), label=rule.labels[EXCLUDED])


def _ties_split(got, right, scores) -> bool:
    """Tied prospects given different classes, and right once each tie group takes the
    best class among its members."""
    units, _ = scaled_integers(np.asarray(scores) * 100)
    best = got.copy()
    for u in np.unique(units):
        group = units == u
        best[group] = got[group].min()
    return not np.array_equal(best, got) and np.array_equal(best, right)


def _fields(key, got, excluded, rule, customers) -> dict:
    if key == "selection.forgot_exclusion":
        kept = [c for c, g, x in zip(customers, got, excluded) if x and g != EXCLUDED]
        return {"customers": kept, "count": len(kept), "ratings": list(rule.exclude),
                "label": rule.labels[EXCLUDED]}
    if key == "selection.count_rounded_down":
        return {"n": len(got), "cuts": list(rule.cuts)}
    return {"label": rule.labels[EXCLUDED]}


def _passed(got, rule: SelectionRule, follow_through: bool = False) -> Verdict:
    counts = [Phrase("selection.class_count", {"label": label, "count": int((got == i).sum())})
              for i, label in enumerate(rule.labels)]
    return Verdict("step4", True, None, {"counts": counts}, follow_through=follow_through,
                   praise="selection.ok.step4.follow" if follow_through else "selection.ok.step4")


def _label_text(cell) -> str:
    return "".join(str(cell).split()).casefold()
