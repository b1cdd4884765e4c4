"""The customer database and its ratios, on orders small enough to work out by hand."""
import doctest
import datetime as dt

import pandas as pd
import pytest

from logicrm_edu import customer_database as module
from logicrm_edu.customer_database import (as_date, customer_database, customer_ratios,
                                           service_line_margins)
from logicrm_edu.errors import DataError


def orders() -> pd.DataFrame:
    # K2: 3 orders 2025-01-10 .. 2025-06-30, revenue 600+300+100 = 1000, cost 700 → profit 300
    # K1: 1 order, revenue 500, cost 450 → profit 50;  dates in the forms Excel gives
    return pd.DataFrame({
        "订单号": ["D1", "D2", "D3", "D4"],
        "下单日期": [dt.datetime(2025, 6, 30, 14, 5), 45667, "2025/3/1", "2025年2月2日"],
        "客户编号": ["K2", "K2", "K1", "K2"],
        "客户名称": ["乙公司", "乙公司", "甲公司", "乙公司"],
        "区域": ["华南", "华南", "华东", "华南"],
        "业务类型": ["整车", "快递", "快递", "快递"],
        "营业收入": [600, 300, 500, 100],
        "成本": [420, 200, 450, 80],
        "投诉原因": [None, "运输延误", None, None],
    })


def test_one_row_per_customer_with_the_financial_data():
    db = customer_database(orders())
    assert list(db.columns) == ["客户编号", "客户名称", "区域", "首次下单日期", "最近下单日期",
                                "订单数", "营业收入", "平均订单金额", "毛利"]
    assert db["客户编号"].tolist() == ["K1", "K2"]
    # Excel day 45667 is 2025-01-10; the time of day is dropped
    assert db["首次下单日期"].tolist() == [pd.Timestamp("2025-03-01"), pd.Timestamp("2025-01-10")]
    assert db["最近下单日期"].tolist() == [pd.Timestamp("2025-03-01"), pd.Timestamp("2025-06-30")]
    assert db["订单数"].tolist() == [1, 3]
    assert db["营业收入"].tolist() == [500, 1000]
    assert db["平均订单金额"].tolist() == pytest.approx([500, 1000 / 3])
    assert db["毛利"].tolist() == [50, 300]


def test_ratios_share_gross_profit_not_revenue():
    ratios = customer_ratios(customer_database(orders()))
    assert ratios["毛利率(%)"].tolist() == pytest.approx([10, 30])      # 50/500, 300/1000
    assert ratios["贡献率(%)"].tolist() == pytest.approx([100 * 50 / 350, 100 * 300 / 350])


def test_service_line_margin_is_of_the_line_totals():
    lines = service_line_margins(orders())
    # 快递: revenue 900, cost 730 → 170, 18.89 %  (not the mean of 33.3, 10, 20 = 21.1)
    assert lines["业务类型"].tolist() == ["快递", "整车"]
    assert lines["毛利"].tolist() == [170, 180]
    assert lines["毛利率(%)"].tolist() == pytest.approx([100 * 170 / 900, 30])


@pytest.mark.parametrize("cell, expected", [
    ("2025-01-05", "2025-01-05"), ("2025/1/5", "2025-01-05"), ("2025.1.5", "2025-01-05"),
    ("2025年1月5日", "2025-01-05"), ("20250105", "2025-01-05"), (45662, "2025-01-05"),
    ("45662", "2025-01-05"), (45662.75, "2025-01-05"), ("2025-01-05 08:30", "2025-01-05"),
    (dt.date(2025, 1, 5), "2025-01-05")])
def test_dates_in_every_spreadsheet_form(cell, expected):
    assert as_date(cell) == pd.Timestamp(expected)


@pytest.mark.parametrize("cell", ["2025-02-30", "下周", "", None, True, -3, float("nan")])
def test_what_is_not_a_date(cell):
    assert as_date(cell) is None


def test_an_unreadable_date_names_the_order():
    bad = orders()
    bad.loc[2, "下单日期"] = "三月一日"
    with pytest.raises(DataError) as error:
        customer_database(bad)
    assert error.value.key == "retention.bad_order_date"
    assert "第 3 笔" in str(error.value) and "三月一日" in str(error.value)


def test_a_blank_customer_is_refused_not_dropped():
    bad = orders()
    bad.loc[1, "客户编号"] = " "
    with pytest.raises(DataError, match="第 2 笔"):
        customer_database(bad)


def test_zero_total_profit_has_no_contribution_ratio():
    db = pd.DataFrame({"客户编号": ["K1", "K2"], "营业收入": [10, 10], "毛利": [5, -5]})
    with pytest.raises(DataError) as error:
        customer_ratios(db)
    assert error.value.key == "retention.zero_total_profit"


def test_examples_run_as_printed():
    assert doctest.testmod(module, optionflags=doctest.ELLIPSIS).failed == 0
