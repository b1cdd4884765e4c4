"""Step 1: the customer database built from the order records."""
from __future__ import annotations

import numpy as np

from ...customer_database import AVERAGE, FIRST, LAST, ORDERS, PROFIT, REVENUE, ORDER_LEVEL, KEY
from ..cells import key_text
from ..verdict import Mistake, Verdict, judged
from .reference import Reference
from .table import as_table, close, date_column, keyed, number_column

NAME = "database"
MONEY = 0.01  # yuan: sums are exact, a cent of rounding is fine
AVERAGE_ROUNDING = 0.5  # an average rounded to whole yuan is still right


@judged("step1")
def check_database(answer, reference: Reference) -> Verdict:
    """The student's database: one row per customer, the financial columns right, the
    profile, address and behaviour columns carried over."""
    table = keyed(as_table(answer, NAME), "key", reference.keys, NAME)
    db = reference.database
    orders = number_column(table, "orders", NAME)
    _same(orders, db[ORDERS], 0, "retention.orders_wrong")
    revenue = number_column(table, "revenue", NAME)
    _same(revenue, db[REVENUE], MONEY, "retention.revenue_wrong")
    first = np.array(date_column(table, "first", NAME), dtype="datetime64[ns]")
    last = np.array(date_column(table, "last", NAME), dtype="datetime64[ns]")
    right_first = db[FIRST].to_numpy(dtype="datetime64[ns]")
    right_last = db[LAST].to_numpy(dtype="datetime64[ns]")
    if (first != right_first).any():
        raise Mistake("retention.first_date_wrong", keys=_keys(first != right_first, reference))
    if (last != right_last).any():
        differ = right_first != right_last
        if (last[differ] == right_first[differ]).all():
            raise Mistake("retention.last_date_is_first")
        raise Mistake("retention.last_date_wrong", keys=_keys(last != right_last, reference))
    average = number_column(table, "average", NAME)
    right = db[AVERAGE].to_numpy(dtype=float)
    if not close(average, right, AVERAGE_ROUNDING).all():
        per_customer = db[REVENUE].to_numpy(dtype=float) / len(db)
        overall = np.full(len(db), db[REVENUE].sum() / len(db))
        if close(average, per_customer, AVERAGE_ROUNDING).all() or close(
                average, overall, AVERAGE_ROUNDING).all():
            raise Mistake("retention.average_per_customer")
        raise Mistake("retention.average_wrong",
                      keys=_keys(~close(average, right, AVERAGE_ROUNDING), reference))
    profit = number_column(table, "profit", NAME)
    _same(profit, db[PROFIT], MONEY, "retention.profit_wrong")
    _carried(table, reference)
    return Verdict("step1", True, None, {"n": len(db)}, praise="retention.ok.step1")


def _same(got, right, tolerance, mistake: str) -> None:
    wrong = ~close(got, right.to_numpy(dtype=float), tolerance)
    if wrong.any():
        raise Mistake(mistake, keys=[k for k, w in zip(right.index, wrong) if w])


def _keys(wrong, reference: Reference) -> list:
    return [k for k, w in zip(reference.keys, wrong) if w]


def carried_columns(reference: Reference) -> list[str]:
    """The customer's own columns of the orders: profile, address, behaviour."""
    return [c for c in reference.orders.columns if c not in ORDER_LEVEL and c != KEY]


def _carried(table, reference: Reference) -> None:
    wanted = carried_columns(reference)
    missing = [c for c in wanted if c not in table.columns]
    if missing:
        raise Mistake("retention.carried_missing", columns=missing)
    orders = reference.orders
    keys = [key_text(k) for k in orders[KEY]]
    for name in wanted:
        allowed: dict[str, set] = {}
        for key, value in zip(keys, orders[name].tolist()):
            allowed.setdefault(key, set()).add(key_text(value))
        wrong = [k for k, v in zip(table.index, table[name].tolist())
                 if key_text(v) not in allowed[k]]
        if wrong:
            raise Mistake("retention.carried_wrong", column=name, keys=wrong)
