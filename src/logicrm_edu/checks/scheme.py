"""The tiering scheme the teacher requires, set once in a config cell."""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass

import numpy as np

from ..errors import SchemeError
from ..tiering import default_labels, tier_codes
from .verdict import Phrase


@dataclass(frozen=True)
class Scheme:
    """The rules of :func:`logicrm_edu.tier_customers`, as one value the checks use.

    Defaults are the textbook task: cumulative share, cut-offs 80 % / 95 %, a
    customer is in the upper class only if its own cumulative share is ≤ the
    cut-off, tied customers share the higher class.  An invalid scheme raises
    :class:`~logicrm_edu.SchemeError` at once (a teacher's mistake, not a student's).
    """

    cuts: tuple = (80, 95)
    """cut-offs: cumulative % (by="cumulative"), % of customers (rank), counts, or values"""
    by: str = "cumulative"
    """"cumulative", "rank", "count" or "value" (see :mod:`logicrm_edu.tiering`)"""
    boundary: str = "le"
    """the customer crossing a cumulative cut-off: "le", "lt" or "cross\""""
    ties: str = "same"
    """equal values: "same" (share the higher class) or "order" (strict position)"""
    rounding: str = "ceil"
    """by="rank": how n × cut / 100 is rounded to a number of customers"""
    labels: tuple | None = None
    """class names, top first; None gives A, B, C, ..."""

    def __post_init__(self):
        object.__setattr__(self, "cuts", tuple(self.cuts))
        if self.labels is not None:
            object.__setattr__(self, "labels", tuple(str(lab) for lab in self.labels))
        # tier_codes validates cuts and rule names and raises SchemeError in zh and en
        tier_codes(np.ones(1), self.cuts, by=self.by, boundary=self.boundary,
                   ties=self.ties, rounding=self.rounding)
        labels = self.tier_labels
        if len(labels) != len(self.cuts) + 1 or len(set(labels)) != len(labels):
            raise SchemeError("scheme.labels", n_labels=len(labels), n_tiers=len(self.cuts) + 1)

    @property
    def tier_labels(self) -> tuple[str, ...]:
        """The class names, top class first."""
        return self.labels if self.labels is not None else default_labels(len(self.cuts) + 1)

    def tier_kwargs(self, *, labels: bool = True) -> dict:
        """Keyword arguments for :func:`tier_customers` (``labels=False``: :func:`tier_codes`)."""
        kwargs = dict(cuts=self.cuts, by=self.by, boundary=self.boundary, ties=self.ties,
                      rounding=self.rounding)
        if labels:
            kwargs["labels"] = self.labels
        return kwargs

    def codes(self, sorted_values) -> np.ndarray:
        """Class index (0 = top) of each customer, for values sorted high → low."""
        return tier_codes(sorted_values, **self.tier_kwargs(labels=False))

    def replace(self, **changes) -> "Scheme":
        """A copy with some rules changed, e.g. ``scheme.replace(ties="order")``."""
        return dataclasses.replace(self, **changes)

    def describe(self) -> Phrase:
        """The scheme in words, for messages ("按累计比重，分界点 80%、95%")."""
        return Phrase(f"checks.scheme.{self.by}", {"cuts": list(self.cuts)})
