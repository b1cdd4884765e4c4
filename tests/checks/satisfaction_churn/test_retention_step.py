"""Step 4: retention rate, churned customers, the tier and route tables."""
import pytest

from logicrm_edu.churn import churned_customers, retention_table
from logicrm_edu.checks.satisfaction_churn import check_retention

RATE = 4 / 7 * 100     # K1, K2, K4, K8 kept of the 7 at the start


def answers(small, **change):
    right = dict(rate=RATE, churned=churned_customers(small),
                 by_tier=retention_table(small), by_route=retention_table(small, by="航线"))
    right.update(change)
    return right["rate"], right["churned"], right["by_tier"], right["by_route"]


def test_right_answers_pass(small):
    assert check_retention(*answers(small), small).passed


def test_ids_only_and_rounded_rate_pass(small):
    assert check_retention(*answers(small, rate=57.1, churned=["K3", "K5", "K7"]), small).passed


@pytest.mark.parametrize("rate, mistake", [
    (4 / 5 * 100, "churn.retention_over_end"),          # 5 customers at the end
    (5 / 7 * 100, "churn.new_counted_as_kept"),         # this year's 5 over last year's 7
    (3 / 7 * 100, "churn.churn_rate_not_retention"),
    (4 / 7, "churn.fraction_not_percent"),
    (60, "churn.rate_wrong"),
])
def test_wrong_rates_are_named(small, rate, mistake):
    verdict = check_retention(*answers(small, rate=rate), small)
    assert verdict.mistake == mistake and verdict.score == pytest.approx(0.75)


def test_new_customers_in_the_churned_list(small):
    verdict = check_retention(*answers(small, churned=["K3", "K5", "K7", "K6"]), small)
    assert verdict.mistake == "churn.churned_includes_new"


def test_missing_and_extra_churned_are_listed(small):
    verdict = check_retention(*answers(small, churned=["K3", "K4"]), small)
    assert verdict.mistake == "churn.churned_wrong"
    assert "K5" in verdict.message("zh") and "K4" in verdict.message("zh")


def test_tier_rates_over_the_end(small):
    tiers = retention_table(small)
    # 小客户: 2 kept (K4, K8) of 5 at the start; 3 at the end with new K6
    tiers["保留率(%)"] = [100, 100, 2 / 3 * 100]
    verdict = check_retention(*answers(small, by_tier=tiers), small)
    assert verdict.mistake == "churn.retention_over_end" and verdict.score == pytest.approx(0.75)


def test_route_table_without_volume_share(small):
    routes = retention_table(small, by="航线").drop(columns="出口量占比(%)")
    verdict = check_retention(*answers(small, by_route=routes), small)
    assert verdict.mistake == "churn.quantity_missing" and "出口量占比" in verdict.message("zh")


def test_a_route_missing_from_the_table(small):
    routes = retention_table(small, by="航线").drop(index="其他")
    verdict = check_retention(*answers(small, by_route=routes), small)
    assert verdict.mistake == "churn.groups_missing"
