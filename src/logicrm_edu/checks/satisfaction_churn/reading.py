"""Reading the answers of the satisfaction-and-churn steps, as tolerantly as is fair.

Group tables (per dimension, tier or route) are read by their values, not their
headings: the groups are found in a column, the index or the column names (a
transposed table), and each quantity asked for is looked for among all the numeric
columns.  So a student may name columns as they like; what counts is the numbers.
"""
from __future__ import annotations

import math
import unicodedata

import numpy as np
import pandas as pd

from ...grading.answers import roundtrip
from ..answer_kind import refuse_unread, type_name
from ..cells import is_blank, key_text, number_or_none
from ..verdict import Mistake, Part, Phrase, Verdict

PREFIXES = ("满意度_", "重要性_", "满意度", "重要性")


def label(cell) -> str:
    """A group's name as comparable text ("满意度_准时" → "准时")."""
    text = unicodedata.normalize("NFKC", key_text(cell)).strip()
    for prefix in PREFIXES:
        if text.startswith(prefix) and len(text) > len(prefix):
            return text[len(prefix):].strip()
    return text


def number(answer, name: str) -> float:
    """A single number the student computed (a one-cell table or list is fine too)."""
    answer = roundtrip(answer)
    if isinstance(answer, (pd.Series, pd.DataFrame, np.ndarray, list, tuple)):
        flat = (answer.to_numpy().ravel().tolist() if hasattr(answer, "to_numpy")
                else np.asarray(answer, dtype=object).ravel().tolist())
        if len(flat) == 1:
            answer = flat[0]
    refuse_unread(answer)
    value = number_or_none(answer)
    if value is None or is_blank(answer) or not math.isfinite(value):
        raise Mistake("churn.not_a_number", name=name, got=type_name(answer))
    return value


def group_table(answer, groups: list[str], name: str) -> pd.DataFrame:
    """The student's table with one row per group (index: the group names), numbers only;
    :class:`Mistake` when it is not a table or lacks a group."""
    answer = roundtrip(answer)
    if isinstance(answer, pd.Series):
        answer = answer.to_frame()
    if not isinstance(answer, pd.DataFrame):
        refuse_unread(answer)
        raise Mistake("churn.not_a_table", name=name, got=type_name(answer))
    wanted = set(groups)
    frame = _rows_by_group(answer, wanted)
    if frame is None:
        frame = _rows_by_group(answer.T.reset_index(), wanted)
    if frame is None:
        raise Mistake("churn.groups_missing", name=name, groups=groups)
    return frame.loc[groups]


def _rows_by_group(frame: pd.DataFrame, wanted: set[str]) -> pd.DataFrame | None:
    candidates = [frame.index.to_series()] + [frame.iloc[:, i] for i in range(frame.shape[1])]
    for labels in candidates:
        texts = [label(c) for c in labels.tolist()]
        if wanted <= set(texts):
            keep = [i for i, text in enumerate(texts) if text in wanted]
            picked = frame.iloc[keep].copy()
            picked.index = [texts[i] for i in keep]
            picked = picked[~picked.index.duplicated()]
            return _numeric(picked)
    return None


def _numeric(frame: pd.DataFrame) -> pd.DataFrame:
    columns = {}
    for i in range(frame.shape[1]):
        values = [number_or_none(c) for c in frame.iloc[:, i].tolist()]
        if all(v is not None for v in values):
            columns[f"{i}:{frame.columns[i]}"] = values
    return pd.DataFrame(columns, index=frame.index, dtype="float64")


def matches(values, expected, tolerance: float) -> bool:
    values, expected = np.asarray(values, float), np.asarray(expected, float)
    return values.shape == expected.shape and bool(
        np.all(np.abs(values - expected) <= tolerance))


def column_like(table: pd.DataFrame, expected, tolerance: float) -> str | None:
    """The first column of ``table`` holding ``expected`` (aligned by row), or None."""
    for column in table.columns:
        if matches(table[column].to_numpy(), expected, tolerance):
            return column
    return None


def judge_column(table: pd.DataFrame, expected, tolerance: float, what: str,
                 alternatives=(), *, percent: bool = False) -> None:
    """Nothing if a column holds ``expected``; else the mistake of the first alternative
    ((key, values) pairs) a column holds, a percentage given as a fraction, or "missing"."""
    if column_like(table, expected, tolerance) is not None:
        return
    for key, values in alternatives:
        if column_like(table, values, tolerance) is not None:
            raise Mistake(key, what=Phrase(f"churn.q.{what}"))
    as_fraction = np.asarray(expected, float) / 100
    if percent and column_like(table, as_fraction, tolerance / 100) is not None:
        raise Mistake("churn.fraction_not_percent", what=Phrase(f"churn.q.{what}"))
    raise Mistake("churn.quantity_missing", what=Phrase(f"churn.q.{what}"))


def ids(answer, name: str, known: set[str]) -> set[str]:
    """Customer ids of a list, Series or table (the column, or index, holding ids)."""
    answer = roundtrip(answer)
    if isinstance(answer, pd.DataFrame):
        candidates = [answer.iloc[:, i].tolist() for i in range(answer.shape[1])]
        candidates.append(answer.index.tolist())
        best = max(candidates, key=lambda cells: sum(key_text(c) in known for c in cells))
        return {key_text(c) for c in best}
    if isinstance(answer, pd.Series):
        cells = answer.tolist()
        if not any(key_text(c) in known for c in cells):
            cells = answer.index.tolist()
        return {key_text(c) for c in cells}
    if isinstance(answer, (list, tuple, np.ndarray)):
        return {key_text(c) for c in np.asarray(answer, dtype=object).ravel().tolist()}
    if isinstance(answer, str):
        return {key_text(answer)}
    refuse_unread(answer)
    raise Mistake("churn.not_a_list", name=name, got=type_name(answer))


def names(answer, name: str) -> set[str]:
    """Dimension names of a list, a text or a Series / table of them."""
    answer = roundtrip(answer)
    if isinstance(answer, str):
        parts = [p for p in answer.replace("，", ",").replace("、", ",").split(",")]
        return {label(p) for p in parts if p.strip()}
    if isinstance(answer, pd.DataFrame):
        answer = answer.index.tolist() if answer.shape[1] != 1 else answer.iloc[:, 0].tolist()
    if isinstance(answer, pd.Series):
        answer = answer.tolist()
    if isinstance(answer, (list, tuple, set, np.ndarray)):
        return {label(c) for c in answer}
    refuse_unread(answer)
    raise Mistake("churn.not_a_list", name=name, got=type_name(answer))


def run_part(name: str, weight: float, check) -> tuple[Part, bool]:
    """One part of a step: (the Part, whether it passed by follow-through)."""
    try:
        followed = bool(check())
        return Part(name, weight, True), followed
    except Mistake as found:
        return Part(name, weight, False, found.key, dict(found.fields)), False


def parts_verdict(step: str, parts: list[tuple[Part, bool]]) -> Verdict:
    """The step's verdict from its parts: passed when all are; else the first failed
    part's mistake speaks for the step (the others' points are kept)."""
    marked = tuple(p for p, _ in parts)
    followed = any(f for _, f in parts)
    failed = [p for p in marked if not p.passed]
    if not failed:
        return Verdict(step, True, None, {}, parts=marked, follow_through=followed,
                       praise=f"churn.ok.{step}" + (".followed" if followed else ""))
    first = failed[0]
    return Verdict(step, False, first.mistake, dict(first.fields), parts=marked,
                   follow_through=followed)
