"""Step 4: the retention rate, the churned customers, retention by tier and by route.

Four equal parts.  Retention is kept ÷ customers at the start; the usual wrong ways
(kept ÷ customers at the end, this year's list ÷ last year's with the new customers
counted as kept, the churn rate instead) are named.  The route table is the
regional analysis layout: customers at the start, their share of all customers, the
route's share of the export volume, kept, retention rate.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from ...churn import group_order
from ...churn_data import KEY, LAST, ROUTE, THIS, TIER, VOLUME, YES
from ..verdict import Mistake, Phrase, Verdict, judged
from .reading import group_table, ids, judge_column, number, parts_verdict, run_part
from .survey_step import PERCENT_TOLERANCE

WEIGHTS = {"rate": 0.25, "churned": 0.25, "tiers": 0.25, "routes": 0.25}
COUNT_TOLERANCE = 1e-9


def _pct(part, whole) -> np.ndarray:
    part, whole = np.asarray(part, float), np.asarray(whole, float)
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(whole > 0, part * 100 / np.where(whole > 0, whole, 1), np.nan)


def group_figures(data: pd.DataFrame, by: str) -> tuple[list[str], dict[str, np.ndarray]]:
    """The groups, and per group the right figures and the typical wrong rates."""
    last, this = data[LAST].eq(YES), data[THIS].eq(YES)
    start = data[last]
    groups = group_order(start[by], by)
    volume = pd.to_numeric(data[VOLUME])
    rows = {k: [] for k in ("start", "kept", "end", "volume")}
    for g in groups:
        member = data[by].eq(g)
        rows["start"].append(int((member & last).sum()))
        rows["kept"].append(int((member & last & this).sum()))
        rows["end"].append(int((member & this).sum()))
        rows["volume"].append(float(volume[member & last].sum()))
    f = {k: np.array(v, float) for k, v in rows.items()}
    f["rate"] = _pct(f["kept"], f["start"])
    f["over_end"] = _pct(f["kept"], f["end"])
    f["new_kept"] = _pct(f["end"], f["start"])
    f["customer_share"] = _pct(f["start"], f["start"].sum())
    f["volume_share"] = _pct(f["volume"], f["volume"].sum())
    return groups, f


@judged("step4")
def check_retention(rate, churned, by_tier, by_route, data: pd.DataFrame) -> Verdict:
    """The verdict on the overall ``rate`` (%), the ``churned`` customers, and the tables
    ``by_tier`` and ``by_route``."""
    last, this = data[LAST].eq(YES), data[THIS].eq(YES)
    start, kept, end = int(last.sum()), int((last & this).sum()), int(this.sum())
    lost = {str(k) for k in data.loc[last & ~this, KEY]}
    new = {str(k) for k in data.loc[this & ~last, KEY]}

    def overall():
        got = number(rate, "retention_rate")
        right = kept * 100 / start
        if abs(got - right) <= PERCENT_TOLERANCE:
            return False
        for key, value in (("churn.retention_over_end", kept * 100 / end),
                           ("churn.new_counted_as_kept", end * 100 / start),
                           ("churn.churn_rate_not_retention", 100 - right)):
            if abs(got - value) <= PERCENT_TOLERANCE:
                raise Mistake(key, what=Phrase("churn.q.rate"))
        if abs(got - right / 100) <= PERCENT_TOLERANCE / 100:
            raise Mistake("churn.fraction_not_percent", what=Phrase("churn.q.rate"))
        raise Mistake("churn.rate_wrong", got=round(got, 2))

    def customers():
        got = ids(churned, "churned", {str(k) for k in data[KEY]})
        if got == lost:
            return False
        if got == lost | new:
            raise Mistake("churn.churned_includes_new", n=len(new))
        if got == new:
            raise Mistake("churn.churned_are_new")
        raise Mistake("churn.churned_wrong", missing=sorted(lost - got) or Phrase("churn.nothing"),
                      extra=sorted(got - lost) or Phrase("churn.nothing"))

    def table(answer, by: str, name: str, quantities: tuple[str, ...]):
        groups, f = group_figures(data, by)
        found = group_table(answer, groups, name)
        judge_column(found, f["start"], COUNT_TOLERANCE, "start")
        judge_column(found, f["kept"], COUNT_TOLERANCE, "kept")
        judge_column(found, f["rate"], PERCENT_TOLERANCE, "rate", [
            ("churn.retention_over_end", f["over_end"]),
            ("churn.new_counted_as_kept", f["new_kept"]),
            ("churn.churn_rate_not_retention", 100 - f["rate"])], percent=True)
        for what in quantities:
            judge_column(found, f[what], PERCENT_TOLERANCE, what, percent=True)
        return False

    return parts_verdict("step4", [
        run_part("rate", WEIGHTS["rate"], overall),
        run_part("churned", WEIGHTS["churned"], customers),
        run_part("tiers", WEIGHTS["tiers"], lambda: table(by_tier, TIER, "by_tier", ())),
        run_part("routes", WEIGHTS["routes"], lambda: table(
            by_route, ROUTE, "by_route", ("customer_share", "volume_share")))])
