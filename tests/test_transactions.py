import pandas as pd
import pytest

from logicrm_edu import DataError, customers_from_transactions, share_table


@pytest.mark.parametrize("ids", [[2, 1, 2, 3, 1], ["k2", "k1", "k2", "k3", "k1"],
                                 [2_000_000_002, 1, 2_000_000_002, 3_000_000_000, 1]])
def test_totals_and_counts_in_key_order(ids):
    tx = pd.DataFrame({"客户": ids, "营业收入": [10, 5, 20, 30, 25]})
    out = customers_from_transactions(tx)
    assert out["客户"].tolist() == sorted(set(ids))
    # by hand: first customer 5 + 25, second 10 + 20, third 30; two transactions each but the last
    assert out["营业收入"].tolist() == [30, 30, 30]
    assert out["年交易次数"].tolist() == [2, 2, 1]
    # all tied: share_table keeps key order
    assert share_table(out)["客户"].tolist() == sorted(set(ids))


def test_decimal_amounts_add_up_exactly_after_share_table():
    tx = pd.DataFrame({"客户": [1] * 10 + [2], "营业收入": [0.1] * 10 + [1.0]})
    t = share_table(customers_from_transactions(tx))
    assert t["营业收入"].tolist() == [1.0, 1.0]  # ten 0.1 are exactly one 1.0: a tie
    assert t["客户"].tolist() == [1, 2]


def test_missing_column():
    with pytest.raises(DataError, match="营业收入"):
        customers_from_transactions(pd.DataFrame({"客户": [1]}))


@pytest.mark.parametrize("ids", [["k1", None, "k2", "k1"], ["k1", "  ", "k2", "k1"],
                                 [1.0, float("nan"), 2.0, 1.0]])
def test_blank_customer_is_an_error_not_a_lost_transaction(ids):
    # the old result: the 20 万元 of transaction 2 belonged to nobody and vanished
    # (k1 = 10 + 5 = 15, k2 = 30, total 45 instead of 65)
    tx = pd.DataFrame({"客户": ids, "营业收入": [10, 20, 30, 5]})
    with pytest.raises(DataError) as err:
        customers_from_transactions(tx)
    assert err.value.key == "data.blank_transaction_customer"
    assert err.value.column == "客户"
    zh, en = str(err.value).splitlines()
    assert zh.startswith("“客户”列：第 2 笔交易的客户是空的")
    assert en.startswith("column '客户': transaction 2 has a blank 客户")


def test_blank_amount_is_an_error_not_a_nan_total():
    # the old result: customer 2 got a NaN total, and share_table later blamed
    # "position 1" of its own sorted table instead of the transaction
    tx = pd.DataFrame({"客户": [1, 2, 1], "营业收入": [10, None, 30]})
    with pytest.raises(DataError) as err:
        customers_from_transactions(tx)
    assert err.value.key == "data.missing_transaction_value"
    assert err.value.column == "营业收入"
    assert "第 2 笔交易（客户“2”）的营业收入是空的" in str(err.value)
    assert "transaction 2 (customer '2') has a blank 营业收入" in str(err.value)


@pytest.mark.parametrize("ids", [[1, 2, 1], ["k1", "k2", "k1"]])
def test_amount_that_is_not_a_number(ids):
    # before: a bare "could not convert string to float" / "Unable to parse string"
    tx = pd.DataFrame({"客户": ids, "营业收入": ["10", "12万", "3"]})
    with pytest.raises(DataError) as err:
        customers_from_transactions(tx)
    assert err.value.key == "data.transaction_not_number"
    zh, en = str(err.value).splitlines()
    assert zh == (f"“营业收入”列：第 2 笔交易（客户“{ids[1]}”）的营业收入是“12万”，不是数字。"
                  "请只填写数字，不要带单位或文字。")
    assert en.startswith(f"column '营业收入': transaction 2 (customer '{ids[1]}') has 营业收入 = '12万'")


def test_numbers_written_as_text_still_add_up():
    tx = pd.DataFrame({"客户": [1, 2, 1], "营业收入": ["10", "12.5", "3"]})
    out = customers_from_transactions(tx)
    assert out["营业收入"].tolist() == [13.0, 12.5]  # by hand: 10 + 3, and 12.5


def test_first_bad_transaction_is_named():
    tx = pd.DataFrame({"客户": ["k1", "k2", None], "营业收入": [10, None, 5]})
    with pytest.raises(DataError, match="第 2 笔交易"):
        customers_from_transactions(tx)


def test_blank_customer_cell_in_an_excel_file(tmp_path):
    from openpyxl import Workbook
    wb = Workbook()
    ws = wb.active
    for row in [["客户", "营业收入"], ["K1", 10], ["K2", 20], [None, 40], ["K1", 5]]:
        ws.append(row)
    wb.save(tmp_path / "交易.xlsx")
    tx = pd.read_excel(tmp_path / "交易.xlsx")
    # Excel row 4 is the third transaction below the header
    with pytest.raises(DataError, match="第 3 笔交易的客户是空的"):
        customers_from_transactions(tx)
