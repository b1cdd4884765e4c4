"""Step 4: the class (类别) of every customer under the teacher's scheme."""
from __future__ import annotations

import numpy as np
import pandas as pd

from ..errors import SchemeError
from .cells import label_text
from .reference import build_reference
from .rows import read_rows
from .scheme import Scheme
from .tier_mistakes import TierCandidates, diagnose_tiers
from .verdict import Mistake, Phrase, Verdict, judged, passed


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
                value: str = "营业收入", key: str = "客户") -> Verdict:
    """Judge the class column (类别 / class / 分类 / ...) of a student's table.

    The table may be the tiered share table, or just customers and classes
    (a Series or dict indexed by customer works too).  Labels are compared
    loosely: "A", "a", "A类", "A 类客户".  Under ``ties="order"`` tied
    customers are classed in the student's own row order.
    """
    scheme = as_scheme(scheme)
    ref = build_reference(data, value=value, key=key)
    rows = read_rows(student_table, ref, ("tier",), series_role="tier")
    got = _codes(rows, scheme)
    cand = TierCandidates(rows, scheme)
    if np.array_equal(got, cand.expected()):
        labels = scheme.tier_labels
        counts = [Phrase("checks.tier_count", {"label": lab, "count": int((got == i).sum())})
                  for i, lab in enumerate(labels)]
        return passed("step4", counts=counts, scheme=scheme.describe())
    diagnose_tiers(got, rows, scheme)
    raise AssertionError("unreachable")  # diagnose_tiers always raises


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
