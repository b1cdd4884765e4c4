"""Step 4: the class (类别) of every customer under the teacher's scheme."""
from __future__ import annotations

import numpy as np
import pandas as pd

from ..errors import SchemeError
from .cells import label_text
from .earlier import charged_earlier, step2_total
from .own_tiers import FIRST, tiers_from_own_table
from .reference import build_reference
from .rows import read_rows
from .scheme import Scheme
from .table_mistakes import table_mistake
from .tier_mistakes import diagnose_tiers, right_tiers
from .verdict import Mistake, Phrase, Verdict, judged

# the share-table columns a tiered table may carry: the student's own basis for the classes
_OWN_COLUMNS = ("value", "share", "cumulative", "cumulative_share")


def as_scheme(scheme) -> Scheme:
    """A :class:`Scheme` from a Scheme, a dict of its fields, or None (the default)."""
    if scheme is None:
        return Scheme()
    if isinstance(scheme, Scheme):
        return scheme
    if isinstance(scheme, dict):
        return Scheme(**scheme)
    raise SchemeError("checks.scheme_not_scheme", got=type(scheme).__name__)


@judged("step4")
def check_tiers(student_table, data: pd.DataFrame, scheme: Scheme | None = None, *,
                value: str = "营业收入", key: str = "客户", student_total=None) -> Verdict:
    """Judge the class column (类别 / class / 分类 / ...) of a student's table.

    The table may be the tiered share table, or just customers and classes
    (a Series or dict indexed by customer works too).  Labels are compared
    loosely: "A", "a", "A类", "A 类客户".  Under ``ties="order"`` tied
    customers are classed in the student's own row order.

    Follow-through: classes that are wrong against the right answer but are
    what the scheme gives on the student's own table as it stands (their
    累计比重 column and row order, see :func:`~.own_tiers.tiers_from_own_table`;
    ties given their group's first row's class, which is the "same" rule on a
    right table) pass with ``follow_through=True``; the table's mistake counts in
    step 3, or in step 2 when the table only divides by the student's own wrong
    ``student_total`` (:mod:`.earlier`).
    """
    scheme = as_scheme(scheme)
    ref = build_reference(data, value=value, key=key)
    rows = read_rows(student_table, ref, ("tier",), optional=_OWN_COLUMNS, series_role="tier")
    got = _codes(rows, scheme)
    if np.array_equal(got, right_tiers(rows, scheme)):
        return _passed(got, scheme)
    total = step2_total(student_total)
    own = tiers_from_own_table(rows, scheme)
    if own is not None and np.array_equal(got, own):
        # no earlier mistake: a table within tolerance, rounded across a cut-off
        return _passed(got, scheme, charged_earlier(rows, total))
    if scheme.ties == "same" and _first_of_tie_groups(got, rows, scheme):
        return _passed(got, scheme, charged_earlier(rows, total))
    diagnose_tiers(got, rows, scheme)
    raise AssertionError("unreachable")  # diagnose_tiers always raises


def _first_of_tie_groups(got: np.ndarray, rows, scheme: Scheme) -> bool:
    """Tied customers given the class of their group's first row (``groupby(...)
    .transform("first")``), on a table with a step-3 mistake: on a right table, whose
    累计比重 rises row by row, that is the scheme's "same" rule, so the classes differ
    from "same" only through the earlier mistake."""
    first = tiers_from_own_table(rows, scheme, ties=FIRST)
    return first is not None and np.array_equal(got, first) and table_mistake(rows) is not None


def _passed(got: np.ndarray, scheme: Scheme, earlier: Phrase | None = None) -> Verdict:
    """Right classes; right only on the student's own table when it has an ``earlier``
    mistake (:func:`~.earlier.charged_earlier`: what it is and where it was charged)."""
    counts = [Phrase("checks.tier_count", {"label": lab, "count": int((got == i).sum())})
              for i, lab in enumerate(scheme.tier_labels)]
    how = scheme.describe()
    if earlier is not None:
        how = Phrase("checks.follow_through.step4", {"scheme": how, "earlier": earlier})
    return Verdict("step4", True, None, {"counts": counts, "scheme": how},
                   follow_through=earlier is not None)


def _codes(rows, scheme: Scheme) -> np.ndarray:
    column = rows.columns["tier"]
    cells = rows.frame[column].tolist()
    known = {label_text(lab): i for i, lab in enumerate(scheme.tier_labels)}
    texts = [label_text(c) for c in cells]
    blank = [i for i, text in enumerate(texts) if text == ""]
    if blank:
        raise Mistake("checks.blank_cells", column=str(column),
                      customers=[rows.customer(i) for i in blank], count=len(blank))
    unknown = list(dict.fromkeys(str(c) for c, text in zip(cells, texts) if text not in known))
    if unknown:
        raise Mistake("checks.unknown_labels", column=str(column), found=unknown,
                      expected=list(scheme.tier_labels))
    return np.array([known[text] for text in texts], dtype=np.int64)
