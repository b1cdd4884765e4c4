"""A step of several separately marked parts (ratios per customer and per line; the
pyramid and its shares; the chart's bars, line and the VIP complaints)."""
from __future__ import annotations

from typing import Callable

from ...errors import DataError, SchemeError
from ..verdict import Mistake, Part, Verdict

FOLLOWED = "followed"
"""what a part's check returns when it is right only given the student's own earlier answer"""


def part(name: str, weight: float, check: Callable[[], str | None]) -> tuple[Part, bool]:
    """Run one part's check: (the Part, whether it passed by follow-through)."""
    try:
        outcome = check()
    except Mistake as found:
        return Part(name, weight, False, found.key, dict(found.fields)), False
    except (DataError, SchemeError):
        raise
    except Exception as error:  # noqa: BLE001 - failure is data
        return Part(name, weight, False, "checks.could_not_check",
                    {"error": f"{type(error).__name__}: {error}"}), False
    return Part(name, weight, True), outcome == FOLLOWED


def step_verdict(step: str, results: list[tuple[Part, bool]], praise: str,
                 fields: dict | None = None) -> Verdict:
    """The step's verdict from its parts: the first failed part's mistake, the parts' points."""
    parts = tuple(p for p, _ in results)
    followed = any(f for _, f in results)
    failed = [p for p in parts if not p.passed]
    if not failed:
        return Verdict(step, True, None, dict(fields or {}), parts=parts,
                       follow_through=followed, praise=praise)
    return Verdict(step, False, failed[0].mistake, dict(failed[0].fields), parts=parts,
                   follow_through=followed)
