"""Step 5: the Pareto chart (运输延误 3, 服务态度差 1) and the VIP's complaint (D03)."""
import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from logicrm_edu.checks.customer_retention import check_complaints  # noqa: E402
from logicrm_edu.grading.answers import roundtrip  # noqa: E402

from .conftest import PYRAMID  # noqa: E402


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


def pareto(causes=("运输延误", "服务态度差"), counts=(3, 1), line=(75, 100)):
    fig, ax = plt.subplots()
    ax.bar(list(causes), list(counts))
    if line is not None:
        ax.twinx().plot(list(causes), list(line), marker="o")
    return ax


VIP = pd.DataFrame({"订单号": ["D03"], "客户编号": ["K02"], "投诉原因": ["运输延误"]})


def judge(ax, vip, reference, pyramid=None):
    return check_complaints(roundtrip(ax), roundtrip(vip), reference, PYRAMID, None,
                            roundtrip(pyramid))


def test_right_chart_and_vip_complaints(reference):
    assert judge(pareto(), VIP, reference).passed


def test_line_as_fractions_or_counts_bars_as_shares(reference):
    assert judge(pareto(line=(0.75, 1.0)), VIP, reference).passed
    assert judge(pareto(counts=(75, 25), line=(75, 100)), VIP, reference).passed
    assert judge(pareto(line=(3, 4)), VIP, reference).passed


def test_unsorted_causes_lose_the_bars_only(reference):
    verdict = judge(pareto(("服务态度差", "运输延误"), (1, 3), (25, 100)), VIP, reference)
    assert (verdict.mistake, verdict.score) == ("retention.pareto_unsorted", pytest.approx(0.6))


def test_no_line(reference):
    verdict = judge(pareto(line=None), VIP, reference)
    assert (verdict.mistake, verdict.score) == ("retention.pareto_no_line", pytest.approx(0.8))


def test_vip_not_filtered(reference, orders):
    every = orders[orders["投诉原因"].notna()]
    verdict = judge(pareto(), every, reference)
    assert (verdict.mistake, verdict.score) == ("retention.vip_not_filtered", pytest.approx(0.6))


def test_vip_of_the_students_own_pyramid(reference):
    own = pd.DataFrame({"客户编号": ["K01", "K02", "K03", "K04", "K05", "K06", "K07", "K08",
                                    "K09", "K10"],
                        "客户层级": ["VIP客户"] + ["主要客户"] * 2 + ["普通客户"] * 3
                        + ["小客户"] * 4})  # ranked by revenue: K01 is their VIP, D01 its complaint
    theirs = pd.DataFrame({"订单号": ["D01"]})
    verdict = judge(pareto(), theirs, reference, own)
    assert verdict.passed and verdict.follow_through
