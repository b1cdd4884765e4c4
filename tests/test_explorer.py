from logicrm_edu import load_dataset, synthetic_customers
from logicrm_edu.explorer import explore, tiering_explorer


def test_explore_recomputes_for_each_setting():
    df = load_dataset("changhai")
    tiered, summary, ax = explore(df, indicator="营业收入", key="客户", cut_a=80, cut_b=95,
                                  ties="order")
    assert summary["客户数"].tolist() == [4, 5, 5]
    tiered, summary, ax = explore(df, indicator="营业收入", key="客户", cut_a=70, cut_b=90,
                                  boundary="cross")
    # cross: 2 (66.5 → 73.5) crosses 70 → A; 7 (87.9 → 90.4) crosses 90 → B,
    # and 8 (tied with 7 at 50) joins it under ties="same"
    assert "".join(tiered["类别"].astype(str)) == "AAABBBBBCCCCCC"
    assert len(ax.patches) == 14


def test_explore_other_indicator_and_rank_scheme():
    df = synthetic_customers(100, seed=5)
    tiered, summary, _ = explore(df, indicator="利润", key="客户编号", by="rank", cut_a=5, cut_b=20,
                                  ties="order")
    assert summary["客户数"].tolist() == [5, 15, 80]
    assert tiered["利润"].min() >= 0  # losses are counted as zero contribution


def test_widget_builds_headless():
    widget = tiering_explorer(load_dataset("changhai"))
    assert len(widget.children) == 4
