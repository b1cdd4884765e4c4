"""Step 3: the VIP pyramid (each customer's tier) and each tier's share of sales.

Follow-through: the tiers are also right when ranked on the student's own figures
(their database's 毛利 or 营业收入, or their ratios' 贡献率, which ranks like 毛利),
and the shares are also right when summed over the student's own tiers.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import replace

import numpy as np

from ...customer_database import PROFIT, REVENUE
from ..cells import is_blank, key_text
from ..verdict import Mistake, Verdict
from .parts import FOLLOWED, part, step_verdict
from .ratios import own_amounts
from .reference import Pyramid, Reference, pyramid_codes, ranking_values
from .table import as_table, close, column, find, keyed, number_column, percent_matches

WEIGHTS = {"tiers": 0.5, "shares": 0.5}
_ENGLISH = ("vip", "major", "ordinary", "small")


def check_pyramid(pyramid, shares, reference: Reference, settings: Pyramid,
                  own_database=None, own_ratios=None) -> Verdict:
    """Step 3's verdict: the tiers (half the points) and the tiers' shares (half)."""
    own = student_tiers(pyramid, reference, settings)
    return step_verdict("step3", [
        part("tiers", WEIGHTS["tiers"],
             lambda: _tiers(pyramid, reference, settings, own_database, own_ratios)),
        part("shares", WEIGHTS["shares"], lambda: _shares(shares, reference, settings, own)),
    ], praise="retention.ok.step3", fields={"labels": list(settings.labels)})


def tier_code(label, labels) -> int | None:
    """The tier a label names: "VIP客户", "VIP", "vip customers" → 0; None if no tier."""
    text = _plain(label)
    for i, name in enumerate(labels):
        if text == _plain(name):
            return i
    if len(labels) == len(_ENGLISH) and text in _ENGLISH:
        return _ENGLISH.index(text)
    return None


def _plain(label) -> str:
    text = unicodedata.normalize("NFKC", "" if is_blank(label) else str(label)).casefold()
    text = re.sub(r"\s+", "", text)
    return re.sub(r"(客户|类|customers?|tier)$", "", text) or text


def student_tiers(answer, reference: Reference, settings: Pyramid) -> np.ndarray | None:
    """The tier code of each customer in the student's pyramid (None when unreadable)."""
    try:
        return _codes(answer, reference, settings)
    except Mistake:
        return None


def _codes(answer, reference: Reference, settings: Pyramid) -> np.ndarray:
    table = keyed(as_table(answer, "pyramid"), "key", reference.keys, "pyramid")
    codes = []
    for label in column(table, "tier", "pyramid").tolist():
        code = tier_code(label, settings.labels)
        if code is None:
            raise Mistake("retention.unknown_tier_label", label=key_text(label),
                          labels=list(settings.labels))
        codes.append(code)
    return np.array(codes)


def _tiers(answer, reference, settings: Pyramid, own_database, own_ratios) -> str | None:
    codes = _codes(answer, reference, settings)
    right = pyramid_codes(ranking_values(reference, settings.rank_by), settings)
    # customers tied on the indicator may share the better tier or be split by place
    either = [replace(settings, ties=ties) for ties in ("same", "order")]
    if any((codes == pyramid_codes(ranking_values(reference, settings.rank_by), s)).all()
           for s in either):
        return None
    for values in _own_rankings(reference, settings, own_database, own_ratios):
        if any((codes == pyramid_codes(values, s)).all() for s in either):
            return FOLLOWED
    other = REVENUE if settings.rank_by == PROFIT else PROFIT
    if (codes == pyramid_codes(ranking_values(reference, other), settings)).all():
        raise Mistake("retention.ranked_by_revenue" if other == REVENUE
                      else "retention.ranked_by_profit")
    for k in range(1, len(settings.cuts)):
        if (codes == np.maximum(right, k)).all():  # if … if … instead of if … elif …
            raise Mistake("retention.tiers_cumulative")
    if _cumulative_counts(codes, right, len(settings.labels)):
        raise Mistake("retention.tiers_cumulative")
    for rounding in ("floor", "round", "ceil"):
        if rounding != settings.rounding and (codes == pyramid_codes(
                ranking_values(reference, settings.rank_by), settings, rounding=rounding)).all():
            raise Mistake("retention.tier_rounding", rounding=settings.rounding)
    wrong = [k for k, c, r in zip(reference.keys, codes, right) if c != r]
    raise Mistake("retention.tiers_wrong", keys=wrong, n=len(wrong))


def _cumulative_counts(codes, right, tiers: int) -> bool:
    """Each tier holds as many customers as all tiers up to it should (top 5 % as 主要客户
    without taking the VIPs out)."""
    got = np.bincount(codes, minlength=tiers)[:-1]
    each = np.bincount(right, minlength=tiers)[:-1]
    return bool((got == np.cumsum(each)).all() and (got != each).any())


def _own_rankings(reference, settings: Pyramid, own_database, own_ratios):
    wanted = 1 if settings.rank_by == PROFIT else 0
    for table in (own_database, own_ratios):
        amounts = own_amounts(table, reference)
        if amounts is not None:
            yield amounts[wanted]
    if settings.rank_by == PROFIT and own_ratios is not None:
        try:
            frame = keyed(as_table(own_ratios, "ratios"), "key", reference.keys, "ratios")
            yield number_column(frame, "contribution", "ratios")
        except Mistake:
            pass


def _shares(answer, reference: Reference, settings: Pyramid, own) -> str | None:
    table = as_table(answer, "tier_shares")
    labels_at = find(table, "tier")
    labels = table[labels_at].tolist() if labels_at is not None else table.index.tolist()
    codes = [tier_code(label, settings.labels) for label in labels]
    if None in codes:
        raise Mistake("retention.unknown_tier_label", label=key_text(labels[codes.index(None)]),
                      labels=list(settings.labels))
    counts = number_column(table, "count", "tier_shares")
    share = number_column(table, "share", "tier_shares")
    right = pyramid_codes(ranking_values(reference, settings.rank_by), settings)
    bases = [right] + ([own] if own is not None and (own != right).any() else [])
    for n, basis in enumerate(bases):
        want_counts, want_share = _summary(basis, codes, reference, settings)
        if (close(counts, want_counts, 0).all() and set(codes) >= set(np.unique(basis))
                and percent_matches(share, want_share)):
            return FOLLOWED if n else None
    basis = bases[-1]
    want_counts, want_share = _summary(basis, codes, reference, settings)
    cumulative = np.cumsum(np.bincount(basis, minlength=len(settings.labels)))
    if close(counts, cumulative[codes], 0).all() and not close(counts, want_counts, 0).all():
        raise Mistake("retention.tiers_cumulative")
    if not close(counts, want_counts, 0).all() or set(codes) < set(np.unique(basis)):
        raise Mistake("retention.tier_count_wrong")
    _, profit_share = _summary(basis, codes, reference, settings, PROFIT)
    if percent_matches(share, profit_share):
        raise Mistake("retention.share_of_profit")
    raise Mistake("retention.tier_share_wrong")


def _summary(basis, codes, reference: Reference, settings: Pyramid, value: str = REVENUE):
    amounts = reference.column(value)
    tiers = len(settings.labels)
    count = np.bincount(basis, minlength=tiers)
    total = np.bincount(basis, weights=amounts, minlength=tiers)
    return count[codes].astype(float), total[codes] * 100 / amounts.sum()
