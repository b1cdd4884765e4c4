"""Step 2: auditing the customer data — how many customers, the total, how many blanks."""
from __future__ import annotations

import numpy as np
import pandas as pd

from ..grading.answers import NotReadable
from .answer_kind import refuse_unread, type_name
from .cells import is_blank, number_or_none
from .reference import resolve_column, trusted_table
from .tolerance import AMOUNT
from .verdict import Mistake, Phrase, Verdict, judged, passed


@judged("step2")
def check_audit(n_customers, total, n_missing, data: pd.DataFrame, *,
                value: str = "营业收入") -> Verdict:
    """Judge the three audit answers against the trusted ``data``.

    - ``n_customers``: the number of customer rows (``len(df)``);
    - ``total``: the sum of ``value`` over the customers that have one
      (within 0.05 万元);
    - ``n_missing``: blank cells in the ``value`` column; also accepted: the
      blank cells of the whole table, and the cells of ``value`` that are blank
      or not a number (what ``pd.to_numeric(..., errors="coerce").isna()`` counts).
    Answers may be ints, floats (14.0) or numeric text ("14"), live or rebuilt by the
    grader from the student's kernel.
    """
    trusted_table(data)
    value = resolve_column(data, value, "revenue")
    data = data.dropna(how="all")
    rows = len(data)
    column = data[value]
    blank = np.array([is_blank(c) for c in column.tolist()], dtype=bool)
    numbers = pd.to_numeric(column.where(~blank), errors="coerce")
    right_total = float(numbers.sum())
    missing_value = int(blank.sum())
    unusable = int((blank | numbers.isna().to_numpy()).sum())  # blank or not a number
    missing_table = int(sum(is_blank(c) for c in data.to_numpy().ravel().tolist()))

    count = _answer(n_customers, "n_customers")
    if count != rows:
        _diagnose_count(count, data, value, rows, missing_value)
    money = _answer(total, "total")
    if abs(money - right_total) > AMOUNT + 1e-9 * abs(right_total):
        _diagnose_total(money, data, value, numbers, right_total)
    blanks = _answer(n_missing, "n_missing")
    if blanks not in (missing_value, missing_table, unusable):
        if blanks == rows - missing_value and missing_value != rows - missing_value:
            raise Mistake("checks.missing_counted_present", column=value, got=blanks)
        raise Mistake("checks.wrong_missing", column=value, got=blanks)
    return passed("step2", n=rows, total=right_total, missing=missing_value, column=value)


def _answer(given, which: str) -> float:
    answer = Phrase(f"checks.answer.{which}")
    if given is None:
        raise Mistake("checks.audit_no_answer", answer=answer)
    refuse_unread(given)
    if isinstance(given, (pd.Series, pd.DataFrame, np.ndarray, list, tuple, NotReadable)):
        raise Mistake("checks.audit_not_number", answer=answer, got=type_name(given))
    number = number_or_none(given)
    if number is None or np.isnan(number):
        raise Mistake("checks.audit_not_number", answer=answer, got=repr(given))
    return number


def _diagnose_count(count: float, data: pd.DataFrame, value: str, rows: int,
                    missing: int) -> None:
    if count == data.shape[1] and data.shape[1] != rows:
        raise Mistake("checks.count_is_columns", got=count)
    if missing and count == rows - missing:
        raise Mistake("checks.count_skips_missing", got=count, column=value)
    if count in (rows + 1, rows - 1):
        raise Mistake("checks.count_off_by_one", got=count)
    raise Mistake("checks.wrong_count", got=count)


def _diagnose_total(money: float, data: pd.DataFrame, value: str, numbers: pd.Series,
                    right_total: float) -> None:
    def near(x) -> bool:
        return abs(money - x) <= AMOUNT + 1e-9 * abs(x)

    if len(numbers.dropna()) and near(float(numbers.mean())):
        raise Mistake("checks.total_is_mean", got=money, column=value)
    for col in data.columns:
        if col == value:
            continue
        other = pd.to_numeric(data[col], errors="coerce")
        if other.notna().any() and near(float(other.sum())):
            raise Mistake("checks.total_of_wrong_column", got=money, column=value, used=str(col))
    raise Mistake("checks.wrong_total", got=money, column=value)
