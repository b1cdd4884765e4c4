"""A student's table, read tolerantly: which row is which customer, which column is which.

Accepted: a DataFrame (any index), a pandas Styler (its data), a Series or a
dict (for the class column, indexed by customer), live or rebuilt by the grader
from the student's kernel (:mod:`logicrm_edu.grading.answers`).  The customer may be a column
or the index (``set_index("客户")``); a RangeIndex is never taken for customers,
since it is usually a rank.  A total row (合计/总计/total) and rows without a
customer id are ignored (a real customer whose id was deleted is then reported
as missing).
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from .answer_kind import refuse_unread, type_name
from .cells import key_text, numbers
from .headings import core, exact_names, find_columns
from .reference import Reference
from .verdict import Mistake, Phrase

TOTAL_ROWS = {"合计", "总计", "总和", "小计", "总额", "total", "sum", "grandtotal"}


def column_phrase(role: str, ref: Reference) -> Phrase | str:
    """How a message names a column: the data's own heading, or the library's heading."""
    if role == "key":
        return ref.key
    if role == "value":
        return ref.value
    return Phrase(f"checks.column.{role}", {"value": ref.value})


@dataclass
class StudentRows:
    """The student's rows, matched to the trusted customers."""

    frame: pd.DataFrame
    """the student's table (total row removed)"""
    columns: dict[str, object]
    """role → the student's column"""
    positions: np.ndarray
    """data position (in the trusted table) of each of the student's rows"""
    ref: Reference

    def numbers(self, role: str) -> np.ndarray:
        """The column playing ``role`` as floats; a Mistake for text or blank cells."""
        col = self.columns[role]
        values, bad = numbers(self.frame[col])
        if bad is not None:
            raise Mistake("checks.not_numbers", column=str(col), customer=self.customer(bad),
                          got=str(self.frame[col].iloc[bad]))
        blank = np.flatnonzero(np.isnan(values))
        if len(blank):
            raise Mistake("checks.blank_cells", column=str(col),
                          customers=[self.customer(i) for i in blank], count=len(blank))
        return values

    def customer(self, row: int):
        """The customer of the student's ``row`` as the data writes it."""
        return self.ref.shown[self.positions[row]]

    def trusted_values(self) -> np.ndarray:
        """The trusted indicator values in the student's row order."""
        return self.ref.values_data[self.positions]


def as_frame(answer, *, series_role: str | None = None) -> pd.DataFrame:
    """The student's answer as a DataFrame, or a Mistake saying what it is instead."""
    if answer is None:
        raise Mistake("checks.no_answer")
    refuse_unread(answer)
    if hasattr(answer, "data") and type(answer).__name__ == "Styler":
        answer = answer.data
    if isinstance(answer, dict) and series_role:
        answer = pd.Series(answer)
    if isinstance(answer, pd.Series):
        if series_role is None:
            raise Mistake("checks.not_a_table", got="Series")
        return answer.to_frame(name=series_role)
    if not isinstance(answer, pd.DataFrame):
        raise Mistake("checks.not_a_table", got=type_name(answer))
    if len(answer) == 0:
        raise Mistake("checks.empty_table")
    return answer


def read_rows(answer, ref: Reference, roles, *, optional=(),
              series_role: str | None = None) -> StudentRows:
    """Match the student's rows to the trusted customers and find the ``roles`` columns
    (and the ``optional`` ones, when the table has them)."""
    frame = as_frame(answer, series_role=series_role)
    if isinstance(frame.columns, pd.MultiIndex):
        frame = frame.copy()
        frame.columns = [" ".join(map(str, c)).strip() for c in frame.columns]
    wanted = set(roles) | set(optional) | {"key"}
    found = find_columns(frame, wanted, value=ref.value, key=ref.key)
    if series_role and series_role in frame.columns and series_role not in found:
        found[series_role] = series_role

    index_holds_keys = _index_is_customers(frame.index, ref, trust=series_role is not None
                                           and isinstance(answer, (pd.Series, dict)))
    if "key" in found and (not index_holds_keys or _holds_customers(frame[found["key"]], ref)):
        raw_keys = frame[found["key"]].tolist()
    elif index_holds_keys:  # also when a column only named like them (客户名称) is beside
        raw_keys = frame.index.tolist()
    else:
        raise Mistake("checks.missing_column", column=ref.key,
                      columns=[str(c) for c in frame.columns])
    keys = [key_text(k) for k in raw_keys]
    keep = np.array([k != "" and core(k) not in TOTAL_ROWS for k in keys])
    if not keep.all():
        frame = frame.iloc[np.flatnonzero(keep)]
        keys = [k for k, kept in zip(keys, keep) if kept]
        raw_keys = [r for r, kept in zip(raw_keys, keep) if kept]

    where = ref.position()
    given = set(keys)
    missing = [ref.shown[i] for i, k in enumerate(ref.keys) if k not in given]
    if missing:
        raise Mistake("checks.missing_customers", customers=missing, count=len(missing),
                      n=ref.n)
    extra = [raw for raw, k in zip(raw_keys, keys) if k not in where]
    if extra:
        raise Mistake("checks.extra_customers", customers=extra, count=len(extra), n=ref.n)
    if len(keys) != len(set(keys)):
        seen, twice = set(), []
        for raw, k in zip(raw_keys, keys):
            if k in seen and raw not in twice:
                twice.append(raw)
            seen.add(k)
        raise Mistake("checks.duplicate_customers", customers=twice, count=len(twice))

    for role in roles:
        if role not in found:
            raise Mistake("checks.missing_column", column=column_phrase(role, ref),
                          columns=[str(c) for c in frame.columns])
    return StudentRows(frame=frame, columns=found,
                       positions=np.array([where[k] for k in keys], dtype=np.int64), ref=ref)


def _index_is_customers(index: pd.Index, ref: Reference, *, trust: bool) -> bool:
    """Customers in the index: named like the customer column, or (for a Series/dict
    answer, or ids that are not plain row numbers) holding customer ids."""
    if isinstance(index, pd.RangeIndex):
        return False
    if index.name is not None and core(index.name) in exact_names("key", ref.value, ref.key):
        return True
    if not _holds_customers(index, ref):
        return False
    row_numbers = pd.api.types.is_integer_dtype(index.dtype)
    return trust or not row_numbers


def _holds_customers(values, ref: Reference) -> bool:
    """At least half of the trusted customer ids are among ``values``."""
    keys = {key_text(k) for k in values}
    return len(keys & set(ref.keys)) >= max(1, len(ref.keys) // 2)
