"""Step 3: the share table (textbook table 3-8)."""
from __future__ import annotations

import pandas as pd

from .earlier import right_given_total, step2_total
from .reference import build_reference
from .rows import read_rows
from .table_mistakes import check_sorted, check_values, diagnose_columns
from .verdict import Mistake, Verdict, judged, passed

SHARE_COLUMNS = ("share", "cumulative", "cumulative_share")
"""the computed columns of table 3-8: 比重(%), 累计营业收入, 累计比重(%)"""


@judged("step3")
def check_share_table(student_table, data: pd.DataFrame, *, value: str = "营业收入",
                      key: str = "客户", require=SHARE_COLUMNS, student_total=None) -> Verdict:
    """Judge a student's share table against the trusted customer ``data``.

    Right: every customer once, the indicator unchanged, rows sorted high → low
    (tied customers in any order), 比重(%) per customer and 累计<value> /
    累计比重(%) per position, percentages within 0.05 points.  ``require``
    lists the computed columns asked for (drop ``"cumulative"`` if the
    notebook does not ask for 累计营业收入).  Extra columns, any index, the
    customer as index, zh/en headings and numbers written as text are fine.
    A wrong table is named by the one cause that explains all its columns
    (:mod:`.table_mistakes`).

    ``student_total``: the student's own step-2 total (follow-through).  Percentages
    that are wrong only because they divide by it, when it is wrong, pass with
    ``follow_through=True``: that mistake is charged in step 2.
    """
    ref = build_reference(data, value=value, key=key)
    required = tuple(r for r in SHARE_COLUMNS if r in require)
    rows = read_rows(student_table, ref, ("value",) + required)
    check_values(rows)
    check_sorted(rows)
    try:
        diagnose_columns(rows, required)
    except Mistake:
        total = step2_total(student_total)
        if not right_given_total(rows, total):
            raise
        return Verdict("step3", True, None,
                       {"n": ref.n, "got": total, "total": ref.total, "column": ref.value},
                       follow_through=True, praise="checks.ok.step3.follow_through")
    return passed("step3", n=ref.n, total=ref.total)
