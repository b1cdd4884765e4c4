"""Step 2: gross-margin rate and contribution ratio per customer, margin per service line.

Follow-through: the customer ratios are also right when computed from the student's
own database (their 营业收入 and 毛利), even if that database was wrong.
"""
from __future__ import annotations

import numpy as np

from ...customer_database import LINE, MARGIN, PROFIT, REVENUE, service_line_margins
from ...grading.answers import NotReadable
from ..verdict import Mistake, Verdict
from .parts import FOLLOWED, part, step_verdict
from .reference import Reference
from .table import as_table, close, keyed, number_column, percent_matches

WEIGHTS = {"customers": 0.5, "lines": 0.5}


def check_ratios(ratios, lines, reference: Reference, own_database=None) -> Verdict:
    """Step 2's verdict: the ``ratios`` table (per customer) and the ``lines`` table (per
    service line), half the points each."""
    return step_verdict("step2", [
        part("customers", WEIGHTS["customers"],
             lambda: _customer_ratios(ratios, reference, own_database)),
        part("lines", WEIGHTS["lines"], lambda: _line_margins(lines, reference)),
    ], praise="retention.ok.step2")


def own_amounts(table, reference: Reference) -> tuple[np.ndarray, np.ndarray] | None:
    """(revenue, gross profit) per customer as the student's own table has them, or None."""
    if table is None or isinstance(table, NotReadable):
        return None
    try:
        frame = keyed(as_table(table, "database"), "key", reference.keys, "database")
        return (number_column(frame, "revenue", "database"),
                number_column(frame, "profit", "database"))
    except Mistake:
        return None


def _customer_ratios(answer, reference: Reference, own_database) -> str | None:
    table = keyed(as_table(answer, "ratios"), "key", reference.keys, "ratios")
    margin = number_column(table, "margin", "ratios")
    contribution = number_column(table, "contribution", "ratios")
    trusted = (reference.column(REVENUE), reference.column(PROFIT))
    bases = [trusted] + [b for b in (own_amounts(own_database, reference),
                                     own_amounts(answer, reference)) if b is not None]
    for n, (revenue, profit) in enumerate(bases):
        if (percent_matches(margin, _percent(profit, revenue))
                and percent_matches(contribution, _percent(profit, profit.sum()))):
            return FOLLOWED if n else None
    revenue, profit = trusted
    if not percent_matches(margin, _percent(profit, revenue)):
        if percent_matches(margin, _percent(profit, revenue - profit)):
            raise Mistake("retention.margin_on_cost")
        raise Mistake("retention.margin_wrong")
    if percent_matches(contribution, _percent(revenue, revenue.sum())):
        raise Mistake("retention.contribution_from_revenue")
    raise Mistake("retention.contribution_wrong")


def _line_margins(answer, reference: Reference) -> None:
    right = service_line_margins(reference.orders).set_index(LINE)
    lines = [str(x) for x in right.index]
    table = keyed(as_table(answer, "lines"), "line", lines, "lines")
    margin = number_column(table, "margin", "lines")
    expected = right.loc[lines, MARGIN].to_numpy(dtype=float)
    if percent_matches(margin, expected):
        return None
    profit = right.loc[lines, PROFIT].to_numpy(dtype=float)
    revenue = right.loc[lines, REVENUE].to_numpy(dtype=float)
    if percent_matches(margin, _percent(profit, revenue - profit)):
        raise Mistake("retention.margin_on_cost")
    if percent_matches(margin, _mean_order_margins(reference, lines)):
        raise Mistake("retention.line_margin_averaged")
    wrong = ~(close(margin, expected, 0.05) | close(margin, expected / 100, 0.0005))
    raise Mistake("retention.line_margin_wrong", lines=[x for x, w in zip(lines, wrong) if w])


def _mean_order_margins(reference: Reference, lines: list[str]) -> np.ndarray:
    orders = reference.orders
    revenue = orders[REVENUE].to_numpy(dtype=float)
    cost = orders["成本"].to_numpy(dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        rates = (revenue - cost) * 100 / revenue
    by_line = orders[LINE].astype(str).to_numpy()
    return np.array([np.nanmean(rates[by_line == x]) for x in lines])


def _percent(part_values: np.ndarray, whole) -> np.ndarray:
    whole = np.asarray(whole, dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        out = np.asarray(part_values, dtype=float) * 100 / whole
    return np.where(np.isfinite(out), out, np.nan)
