"""Exact arithmetic for shares and cut-offs.

Revenue figures are decimal money amounts (590, 68.5, 12.34 万元).  Summing them
as binary floats gives 79.99999999999999 % where the textbook says 80 %, and
a customer then lands in the wrong tier.  We therefore scale the values to
integers (the fewest decimal places that represent every value), accumulate in
integers, and compare ``cumulative × 100 × q ≤ p × total`` for a cut-off ``p/q``.
"""
from __future__ import annotations

from fractions import Fraction

import numpy as np

MAX_DECIMALS = 6
# Above this, int64 products could overflow: fall back to Python integers.
_SAFE = 2**62


def scaled_integers(values: np.ndarray) -> tuple[np.ndarray, int]:
    """``(values × 10^d as integers, d)`` for the smallest d ≤ 6 that loses nothing.

    Values with more than six significant decimals are rounded at the sixth
    (far below a 万元 cent).  Returns int64 when sums and the products used by
    :func:`share_reaches` cannot overflow, else an object array of Python ints.
    """
    values = np.asarray(values, dtype=np.float64)
    scaled = values
    for decimals in range(MAX_DECIMALS + 1):
        scaled = values * 10.0**decimals
        rounded = np.rint(scaled)
        # a value is representable at this scale if it is within float noise of an integer
        if np.all(np.abs(scaled - rounded) <= 1e-9 * np.maximum(1.0, np.abs(scaled))):
            break
    rounded = np.rint(scaled)
    total = float(np.abs(rounded).sum())
    if total * 100 * 1000 < _SAFE:
        return rounded.astype(np.int64), decimals
    return np.array([int(v) for v in rounded], dtype=object), decimals


def as_fraction(cut) -> Fraction:
    """A cut-off such as 80, 95.5 or "80" as an exact fraction (decimal reading)."""
    return Fraction(str(cut)) if not isinstance(cut, Fraction) else cut


def percent_of(part: np.ndarray, total) -> np.ndarray:
    """``part / total × 100`` as floats, rounded once (exact 80 % stays 80.0)."""
    if part.dtype == object:
        return np.array([p * 100 / total for p in part], dtype=np.float64)
    if total == 0:
        return np.full(part.shape, np.nan)
    return (part * 100) / total


def share_at_most(cumulative: np.ndarray, total, cut, strict: bool = False) -> np.ndarray:
    """Exactly: cumulative / total × 100 ≤ cut (``<`` when ``strict``)."""
    frac = as_fraction(cut)
    if cumulative.dtype != object and abs(int(total)) * 100 * frac.denominator >= _SAFE:
        cumulative = cumulative.astype(object)
    left = cumulative * (100 * frac.denominator)
    right = frac.numerator * total
    return left < right if strict else left <= right
