"""Rounding grades as schools do: 四舍五入 (round half up), never float or banker's rounding.

``round(76.25, 1)`` gives 76.2 (banker's rounding) and ``round(2.675, 2)`` gives
2.67 (2.675 is stored as 2.67499…); a teacher expects 76.3 and 2.68.  Values
are read back as the decimal a person typed (``repr``), with arithmetic noise
such as 79.55999999999999 cleaned first, then rounded half up.
"""
from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

_NOISE = Decimal("1e-9")  # far below any grade's precision, far above float error


def half_up(value, decimals: int):
    """``value`` rounded half up to ``decimals`` places (a float); None and NaN stay as they are.

    Examples
    --------
    >>> half_up(76.25, 1), half_up(0.125, 2), half_up(2.675, 2)
    (76.3, 0.13, 2.68)
    """
    if value is None or value != value:
        return value
    exact = Decimal(repr(float(value))).quantize(_NOISE, rounding=ROUND_HALF_UP)
    return float(exact.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP))


def number_format(decimals: int) -> str:
    """The Excel number format that shows exactly ``decimals`` places: ``0``, ``0.0``, ``0.000``."""
    return "0" if decimals <= 0 else "0." + "0" * decimals
