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


@pytest.mark.parametrize("blank", [None, "  "])
def test_blank_region_is_an_error_not_a_dropped_customer(blank):
    # the old result: pandas' groupby left customer 3 out, so 华东 showed 100 % of the
    # customers and 100 % of 80 万元, and the 100 万元 of customer 3 vanished (a region of
    # only spaces became a group that looks blank)
    df = pd.DataFrame({"客户": [1, 2, 3], "区域": ["华东", "华东", blank], "营业收入": [50, 30, 100]})
    with pytest.raises(DataError) as err:
        regional_table(df, value="营业收入")
    assert err.value.key == "data.blank_group_in_table"
    assert err.value.column == "区域"
    zh, en = str(err.value).splitlines()
    assert zh.startswith("“区域”列：第 3 位客户“3”的区域是空的")
    assert "customer '3' (position 3) has a blank 区域" in en


def test_blank_year_is_an_error_too():
    df = CUSTOMERS.assign(年份=[2024, 2024, None, 2025, 2025])
    with pytest.raises(DataError, match="第 3 位客户“3”的年份是空的") as err:
        regional_table(df, by=["年份", "区域"])
    assert err.value.column == "年份"


def test_unknown_region_written_out_is_its_own_group():
    df = pd.DataFrame({"客户": [1, 2, 3, 4], "区域": ["华东", "未知", "华东", "未知"],
                       "营业收入": [50, 15, 30, 5]})
    t = regional_table(df, value="营业收入")
    # by hand: 华东 50 + 30 = 80 of 100 万元, 未知 15 + 5 = 20; two customers each
    assert t["区域"].tolist() == ["华东", "未知"]
    assert t["客户数比重(%)"].tolist() == [50.0, 50.0]
    assert t["营业收入比重(%)"].tolist() == [80.0, 20.0]


@pytest.mark.parametrize("cell, key, shown", [
    ("x", "data.not_number_in_table", "的营业收入是“x”，不是数字"),
    (None, "data.missing_value_in_table", "的营业收入是空的"),
])
def test_bad_value_names_the_customer(cell, key, shown):
    # before: a bare pandas ValueError ("Unable to parse string" / "cannot convert float NaN")
    df = pd.DataFrame({"客户": ["K1", "K2", "K3"], "区域": ["华东", "华南", "华东"],
                       "营业收入": [50, cell, 30]})
    with pytest.raises(DataError) as err:
        regional_table(df, value="营业收入")
    assert err.value.key == key
    assert err.value.column == "营业收入"
    assert "第 2 位客户“K2”" + shown in str(err.value)


def test_numbers_written_as_text_still_count():
    df = pd.DataFrame({"区域": ["华东", "华南", "华东"], "营业收入": ["50", "12.5", "37.5"]})
    t = regional_table(df, value="营业收入")
    # by hand: 华东 50 + 37.5 = 87.5 of 100 万元
    assert t["营业收入"].tolist() == [87.5, 12.5]
    assert t["营业收入比重(%)"].tolist() == [87.5, 12.5]


def test_without_customer_column_the_position_is_named():
    df = pd.DataFrame({"区域": ["华东", None], "营业收入": [5, 5]})
    with pytest.raises(DataError, match="第 2 位客户“2”的区域是空的"):
        regional_table(df)
