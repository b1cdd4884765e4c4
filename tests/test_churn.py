"""Retention, churned customers, the tier/route tables and the cause table, worked out
by hand on small lists."""
import doctest

import pandas as pd
import pytest

from logicrm_edu import churn
from logicrm_edu.churn import (cause_table, churned_customers, loyalty_costs,
                               retention_summary, retention_table)


@pytest.fixture
def lists():
    # K1..K5 last year; K3 and K5 lost; K6, K7 new this year
    return pd.DataFrame({
        "客户": ["K1", "K2", "K3", "K4", "K5", "K6", "K7"],
        "航线": ["欧地线", "美加线", "欧地线", "东南亚线", "美加线", "欧地线", "其他"],
        "客户等级": ["VIP客户", "一般客户", "小客户", "小客户", "小客户", "小客户", "小客户"],
        "出口量(TEU)": [500, 200, 100, 100, 100, 30, 20],
        "去年在册": ["是", "是", "是", "是", "是", "否", "否"],
        "今年在册": ["是", "是", "否", "是", "否", "是", "是"],
        "流失原因": [None, None, "价格偏高", None, "服务不达要求", None, None],
    })


def test_examples_run_as_printed():
    # pandas' defaults, as a student's fresh kernel has them (as tests/test_docstrings.py)
    with pd.option_context("display.unicode.east_asian_width", False, "display.width", 80,
                           "display.max_columns", 20, "display.max_rows", 60):
        result = doctest.testmod(churn, optionflags=doctest.ELLIPSIS)
    assert result.failed == 0 and result.attempted > 0


def test_retention_is_kept_over_customers_at_the_start(lists):
    got = retention_summary(lists).to_dict()
    # 3 of the 5 at the start stayed; the 2 new ones are not "kept"
    assert got == {"年初客户数": 5, "保留客户数": 3, "流失客户数": 2, "新增客户数": 2,
                   "年末客户数": 5, "保留率(%)": 60.0}


def test_churned_are_in_last_years_list_only(lists):
    assert churned_customers(lists)["客户"].tolist() == ["K3", "K5"]


def test_tier_table_counts_start_customers_only(lists):
    table = retention_table(lists)
    assert table.index.tolist() == ["VIP客户", "一般客户", "小客户"]
    assert table["年初客户数"].tolist() == [1, 1, 3]
    assert table["保留客户数"].tolist() == [1, 1, 1]
    assert table["保留率(%)"].tolist() == [100.0, 100.0, pytest.approx(100 / 3)]
    # volume 500 + 200 + 300 = 1000 at the start
    assert table["出口量占比(%)"].tolist() == [50.0, 20.0, 30.0]


def test_route_table_is_the_regional_layout_in_the_case_order(lists):
    table = retention_table(lists, by="航线")
    assert table.index.tolist() == ["欧地线", "美加线", "东南亚线"]
    assert table.columns.tolist() == ["年初客户数", "客户占比(%)", "出口量占比(%)",
                                      "保留客户数", "保留率(%)"]
    # 欧地线: K1, K3 (600 TEU of 1000), K1 kept
    assert table.loc["欧地线"].tolist() == [2, 40.0, 60.0, 1, 50.0]
    assert table.loc["美加线"].tolist() == [2, 40.0, 30.0, 1, 50.0]


def test_cause_table_sorts_down_and_keeps_first_seen_order_for_ties():
    lost = pd.DataFrame({"流失原因": ["员工不满", "价格偏高", "价格偏高", "对客户冷漠", None]})
    table = cause_table(lost)
    assert table["流失原因"].tolist() == ["价格偏高", "员工不满", "对客户冷漠"]
    assert table["客户数"].tolist() == [2, 1, 1]
    assert table["累计比重(%)"].tolist() == [50.0, 75.0, 100.0]


def test_loyalty_costs_are_exact():
    # 7 × 0.1 is 0.7000000000000001 in floating point; the costs come out exact
    assert loyalty_costs(7, acquire=0.7, keep=0.1) == (4.9, 0.7)
