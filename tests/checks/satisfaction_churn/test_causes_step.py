"""Step 5: the churn-cause Pareto chart and the loyalty arithmetic."""
import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pytest  # noqa: E402

from logicrm_edu.checks.satisfaction_churn import check_causes  # noqa: E402

from .conftest import COSTS  # noqa: E402

# lost: K3 价格偏高, K5 and K7 服务不达要求; costs 3 × 3.5 = 10.5 and 3 × 0.5 = 1.5


def pareto(names=("服务不达要求", "价格偏高"), counts=(2, 1), line=True):
    fig, ax = plt.subplots()
    ax.bar(list(names), list(counts))
    if line:
        running = [sum(counts[: i + 1]) / sum(counts) * 100 for i in range(len(counts))]
        ax.twinx().plot(list(names), running, marker="o")
    return ax


@pytest.fixture(autouse=True)
def _close():
    yield
    plt.close("all")


def test_right_chart_and_costs_pass(small):
    assert check_causes(pareto(), 10.5, 1.5, small, COSTS).passed


def test_unsorted_causes(small):
    verdict = check_causes(pareto(("价格偏高", "服务不达要求"), (1, 2)), 10.5, 1.5, small, COSTS)
    assert verdict.mistake == "churn.causes_unsorted" and verdict.score == pytest.approx(0.5)


def test_no_cumulative_line(small):
    verdict = check_causes(pareto(line=False), 10.5, 1.5, small, COSTS)
    assert verdict.mistake == "churn.no_cumulative_line" and verdict.score == pytest.approx(0.75)


def test_costs_swapped(small):
    verdict = check_causes(pareto(), 1.5, 10.5, small, COSTS)
    assert verdict.mistake == "churn.costs_swapped"


def test_costs_follow_the_students_own_churned_list(small):
    own = ["K3", "K5", "K7", "K6"]           # K6 is new and has no cause: same bars
    verdict = check_causes(pareto(), 14.0, 2.0, small, COSTS, own_churned=own)
    assert verdict.passed and verdict.follow_through
    assert check_causes(pareto(), 14.0, 2.0, small, COSTS).mistake == "churn.costs_wrong"
