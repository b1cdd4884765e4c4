"""Step 4 on the class orders, where K099 and K100 sit exactly on the thresholds."""
import pandas as pd
import pytest

from logicrm_edu.checks.customer_retention import Reference, check_lifecycle
from logicrm_edu.grading.answers import roundtrip
from logicrm_edu.lifecycle import lifecycle_flags
from logicrm_edu.retention_data import default_orders

RULES = {"as_of": "2025-12-31", "window_days": 90, "drop": 0.5, "idle_days": 120}


@pytest.fixture(scope="module")
def orders():
    return default_orders()


@pytest.fixture(scope="module")
def reference(orders):
    return Reference.of(orders)


@pytest.fixture
def flags(orders):
    return lifecycle_flags(orders, **RULES)


def judge(table, reference):
    return check_lifecycle(roundtrip(table), reference, RULES)


def test_stage_column_all_or_only_flagged(flags, reference):
    assert judge(flags, reference).passed
    assert judge(flags[flags["阶段"] != "正常"][["客户编号", "阶段"]], reference).passed


def test_two_yes_no_columns(flags, reference):
    table = pd.DataFrame({"客户编号": flags["客户编号"],
                          "反复期": flags["阶段"] == "反复期",
                          "衰退期": (flags["阶段"] == "衰退期").map({True: "是", False: "否"})})
    assert judge(table, reference).passed


def test_strict_comparisons_miss_the_customers_on_the_line(flags, reference):
    on_line = flags.set_index("客户编号").loc[["K099", "K100"]]
    assert on_line["未下单天数"].tolist()[0] == 120
    assert on_line["近期订单数"].tolist()[1] * 2 == on_line["前期订单数"].tolist()[1]
    # > and < instead of ≥ and ≤: K099 (120 > 120 is false) and K100 (2 < 2 is false) drop out,
    # with every other customer whose recent orders are exactly half
    declining = flags["未下单天数"] > 120
    repeating = ~declining & (flags["前期订单数"] > 0) & (
        flags["近期订单数"] * 2 < flags["前期订单数"])
    wrong = flags.assign(阶段=["衰退期" if d else "反复期" if r else "正常"
                             for d, r in zip(declining, repeating)])
    assert wrong.set_index("客户编号").loc["K099", "阶段"] == "反复期"
    assert wrong.set_index("客户编号").loc["K100", "阶段"] == "正常"
    assert judge(wrong, reference).mistake == "retention.threshold_comparison"


def test_idle_counted_from_the_first_order(flags, reference):
    first = reference.database["首次下单日期"]
    idle = (pd.Timestamp("2025-12-31") - first).dt.days
    declining = set(idle[idle >= 120].index)
    wrong = flags.assign(阶段=[("衰退期" if k in declining else "正常") for k in flags["客户编号"]])
    assert judge(wrong, reference).mistake == "retention.idle_from_first_order"


def test_unknown_customers_are_named(flags, reference):
    extra = pd.concat([flags, pd.DataFrame({"客户编号": ["K999"], "阶段": ["衰退期"]})])
    verdict = judge(extra, reference)
    assert (verdict.mistake, verdict.fields["keys"]) == ("retention.extra_rows", ["K999"])
