"""How close a student's number must be to count as right.

Percentages correct to one decimal are right: within 0.05 percentage points of
the exact share (so 94.85 rounded either way, 3.4, 3.40 and 3.4000001 all pass).
Amounts in 万元 get the same 0.05 allowance.  A tiny relative slack absorbs
float noise (79.99999999999999).
"""
from __future__ import annotations

import numpy as np

PERCENT = 0.05
"""allowed error of a percentage, in percentage points"""
AMOUNT = 0.05
"""allowed error of an amount (万元)"""
_SLACK = 1e-9


def close(got, expected, tol: float = PERCENT) -> np.ndarray:
    """Element-wise: ``got`` within ``tol`` of ``expected`` (arrays of equal length)."""
    got = np.asarray(got, dtype=np.float64)
    expected = np.asarray(expected, dtype=np.float64)
    return np.abs(got - expected) <= tol + _SLACK * np.maximum(1.0, np.abs(expected))


def all_close(got, expected, tol: float = PERCENT) -> bool:
    got = np.asarray(got, dtype=np.float64)
    expected = np.asarray(expected, dtype=np.float64)
    return got.shape == expected.shape and bool(close(got, expected, tol).all())


def first_wrong(got, expected, tol: float = PERCENT) -> int:
    """Position of the first element that is not close (-1 if none)."""
    bad = np.flatnonzero(~close(got, expected, tol))
    return int(bad[0]) if len(bad) else -1


def round_half_up(x, decimals: int) -> np.ndarray:
    """Rounding as taught (and as Excel does): 2.5 → 3, 0.05 → 0.1."""
    factor = 10.0**decimals
    x = np.asarray(x, dtype=np.float64)
    return np.sign(x) * np.floor(np.abs(x) * factor + 0.5 + 1e-9) / factor
