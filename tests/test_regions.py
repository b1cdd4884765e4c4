import pandas as pd
import pytest

from logicrm_edu import DataError, regional_table

CUSTOMERS = pd.DataFrame({
    "客户": [1, 2, 3, 4, 5],
    "区域": ["华东", "华南", "华东", "华北", "华东"],
    "航线": ["欧地线", "美加线", "欧地线", "东南亚线", "其他"],
    "营业收入": [50, 30, 10, 5, 5],
})


def test_region_counts_and_shares():
    t = regional_table(CUSTOMERS, by="区域", value="营业收入")
    # by hand: 华东 3 customers (60 %), 65 万元 (65 %); 华南 1 (20 %), 30 (30 %); 华北 1, 5
    assert t["区域"].tolist() == ["华东", "华南", "华北"]
    assert t["客户数"].tolist() == [3, 1, 1]
    assert t["客户数比重(%)"].tolist() == [60.0, 20.0, 20.0]
    assert t["营业收入"].tolist() == [65.0, 30.0, 5.0]
    assert t["营业收入比重(%)"].tolist() == [65.0, 30.0, 5.0]


def test_shipping_route_and_counts_only():
    t = regional_table(CUSTOMERS, by="航线")
    assert dict(zip(t["航线"], t["客户数"])) == {"欧地线": 2, "美加线": 1, "东南亚线": 1, "其他": 1}
    assert t.columns.tolist() == ["航线", "客户数", "客户数比重(%)"]


def test_per_year_shares_within_year():
    df = pd.concat([CUSTOMERS.assign(年份=2024), CUSTOMERS.assign(年份=2025).head(2)])
    t = regional_table(df, by=["年份", "区域"], value="营业收入")
    y2025 = t[t["年份"] == 2025]
    # 2025: 华东 50, 华南 30 → 62.5 % and 37.5 %; one customer each → 50 %
    assert y2025["营业收入比重(%)"].tolist() == [62.5, 37.5]
    assert y2025["客户数比重(%)"].tolist() == [50.0, 50.0]
    assert t[t["年份"] == 2024]["客户数"].sum() == 5


def test_english_and_missing_column():
    t = regional_table(CUSTOMERS.rename(columns={"区域": "region"}), by="region", lang="en")
    assert t.columns.tolist() == ["region", "customers", "share of customers (%)"]
    with pytest.raises(DataError, match="区域"):
        regional_table(CUSTOMERS.drop(columns="区域"))
