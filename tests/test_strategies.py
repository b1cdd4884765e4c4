import pytest

from logicrm_edu import SchemeError, strategies_for, strategy_table


def test_empty_table_3_9():
    t = strategy_table()
    assert t["类别"].tolist() == ["A", "B", "C"]
    assert t.columns.tolist()[1:3] == ["年均交易额 ≥ (万元)", "年交易次数 ≥"]
    assert t.drop(columns="类别").isna().all().all()


def test_labels_and_english():
    t = strategy_table(("VIP", "主要客户", "普通客户", "小客户"), lang="en")
    assert t["class"].tolist() == ["VIP", "主要客户", "普通客户", "小客户"]


def test_measures_per_tier():
    a = strategies_for("A")
    assert any("专职" in m for m in a) and a[-1].startswith("目标")
    assert any("明日之星" in m for m in strategies_for("小客户"))
    assert strategies_for("VIP", lang="en")[-1].startswith("Goal")
    assert any("supervisor" in m for m in strategies_for("B", lang="en"))


def test_unknown_label():
    with pytest.raises(SchemeError) as err:
        strategies_for("Z")
    assert err.value.key == "strategy.unknown_label" and "VIP" in str(err.value)
