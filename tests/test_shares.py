import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from logicrm_edu import DataError, load_dataset, share_table
from textbook import TABLE_3_8, TOTAL


def test_textbook_table_3_8_exactly():
    t = share_table(load_dataset("changhai"), value="营业收入", key="客户")
    assert list(t.columns) == ["客户", "营业收入", "比重(%)", "累计营业收入", "累计比重(%)"]
    expected = pd.DataFrame(TABLE_3_8, columns=t.columns, index=range(1, 15)).astype(
        {"营业收入": float, "累计营业收入": float})
    # exact equality: the percentages of table 3-8 are exact decimals of 2000
    pd.testing.assert_frame_equal(t, expected, check_exact=True)
    assert t["营业收入"].sum() == TOTAL


def test_shares_unrounded_and_sum_to_100():
    df = pd.DataFrame({"客户": ["x", "y", "z"], "营业收入": [1, 1, 1]})
    t = share_table(df)
    assert t["比重(%)"].iloc[0] == pytest.approx(100 / 3, abs=0)  # not rounded to 33.3
    assert t["累计比重(%)"].iloc[-1] == 100.0
    assert t["比重(%)"].sum() == pytest.approx(100)


def test_exactly_80_percent_stays_80():
    # 0.1 + 0.7 = 0.7999999999999999 in floats; the table must show 80.0
    df = pd.DataFrame({"客户": [1, 2, 3, 4], "营业收入": [0.7, 0.1, 0.1, 0.1]})
    assert 0.7 + 0.1 != 0.8  # the float trap this guards against
    t = share_table(df)
    assert t["累计比重(%)"].tolist() == [70.0, 80.0, 90.0, 100.0]
    assert t["累计营业收入"].tolist() == [0.7, 0.8, 0.9, 1.0]


def test_ties_keep_original_row_order():
    df = pd.DataFrame({"客户": ["b", "a", "c"], "营业收入": [5, 5, 9]})
    assert share_table(df)["客户"].tolist() == ["c", "b", "a"]


def test_english_columns_same_numbers():
    zh = share_table(load_dataset("changhai"))
    en = share_table(load_dataset("changhai", lang="en"), lang="en")
    assert list(en.columns) == ["customer", "revenue", "share (%)", "cumulative revenue",
                                "cumulative share (%)"]
    np.testing.assert_array_equal(zh.to_numpy(), en.to_numpy())


def test_other_indicator_and_key():
    df = pd.DataFrame({"编号": ["k1", "k2"], "利润": [3, 9]})
    t = share_table(df, value="利润", key="编号")
    assert list(t.columns) == ["编号", "利润", "比重(%)", "累计利润", "累计比重(%)"]
    assert t["编号"].tolist() == ["k2", "k1"]


@pytest.mark.parametrize("bad", [[5, -1], [5, "abc"], [5, None]])
def test_bad_values_named(bad):
    df = pd.DataFrame({"客户": ["甲", "乙"], "营业收入": bad})
    with pytest.raises(DataError) as err:
        share_table(df)
    assert "乙" in str(err.value) and "营业收入" in str(err.value)


def test_missing_column_and_empty():
    with pytest.raises(DataError, match="营业收入"):
        share_table(pd.DataFrame({"客户": [1]}))
    with pytest.raises(DataError) as err:
        share_table(pd.DataFrame({"客户": [], "营业收入": []}))
    assert err.value.key == "data.empty"


def test_zero_total():
    with pytest.raises(DataError) as err:
        share_table(pd.DataFrame({"客户": [1, 2], "营业收入": [0, 0]}))
    assert err.value.key == "data.zero_total"


money = st.integers(min_value=0, max_value=10**7).map(lambda cents: cents / 100)


@settings(max_examples=150, deadline=None)
@given(st.lists(money, min_size=1, max_size=60).filter(lambda v: sum(v) > 0))
def test_properties_on_random_money(values):
    df = pd.DataFrame({"客户": range(len(values)), "营业收入": values})
    t = share_table(df)
    assert t["比重(%)"].sum() == pytest.approx(100, abs=1e-9)
    cum = t["累计比重(%)"].to_numpy()
    assert np.all(np.diff(cum) >= 0)
    assert cum[-1] == 100.0
    assert np.all(np.diff(t["营业收入"].to_numpy()) <= 0)
    # stable: equal values keep the original order of their rows
    for _, group in t.groupby("营业收入"):
        assert group["客户"].is_monotonic_increasing
    assert sorted(t["客户"]) == list(range(len(values)))


def test_float_noise_from_sums_is_read_as_the_decimal():
    noisy = 0.1 + 0.2  # 0.30000000000000004
    df = pd.DataFrame({"客户": [1, 2], "营业收入": [0.3, noisy]})
    t = share_table(df)
    assert t["营业收入"].tolist() == [0.3, 0.3]
    assert t["客户"].tolist() == [1, 2]  # a tie, in original order
    assert t["累计比重(%)"].tolist() == [50.0, 100.0]
