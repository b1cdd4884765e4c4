"""Where the chain went wrong: the earlier step a follow-through verdict names.

A later step that is right given the student's own wrong earlier answer says once
which step was charged for that mistake.  The share table (step 3) may be wrong only
because it divides by the student's own wrong total from step 2
(:func:`right_given_total`): that mistake is step 2's.  Any other mistake the table
shows (:func:`~.table_mistakes.table_mistake`) is step 3's.
"""
from __future__ import annotations

import math

import numpy as np

from .cells import number_or_none
from .rows import StudentRows
from .table_mistakes import table_mistake
from .tolerance import AMOUNT, all_close
from .verdict import Mistake, Phrase
from .wrong_tables import tolerance


def step2_total(answer) -> float | None:
    """The student's step-2 total as a number a share can be divided by (None if not)."""
    total = number_or_none(answer)
    return total if total is not None and math.isfinite(total) and total != 0 else None


def right_given_total(rows: StudentRows, total: float | None) -> bool:
    """The table is right except that its percentages divide by ``total`` (the student's
    own wrong step-2 total): rows sorted high → low, the indicator and 累计营业收入 (where
    given) right, 比重 and 累计比重 (at least one given) equal to the values ÷ ``total``."""
    ref = rows.ref
    if total is None or abs(total - ref.total) <= AMOUNT + 1e-9 * abs(ref.total):
        return False
    values = rows.trusted_values()
    if not np.all(np.diff(values) <= 0) or not {"share", "cumulative_share"} & set(rows.columns):
        return False
    made = {"value": values, "share": values * 100 / total, "cumulative": ref.sorted_cumulative,
            "cumulative_share": ref.sorted_cumulative * 100 / total}
    try:
        return all(all_close(rows.numbers(role), made[role], tolerance(role))
                   for role in made if role in rows.columns)
    except Mistake:
        return False


def charged_earlier(rows: StudentRows, total: float | None) -> Phrase | None:
    """What is wrong in the student's own share table and the step that was charged for it
    (a phrase for a follow-through message); None when the table is right."""
    if right_given_total(rows, total):
        return Phrase("checks.earlier.total", {"got": total, "total": rows.ref.total})
    mistake = table_mistake(rows)
    if mistake is None:
        return None
    return Phrase("checks.earlier.step3", {"mistake": Phrase(mistake.key, mistake.fields)})

