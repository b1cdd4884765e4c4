"""The typical wrong ways of computing table 3-8, each recomputed in full from the trusted data.

A :class:`WrongTable` is one cause — shares written as fractions, rounded to
whole numbers, not accumulated, rounded before accumulating, accumulated
before sorting, divided by the wrong total — with every column it produces.
A student may make a slip in one column and not in another (fractions only in
比重), so a column the slip may have left alone is *optional*: either the
slip's version or the right one fits.

:func:`wrong_tables` lists them in the order a tie between them is settled:
fixed recomputations first (a factor of 100, whole numbers, a missing cumsum,
rounding at 0–2 decimals, two wrong orders), then denominators fitted to the
student's own numbers, which match any column proportional to the right one.
Choosing among them is :mod:`.table_mistakes`' job.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from ..exact import scaled_integers
from .reference import Reference
from .tolerance import AMOUNT, PERCENT, all_close, round_half_up
from .verdict import Phrase

ROLES = ("share", "cumulative", "cumulative_share")
"""the computed columns, in the order they stand in the table (and were computed)"""
FRACTION = PERCENT / 100
"""allowed error of a share written as a fraction (0.37)"""
_SHARE_DECIMALS = (0, 1, 2)


def tolerance(role: str) -> float:
    """How close a student's ``role`` column must be to the right one: 0.05 万元 or points."""
    return AMOUNT if role == "cumulative" else PERCENT


def _scaled_tolerance(column: np.ndarray) -> float:
    """For a column divided by a fitted number: fractions (never above 1.5) to 0.0005."""
    return FRACTION if len(column) and np.nanmax(np.abs(column)) <= 1.5 else PERCENT


@dataclass(frozen=True)
class WrongTable:
    """One wrong way of computing the table, as the columns it produces."""

    way: str
    """which way, e.g. ``"fraction"``, ``"unsorted.data"``, ``"denominator"``"""
    mistake: str
    """catalogue key of the step-3 mistake it is"""
    made: dict[str, np.ndarray]
    """role → the column this way produces, one number per row of the table"""
    optional: frozenset = frozenset()
    """roles the slip may have left right"""
    fields: dict = field(default_factory=dict)
    """facts of the way for its message (e.g. the denominator used)"""
    tolerances: dict = field(default_factory=dict)
    """role → how close the student's column must be to ``made`` (default: :func:`tolerance`)"""

    def fits(self, role: str, got: np.ndarray, right: np.ndarray) -> bool:
        """The student's ``role`` column is what this way gives (or right, if allowed)."""
        if self._is_made(role, got):
            return True
        return (role not in self.made or role in self.optional) and \
            all_close(got, right, tolerance(role))

    def shows(self, role: str, got: np.ndarray, right: np.ndarray) -> bool:
        """The student's ``role`` column is this way's version, nearer to it than to the
        right one (shares rounded to 0.1 show rounding although they are within tolerance)."""
        if not self._is_made(role, got):
            return False
        made = self.made[role]
        return float(np.max(np.abs(got - made))) < float(np.max(np.abs(got - right)))

    def _is_made(self, role: str, got: np.ndarray) -> bool:
        made = self.made.get(role)
        return made is not None and all_close(got, made,
                                              self.tolerances.get(role, tolerance(role)))


def right_columns(ref: Reference, positions: np.ndarray) -> dict[str, np.ndarray]:
    """The right columns for rows holding the customers at data ``positions``, sorted
    high → low (tied customers in any order)."""
    return {"share": ref.share_data[positions], "cumulative": ref.sorted_cumulative,
            "cumulative_share": ref.sorted_cumulative_share}


def wrong_tables(ref: Reference, positions: np.ndarray,
                 got: dict[str, np.ndarray] | None = None) -> list[WrongTable]:
    """Every typical wrong table for rows holding the customers at data ``positions``
    (sorted high → low), in tie-break order.  ``got``: the student's columns, from
    which the denominators are fitted (none are tried without them)."""
    right = right_columns(ref, positions)
    share, running_share = right["share"], right["cumulative_share"]
    values = ref.values_data[positions]
    ways = [WrongTable("fraction", "checks.share_as_fraction",
                       {"share": share / 100, "cumulative_share": running_share / 100},
                       frozenset(ROLES), tolerances=dict.fromkeys(ROLES, FRACTION))]
    for rounded in (round_half_up, np.round):
        ways.append(WrongTable("whole", "checks.rounded_too_coarse",
                               {"share": rounded(share, 0),
                                "cumulative_share": rounded(running_share, 0)},
                               frozenset(ROLES)))
    ways.append(WrongTable("not_accumulated", "checks.not_accumulated",
                           {"cumulative": values, "cumulative_share": share}, frozenset(ROLES)))
    for decimals in _SHARE_DECIMALS:
        for rounded in (round_half_up, np.round):
            parts = rounded(share, decimals)
            ways.append(WrongTable("rounded_first", "checks.rounding_before_cumsum",
                                   {"share": parts, "cumulative_share": np.cumsum(parts)},
                                   frozenset({"share"})))
    for way, order in (("unsorted.data", np.arange(ref.n)),
                       ("unsorted.ascending", np.argsort(ref.values_data, kind="stable"))):
        running, shares = _accumulated_in(ref, order)
        ways.append(WrongTable(way, "checks.cumulative_unsorted",
                               {"cumulative": running[positions],
                                "cumulative_share": shares[positions]}, frozenset(ROLES)))
    if got is not None:
        ways += _denominators(ref, positions, right, got)
    return ways


def _accumulated_in(ref: Reference, order: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Running value and share per customer (data positions) when accumulated in ``order``."""
    running, shares = ref.cumulative_in(order)
    by_customer_running, by_customer_share = np.empty(ref.n), np.empty(ref.n)
    by_customer_running[order] = running
    by_customer_share[order] = shares
    return by_customer_running, by_customer_share


def _denominators(ref: Reference, positions: np.ndarray, right: dict,
                  got: dict) -> list[WrongTable]:
    """Shares divided by one wrong total D — in 比重, in 累计比重 or in both — with D
    fitted to each wrong percentage column; and 比重 divided by each row's running total."""
    values = ref.values_data[positions]
    ways = [WrongTable("denominator", "checks.wrong_denominator",
                       {"share": _percent(values, ref.sorted_cumulative)}, frozenset(),
                       {"used": Phrase("checks.denominator.running")})]
    parts = {"share": values, "cumulative_share": ref.sorted_cumulative}
    fitted: list[float] = []
    for role in ("share", "cumulative_share"):
        if role in got and not all_close(got[role], right[role]):
            d = infer_denominator(got[role], parts[role])
            if d is not None and not any(abs(d - e) <= 1e-9 * abs(e) for e in fitted):
                fitted.append(d)
    for d in fitted:
        made = {role: part * 100 / d for role, part in parts.items()}
        ways.append(WrongTable("denominator", "checks.wrong_denominator", made, frozenset(ROLES),
                               {"used": name_denominator(d, ref)},
                               {role: _scaled_tolerance(column) for role, column in made.items()}))
    return ways


def _percent(parts: np.ndarray, denominators) -> np.ndarray:
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(np.asarray(denominators) != 0, parts * 100 / denominators, np.nan)


def infer_denominator(got_percent: np.ndarray, parts: np.ndarray) -> float | None:
    """The single number D with ``got ≈ parts / D × 100`` for every row, if there is one."""
    usable = (np.abs(got_percent) > 1e-12) & (parts != 0) & np.isfinite(got_percent)
    if not usable.any():
        return None
    i = int(np.argmax(np.where(usable, np.abs(got_percent), -1)))
    denominator = parts[i] * 100 / got_percent[i]
    if not np.isfinite(denominator) or denominator == 0:
        return None
    predicted = parts * 100 / denominator
    tol = PERCENT if np.abs(got_percent).max() > 1.5 else FRACTION
    return float(denominator) if all_close(got_percent, predicted, tol) else None


def name_denominator(denominator: float, ref: Reference) -> Phrase:
    """Say what the student divided by: the largest value, the count, the mean, a part."""
    values = ref.values_data

    def near(x) -> bool:
        return abs(denominator - x) <= 0.005 * abs(x) + 1e-9

    if near(ref.total * 100):
        return Phrase("checks.denominator.fraction", {"value": ref.total})
    if near(values.max()):
        return Phrase("checks.denominator.max", {"value": float(values.max())})
    if near(ref.n):
        return Phrase("checks.denominator.count", {"value": ref.n})
    if near(ref.total / ref.n):
        return Phrase("checks.denominator.mean", {"value": ref.total / ref.n})
    units, decimals = scaled_integers(values)
    partial = np.concatenate([np.cumsum(units[ref.order])[:-1], np.cumsum(units)[:-1],
                              units.sum() - units]).astype(np.float64) / 10**decimals
    if len(partial):
        nearest = float(partial[np.argmin(np.abs(partial - denominator))])
        if near(nearest):
            return Phrase("checks.denominator.partial", {"value": nearest, "n": ref.n})
    return Phrase("checks.denominator.other", {"value": denominator})
