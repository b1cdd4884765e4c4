"""The right answers, computed from the customer data the grader trusts.

Built with the library's own :func:`~logicrm_edu.share_table` (exact integer
arithmetic), so the checks and the students' tool agree to the last digit.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from .. import columns
from ..errors import DataError
from ..exact import percent_of, scaled_integers
from ..shares import share_table
from .cells import key_text


@dataclass(frozen=True)
class Reference:
    """Right answers for one dataset; arrays ``*_data`` follow the data's row order,
    arrays ``sorted_*`` the positions of the sorted table (high → low)."""

    value: str
    """the indicator column, e.g. 营业收入"""
    key: str
    """the customer column, e.g. 客户"""
    keys: tuple[str, ...]
    """customer ids as comparable text, data order"""
    shown: tuple
    """customer ids as the data writes them, data order (for messages)"""
    values_data: np.ndarray
    share_data: np.ndarray
    """each customer's share in %, exact before float conversion"""
    order: np.ndarray
    """data positions in sorted order (stable: ties keep data order)"""
    sorted_values: np.ndarray
    sorted_cumulative: np.ndarray
    sorted_cumulative_share: np.ndarray
    total: float

    @property
    def n(self) -> int:
        return len(self.keys)

    def position(self) -> dict[str, int]:
        """customer id text → data position"""
        return {k: i for i, k in enumerate(self.keys)}

    def cumulative_in(self, order: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Running value and share (%) taking customers in ``order`` (data positions)."""
        units, decimals = scaled_integers(self.values_data[order])
        running = np.cumsum(units)
        total = running[-1]
        return running.astype(np.float64) / 10**decimals, percent_of(running, total)


def trusted_table(data) -> pd.DataFrame:
    """The grader's customer data must be a DataFrame (a teacher-side error otherwise)."""
    if not isinstance(data, pd.DataFrame):
        raise DataError("checks.trusted_not_table", got=type(data).__name__)
    return data


def resolve_column(data: pd.DataFrame, name: str, role: str) -> str:
    """``name`` if the data has it, else the same role in the other language
    (营业收入 ↔ revenue)."""
    if name in data.columns:
        return name
    defaults = {columns.name(role, lang) for lang in ("zh", "en")}
    if name in defaults:
        other = columns.find(data, role)
        if other is not None:
            return other
    raise DataError("data.missing_column", column=name, columns=", ".join(map(str, data.columns)))


def build_reference(data: pd.DataFrame, *, value: str = "营业收入", key: str = "客户") -> Reference:
    """Right answers for ``data`` (the grader's trusted customer table)."""
    trusted_table(data)
    value = resolve_column(data, value, "revenue")
    key = resolve_column(data, key, "customer")
    table = share_table(data[[key, value]], value=value, key=key, lang="zh")
    keys = tuple(key_text(k) for k in data[key])
    if len(set(keys)) != len(keys) or "" in keys:
        seen: dict[str, int] = {}
        for row, k in enumerate(keys):
            if k == "" or k in seen:
                raise DataError("data.duplicate_id" if k else "data.blank_id", row=row + 2,
                                column=key, value=data[key].iloc[row], first_row=seen.get(k, 0) + 2)
            seen[k] = row
    values = pd.to_numeric(data[value]).to_numpy(dtype=np.float64)
    order = np.argsort(-values, kind="stable")
    share_sorted = table[columns.name("share", "zh")].to_numpy(dtype=np.float64)
    share_data = np.empty_like(share_sorted)
    share_data[order] = share_sorted
    return Reference(
        value=value, key=key, keys=keys, shown=tuple(data[key].tolist()),
        values_data=values, share_data=share_data, order=order,
        sorted_values=table[value].to_numpy(dtype=np.float64),
        sorted_cumulative=table[columns.name("cumulative", "zh", value=value)].to_numpy(np.float64),
        sorted_cumulative_share=table[columns.name("cumulative_share", "zh")].to_numpy(np.float64),
        total=float(table[columns.name("cumulative", "zh", value=value)].iloc[-1]),
    )
