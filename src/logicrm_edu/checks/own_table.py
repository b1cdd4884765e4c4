"""The student's own table, for follow-through marking of the chart: their tiered
table (step 4), or their share table (step 3) when the tiered one cannot be read.

A part of the chart that is wrong against the right answer but drawn faithfully
from the student's own table (their row order, their numbers, their classes)
is right in this step: the table's mistake is charged in the step where it was
made.  The table is read as tolerantly as the table checks read it
(:mod:`.rows`, :mod:`.headings`, :mod:`.cells`); a table, or a column of it,
that cannot be read is simply not followed; nor is a table whose indicator
column is not the data's (typed in from other data, :func:`~.own_tiers.of_the_data`).
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .cells import label_text, numbers
from .headings import ROLES, find_columns
from .own_tiers import of_the_data
from .reference import Reference
from .rows import StudentRows, read_rows
from .verdict import Mistake


@dataclass(frozen=True)
class OwnTable:
    """What the chart may follow in the student's table; arrays in the student's row order
    unless said otherwise."""

    positions: np.ndarray
    """data position (in the trusted table) of each of the student's rows"""
    values: np.ndarray | None
    """their indicator column (None when it cannot be read)"""
    shares: np.ndarray | None
    cumulative_share: np.ndarray | None
    classes: np.ndarray | None
    """class code (0 = top class) of each customer, in the trusted data's order"""
    sorted: bool
    """the rows go from the highest trusted value to the lowest"""
    rows: StudentRows
    """the table as read, its columns found (to name its own mistake, :mod:`.earlier`)"""


def read_own_table(table, ref: Reference, labels) -> OwnTable | None:
    """The student's table as far as it can be read; None without one."""
    if table is None:
        return None
    try:
        rows = read_rows(table, ref, (), series_role="tier")
    except Mistake:
        return None
    found = find_columns(rows.frame, set(ROLES), value=ref.value, key=ref.key)
    rows = StudentRows(rows.frame, found, rows.positions, ref)
    if not of_the_data(rows):
        return None
    values = ref.values_data[rows.positions]
    return OwnTable(
        positions=rows.positions,
        values=_numbers(rows, found.get("value")),
        shares=_numbers(rows, found.get("share")),
        cumulative_share=_numbers(rows, found.get("cumulative_share")),
        classes=_classes(rows, found.get("tier"), labels),
        sorted=bool(np.all(np.diff(values) <= 0)),
        rows=rows,
    )


def _numbers(rows: StudentRows, column) -> np.ndarray | None:
    if column is None:
        return None
    values, bad = numbers(rows.frame[column])
    return values if bad is None and not np.isnan(values).any() else None


def _classes(rows: StudentRows, column, labels) -> np.ndarray | None:
    if column is None:
        return None
    known = {label_text(lab): i for i, lab in enumerate(labels)}
    texts = [label_text(cell) for cell in rows.frame[column].tolist()]
    if any(text not in known for text in texts):
        return None
    by_customer = np.empty(rows.ref.n, dtype=np.int64)
    by_customer[rows.positions] = [known[text] for text in texts]
    return by_customer
