import pandas as pd

from logicrm_edu import share_table, synthetic_customers
from logicrm_edu.student_data import student_customers


def test_each_student_gets_own_reproducible_data():
    a1, a2 = student_customers("seed-x", "S001"), student_customers("seed-x", "S001")
    pd.testing.assert_frame_equal(a1, a2)
    assert not a1["营业收入"].equals(student_customers("seed-x", "S002")["营业收入"])
    assert not a1["营业收入"].equals(student_customers("seed-y", "S001")["营业收入"])
    assert a1.columns.tolist() == ["客户", "客户名称", "行业", "区域", "营业收入"]
    # it is the synthetic generator's data under the documented seed
    raw = synthetic_customers(20, seed="seed-x:S001")
    assert a1["营业收入"].tolist() == raw["营业收入"].tolist()
    assert len(share_table(a1)) == 20


def test_the_data_is_chinese_whatever_the_teachers_language(monkeypatch):
    from logicrm_edu import set_language

    chinese = student_customers("seed-x", "S001")
    set_language("en")
    try:
        english_run = student_customers("seed-x", "S001")
    finally:
        set_language(None)
    pd.testing.assert_frame_equal(chinese, english_run)
