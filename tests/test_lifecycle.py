"""Lifecycle flags at the thresholds, worked out by hand (review date 2025-12-31)."""
import doctest

import pandas as pd
import pytest

from logicrm_edu import lifecycle as module
from logicrm_edu.errors import DataError
from logicrm_edu.lifecycle import lifecycle_flags


def flags(rows, **settings):
    orders = pd.DataFrame(rows, columns=["客户编号", "下单日期"])
    return lifecycle_flags(orders, as_of="2025-12-31", **settings).set_index("客户编号")


def test_exactly_idle_days_is_declining_one_day_less_is_not():
    # 2025-09-02 is 120 days before 2025-12-31, 2025-09-03 is 119
    out = flags([("A", "2025-09-02"), ("B", "2025-09-03")])
    assert out["未下单天数"].tolist() == [120, 119]
    # B's one order is in the previous period and none is recent: falling, not yet declining
    assert out["阶段"].tolist() == ["衰退期", "反复期"]


def test_exactly_half_the_orders_is_repeating():
    # recent window 10-03 … 12-31 (ages 0–89), previous 07-05 … 10-02 (ages 90–179)
    rows = [("A", d) for d in ("2025-07-05", "2025-08-01", "2025-09-01", "2025-10-02",
                               "2025-11-01", "2025-12-01")]          # 4 → 2: exactly half
    rows += [("B", d) for d in ("2025-08-01", "2025-09-01", "2025-10-02", "2025-10-03",
                                "2025-11-01", "2025-12-01")]          # 3 → 3
    rows += [("C", "2025-07-04"), ("C", "2025-12-30")]   # 07-04 is age 180: not counted
    out = flags(rows)
    assert out.loc["A", ["前期订单数", "近期订单数"]].tolist() == [4, 2]
    assert out.loc["B", ["前期订单数", "近期订单数"]].tolist() == [3, 3]
    assert out.loc["C", ["前期订单数", "近期订单数"]].tolist() == [0, 1]
    assert out["阶段"].tolist() == ["反复期", "正常", "正常"]


def test_declining_wins_over_falling_and_thresholds_are_settings():
    rows = [("A", "2025-08-01"), ("A", "2025-08-20")]  # previous 2, recent 0, idle 133
    assert flags(rows)["阶段"].tolist() == ["衰退期"]
    assert flags(rows, idle_days=150)["阶段"].tolist() == ["反复期"]
    # drop 0.4: 1 of 2 previous is 0.5 > 0.4, not falling
    rows = [("B", "2025-08-01"), ("B", "2025-08-20"), ("B", "2025-12-01")]
    assert flags(rows, drop=0.4)["阶段"].tolist() == ["正常"]
    assert flags(rows, drop="0.5")["阶段"].tolist() == ["反复期"]


def test_orders_after_the_review_date_are_not_counted():
    out = flags([("A", "2025-06-01"), ("A", "2026-01-05")])
    assert out.loc["A", "未下单天数"] == 213 and out.loc["A", "阶段"] == "衰退期"


def test_a_bad_review_date():
    with pytest.raises(DataError) as error:
        lifecycle_flags(pd.DataFrame({"客户编号": ["A"], "下单日期": ["2025-01-01"]}),
                        as_of="年底")
    assert error.value.key == "retention.bad_review_date"


def test_examples_run_as_printed():
    assert doctest.testmod(module).failed == 0
