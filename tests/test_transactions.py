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
