"""The right answers of the retention steps, computed from the trusted order records."""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from ...customer_database import (COMPLAINT, KEY, LINE, ORDER_ID, PROFIT, REVENUE,
                                  customer_database, customer_ratios)
from ...exact import descending_order, scaled_integers
from ...tiering import tier_codes
from ..cells import key_text

DEFAULT_LABELS = ("VIP客户", "主要客户", "普通客户", "小客户")


@dataclass(frozen=True)
class Pyramid:
    """The teacher's pyramid: VIP / major / ordinary / small by rank (or by count)."""

    cuts: tuple = (1, 5, 20)
    """top 1 %, top 5 %, top 20 % (by="rank"); or top 10, top 40, ... (by="count")"""
    by: str = "rank"
    rank_by: str = PROFIT
    """the indicator customers are ranked by: 毛利 (gross profit) or 营业收入 (revenue)"""
    labels: tuple = DEFAULT_LABELS
    rounding: str = "ceil"
    ties: str = "same"

    @classmethod
    def of(cls, settings: dict | None) -> "Pyramid":
        settings = dict(settings or {})
        for name in ("cuts", "labels"):
            if name in settings:
                settings[name] = tuple(settings[name])
        return cls(**settings)


@dataclass(frozen=True)
class Reference:
    """Everything the checks compare with, for one set of orders."""

    orders: pd.DataFrame
    database: pd.DataFrame = field(repr=False)
    """indexed by customer text, in the database's order"""
    keys: list

    @classmethod
    def of(cls, orders: pd.DataFrame) -> "Reference":
        database = customer_ratios(customer_database(orders))
        keys = [key_text(k) for k in database[KEY]]
        return cls(orders, database.set_axis(keys, axis=0), keys)

    def column(self, name: str) -> np.ndarray:
        return self.database[name].to_numpy(dtype=float)

    def complaint_orders(self) -> pd.DataFrame:
        """The orders with a complaint: order id (text), customer (text), cause."""
        causes = self.orders[COMPLAINT]
        has = ~causes.map(lambda c: c is None or (isinstance(c, float) and np.isnan(c))
                          or str(c).strip() == "").to_numpy(dtype=bool)
        chosen = self.orders[has]
        return pd.DataFrame({"order": [key_text(o) for o in chosen[ORDER_ID]],
                             "customer": [key_text(k) for k in chosen[KEY]],
                             "cause": [str(c).strip() for c in chosen[COMPLAINT]]})

    def lines(self) -> list[str]:
        return sorted({str(x) for x in self.orders[LINE]})


def pyramid_codes(values: np.ndarray, pyramid: Pyramid, *, cuts=None, rounding=None) -> np.ndarray:
    """Tier code (0 = VIP) of each customer, in the order of ``values``, ranked high to low."""
    units, _ = scaled_integers(np.asarray(values, dtype=float) - np.min(values))
    order = descending_order(units)
    codes = np.empty(len(values), dtype=np.int64)
    codes[order] = tier_codes(np.asarray(values, dtype=float)[order], cuts or pyramid.cuts,
                              by=pyramid.by, ties=pyramid.ties,
                              rounding=rounding or pyramid.rounding)
    return codes


def ranking_values(reference: Reference, indicator: str) -> np.ndarray:
    return reference.column(PROFIT if indicator == PROFIT else REVENUE)
