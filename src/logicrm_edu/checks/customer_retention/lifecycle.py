"""Step 4: the lifecycle signals, 反复期 (orders falling) and 衰退期 (business almost stopped).

The student's table may list every customer or only the flagged ones, with a stage
column (text naming 反复期 / 衰退期, anything else for the others) or with two yes/no
columns 反复期 and 衰退期.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from ...customer_database import FIRST
from ...exact import as_fraction
from ...lifecycle import DEFAULTS, IDLE, PREVIOUS, RECENT, STAGE, DECLINING, REPEATING, \
    lifecycle_flags
from ..cells import is_blank, key_text
from ..verdict import Mistake, Verdict, judged
from .reference import Reference
from .table import as_table, find, flags

NAME = "lifecycle"


@judged("step4")
def check_lifecycle(answer, reference: Reference, settings: dict) -> Verdict:
    """The customers flagged 反复期 and 衰退期 under the teacher's thresholds."""
    rules = {**DEFAULTS, **settings}
    flagged = lifecycle_flags(reference.orders, **rules)
    keys = [key_text(k) for k in flagged.iloc[:, 0]]
    repeating, declining = _student_flags(as_table(answer, NAME), keys)
    right_rep = flagged[STAGE].to_numpy() == REPEATING
    right_dec = flagged[STAGE].to_numpy() == DECLINING
    if (repeating == right_rep).all() and (declining == right_dec).all():
        return Verdict("step4", True, None, {"repeating": int(right_rep.sum()),
                                            "declining": int(right_dec.sum())},
                       praise="retention.ok.step4")
    for strict_idle, strict_drop in ((True, False), (False, True), (True, True)):
        rep, dec = _stages(flagged, rules, strict_idle=strict_idle, strict_drop=strict_drop)
        if (repeating == rep).all() and (declining == dec).all():
            raise Mistake("retention.threshold_comparison", idle_days=rules["idle_days"],
                          drop=rules["drop"])
    rep, dec = _stages(flagged, rules, declining_first=True)
    if (repeating == rep).all() and (declining == dec).all():
        raise Mistake("retention.stage_order")
    since_first = _days_since_first(reference, flagged, rules)
    rep, dec = _stages(flagged, rules, idle=since_first)
    if (declining == dec).all() and (declining != right_dec).any():
        raise Mistake("retention.idle_from_first_order")
    if (declining != right_dec).any():
        wrong = [k for k, a, b in zip(keys, declining, right_dec) if a != b]
        raise Mistake("retention.declining_wrong", keys=wrong, n=len(wrong))
    wrong = [k for k, a, b in zip(keys, repeating, right_rep) if a != b]
    raise Mistake("retention.repeating_wrong", keys=wrong, n=len(wrong))


def _student_flags(table: pd.DataFrame, keys: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """(repeating, declining) per customer of ``keys``; customers not listed are neither."""
    key_column = find(table, "key")
    raw = table[key_column].tolist() if key_column is not None else table.index.tolist()
    texts = [key_text(k) for k in raw]
    unknown = sorted(set(texts) - set(keys))
    if unknown:
        raise Mistake("retention.extra_rows", name=NAME, keys=unknown, n=len(unknown))
    repeated = sorted({k for k in texts if texts.count(k) > 1})
    if repeated:
        raise Mistake("retention.repeated_rows", name=NAME, keys=repeated)
    stage = find(table, "stage")
    rep_col, dec_col = find(table, "repeating"), find(table, "declining")
    if rep_col is not None and dec_col is not None:
        rep_rows, dec_rows = flags(table[rep_col]), flags(table[dec_col])
    elif stage is not None:
        words = ["" if is_blank(c) else str(c).casefold() for c in table[stage].tolist()]
        rep_rows = np.array([("反复" in w or "repeat" in w) for w in words])
        dec_rows = np.array([("衰退" in w or "declin" in w) for w in words])
    else:
        raise Mistake("retention.missing_column", name=NAME, column=STAGE)
    position = {k: i for i, k in enumerate(keys)}
    repeating, declining = np.zeros(len(keys), bool), np.zeros(len(keys), bool)
    for text, r, d in zip(texts, rep_rows, dec_rows):
        repeating[position[text]] |= r
        declining[position[text]] |= d
    return repeating, declining


def _stages(flagged: pd.DataFrame, rules: dict, *, strict_idle=False, strict_drop=False,
            declining_first=False, idle=None) -> tuple[np.ndarray, np.ndarray]:
    """(repeating, declining) with one of the usual slips."""
    idle = flagged[IDLE].to_numpy() if idle is None else idle
    previous, recent = flagged[PREVIOUS].to_numpy(), flagged[RECENT].to_numpy()
    ratio = as_fraction(rules["drop"])
    left, right = recent * ratio.denominator, previous * ratio.numerator
    falling = (previous > 0) & ((left < right) if strict_drop else (left <= right))
    declining = (idle > rules["idle_days"]) if strict_idle else (idle >= rules["idle_days"])
    if declining_first:  # 衰退期 set first, then overwritten by 反复期
        return falling, declining & ~falling
    return falling & ~declining, declining


def _days_since_first(reference: Reference, flagged: pd.DataFrame, rules: dict) -> np.ndarray:
    review = pd.Timestamp(flagged["最近下单日期"].iloc[0]) + pd.Timedelta(
        days=int(flagged[IDLE].iloc[0]))
    first = reference.database[FIRST]
    keys = [key_text(k) for k in flagged.iloc[:, 0]]
    return np.array([(review - first[k]).days for k in keys])
