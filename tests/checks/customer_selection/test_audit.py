import pytest

from logicrm_edu.checks.customer_selection import check_audit

from .helpers import DATA, RULE


def test_right_audit_in_any_number_form():
    assert check_audit(22, 27540, 2, DATA, RULE).passed
    assert check_audit("22", 27540.0, 2.0, DATA, RULE).passed


@pytest.mark.parametrize("answers, mistake", [
    ((10, 27540, 2), "selection.count_is_columns"),
    ((21, 27540, 2), "selection.wrong_prospect_count"),
    ((22, 27540 / 22, 2), "selection.parcels_mean"),
    ((22, 27000, 2), "selection.wrong_parcels_total"),
    ((22, 27540, 20), "selection.wrong_poor_count"),
    ((22, [27540], 2), "selection.audit_not_number"),
    ((None, 27540, 2), "selection.audit_no_answer"),
])
def test_wrong_audits_are_named(answers, mistake):
    verdict = check_audit(*answers, DATA, RULE)
    assert not verdict.passed and verdict.mistake == mistake
    assert verdict.hint("zh") and verdict.hint("en")
