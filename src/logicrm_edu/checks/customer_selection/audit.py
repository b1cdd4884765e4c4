"""Step 2: auditing the prospect list — how many prospects, the monthly parcels they
promise in all, how many have a poor credit rating."""
from __future__ import annotations

import numpy as np
import pandas as pd

from ...grading.answers import NotReadable
from ...prospects import PARCELS
from ..answer_kind import refuse_unread, type_name
from ..cells import number_or_none
from ..verdict import Mistake, Phrase, Verdict, judged
from .rule import SelectionRule


@judged("step2")
def check_audit(n_prospects, total_parcels, n_poor_credit, data: pd.DataFrame,
                rule: SelectionRule) -> Verdict:
    """Judge the three audit answers; numbers may be ints, floats or numeric text."""
    rows = len(data)
    parcels = float(pd.to_numeric(data[PARCELS]).sum())
    poor = int(rule.excluded(data).sum())
    count = _answer(n_prospects, "n_prospects")
    if count != rows:
        if count == data.shape[1]:
            raise Mistake("selection.count_is_columns", got=count)
        raise Mistake("selection.wrong_prospect_count", got=count)
    total = _answer(total_parcels, "total_parcels")
    if abs(total - parcels) > 0.5:
        if abs(total - parcels / rows) <= 0.5:
            raise Mistake("selection.parcels_mean", got=total)
        raise Mistake("selection.wrong_parcels_total", got=total)
    flagged = _answer(n_poor_credit, "n_poor_credit")
    if flagged != poor:
        raise Mistake("selection.wrong_poor_count", got=flagged,
                      ratings=list(rule.exclude))
    return Verdict("step2", True, None, {"n": rows, "parcels": parcels, "poor": poor},
                   praise="selection.ok.step2")


def _answer(given, which: str) -> float:
    answer = Phrase(f"selection.answer.{which}")
    if given is None:
        raise Mistake("selection.audit_no_answer", answer=answer)
    refuse_unread(given)
    if isinstance(given, (pd.Series, pd.DataFrame, np.ndarray, list, tuple, NotReadable)):
        raise Mistake("selection.audit_not_number", answer=answer, got=type_name(given))
    number = number_or_none(given)
    if number is None or np.isnan(number):
        raise Mistake("selection.audit_not_number", answer=answer, got=repr(given))
    return number
