"""Exact arithmetic for shares and cut-offs.

Revenue figures are decimal money amounts (590, 68.5, 12.34 万元).  Summing them
as binary floats gives 79.99999999999999 % where the textbook says 80 %, and
a customer then lands in the wrong tier.  We therefore scale the values to
integers (the fewest decimal places that represent every value), accumulate in
integers, and compare ``cumulative × 100 × q ≤ p × total`` for a cut-off ``p/q``.

Cut-offs are read the same way: a float is the short decimal it stands for
(a notebook slider's 70.00000000000001 is 70, 79.99999999999999 is 80, 80.05
stays 80.05), never the binary fraction behind it.
"""
from __future__ import annotations

from fractions import Fraction

import numpy as np

MAX_DECIMALS = 6
# Above this, int64 products could overflow: fall back to Python integers.
_SAFE = 2**62


def scaled_integers(values: np.ndarray) -> tuple[np.ndarray, int]:
    """``(values × 10^d as integers, d)`` for the smallest d ≤ 6 that loses nothing.

    Values with more than six decimals are rounded at the sixth (far below a
    万元 cent).  Returns int64 when sums and the products used by
    :func:`share_at_most` cannot overflow, else an object array of Python ints.
    """
    values = np.asarray(values, dtype=np.float64)
    # try each scale on a sample first: a wrong scale almost always fails there
    sample = values[:: max(1, len(values) // 2048)]
    for decimals in range(MAX_DECIMALS + 1):
        if _integral(sample * 10.0**decimals) is None:
            continue
        rounded = _integral(values * 10.0**decimals)
        if rounded is not None:
            break
    else:
        rounded = np.rint(values * 10.0**MAX_DECIMALS)
    if float(np.abs(rounded).sum()) * 100 * 1000 < _SAFE:
        return rounded.astype(np.int64), decimals
    return np.array([int(v) for v in rounded], dtype=object), decimals


def _integral(scaled: np.ndarray) -> np.ndarray | None:
    """The rounded values if every one is within float noise of an integer, else None."""
    rounded = np.rint(scaled)
    gap = np.subtract(scaled, rounded, out=scaled)  # scaled is a temporary: reuse it
    np.abs(gap, out=gap)
    tolerance = np.abs(rounded)
    tolerance *= 1e-9
    tolerance += 1e-9
    return rounded if bool(np.all(gap <= tolerance)) else None


def descending_order(units: np.ndarray) -> np.ndarray:
    """Positions that sort ``units`` high → low, ties in their original order.

    NumPy's stable sort of int64 is a comparison sort (~2.5× its quicksort);
    for 16-bit keys it is an O(n) radix sort, so we run an LSD radix sort over
    16-bit digits of ``max - units`` (two passes for amounts below 2^32).
    """
    if units.dtype == object or len(units) == 0:
        return np.argsort(-units, kind="stable")
    key = (units.max() - units).astype(np.uint64)
    order = np.argsort((key & np.uint64(0xFFFF)).astype(np.uint16), kind="stable")
    shift, top = 16, int(key.max())
    while top >> shift:
        digit = ((key[order] >> np.uint64(shift)) & np.uint64(0xFFFF)).astype(np.uint16)
        order = order[np.argsort(digit, kind="stable")]
        shift += 16
    return order


def as_fraction(cut) -> Fraction:
    """A cut-off such as 80, 95.5 or "80" as an exact fraction (decimal reading).

    A float is read like the values (:func:`scaled_integers`): 70.00000000000001 → 70.
    """
    if isinstance(cut, Fraction):
        return cut
    if isinstance(cut, (float, np.floating)):
        units, decimals = scaled_integers(np.array([cut], dtype=np.float64))
        return Fraction(int(units[0]), 10**decimals)
    return Fraction(str(cut))


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
    total = int(total)  # a Python int: numerator × total must not wrap around in int64
    right = frac.numerator * total
    if cumulative.dtype != object and len(cumulative):
        biggest = max(abs(total), int(np.abs(cumulative).max()))
        if max(biggest * 100 * frac.denominator, abs(right)) >= _SAFE:
            cumulative = cumulative.astype(object)
    left = cumulative * (100 * frac.denominator)
    return left < right if strict else left <= right


def at_most(numbers, cut, strict: bool = False) -> np.ndarray:
    """Exactly, reading both as the decimals meant: numbers ≤ cut (``<`` when ``strict``).

    For numbers already written down: values against value cut-offs, or a
    student's 累计比重 column against percentage cut-offs.
    """
    units, decimals = scaled_integers(np.asarray(numbers, dtype=np.float64))
    # units / 10^d ≤ cut  ⇔  units / (100 · 10^d) × 100 ≤ cut
    return share_at_most(units, 100 * 10**decimals, cut, strict=strict)
