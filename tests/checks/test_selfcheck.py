"""self_check: what students call in the notebook, with defaults from configure()."""

import pytest

from logicrm_edu import pareto_chart, share_table, synthetic_customers, tier_customers
from logicrm_edu.checks import Scheme, configure, configured, self_check

from .helpers import assert_mistake, assert_ok


def test_defaults_to_textbook_data_and_scheme(changhai):
    t = tier_customers(share_table(changhai))
    for step, answer in (("step2", (14, 2000, 0)), ("step3", t), ("step4", t),
                         ("step5", pareto_chart(t))):
        assert_ok(self_check(step, answer, show=False))


@pytest.mark.parametrize("step", ["step3", "3", 3, "shares", "Step 3"])
def test_step_aliases(changhai, step):
    v = self_check(step, share_table(changhai), show=False)
    assert v.step == "step3" and v.passed


def test_unknown_step():
    v = self_check("step9", None, show=False)
    assert_mistake(v, "checks.unknown_step", "step2")


def test_audit_answer_forms():
    assert_ok(self_check("step2", {"n_customers": 14, "total": 2000, "n_missing": 0}, show=False))
    assert_ok(self_check("step2", {"客户数": 14, "合计": 2000, "缺失": 0}, show=False))
    assert_ok(self_check("step2", [14, 2000, 0], show=False))
    assert_mistake(self_check("step2", 14, show=False), "checks.audit_no_answer")


def test_configure_sets_trusted_data_scheme_and_columns():
    data = synthetic_customers(25, 4)
    configure(data=data, scheme=Scheme(cuts=(70, 90), ties="order"), key="客户编号")
    tiered = tier_customers(share_table(data, key="客户编号"), cuts=(70, 90), ties="order")
    assert_ok(self_check("step4", tiered, show=False))
    data.loc[0, "营业收入"] = 99999  # the student edits their DataFrame afterwards
    assert_ok(self_check("step4", tiered, show=False))
    assert configured()["scheme"] == Scheme(cuts=(70, 90), ties="order")
    configure()
    assert configured() == {}


def test_configure_check_options(changhai):
    t = share_table(changhai).drop(columns=["累计营业收入"])
    assert not self_check("step3", t, show=False).passed
    configure(require=("share", "cumulative_share"))
    assert_ok(self_check("step3", t, show=False))


def test_explicit_arguments_win(changhai):
    configure(scheme=Scheme(cuts=(70, 90)))
    t = tier_customers(share_table(changhai))
    assert not self_check("step4", t, show=False).passed
    assert_ok(self_check("step4", t, scheme=Scheme(), show=False))


def test_prints_outside_ipython(changhai, capsys):
    v = self_check("step3", share_table(changhai))
    assert capsys.readouterr().out.strip() == str(v)
    self_check("step3", share_table(changhai), show=False)
    assert capsys.readouterr().out == ""


def test_audit_data_and_chart_options(changhai):
    raw = changhai.copy()
    raw["营业收入"] = raw["营业收入"].astype(float)
    raw.loc[0, "营业收入"] = None
    configure(data=changhai, audit_data=raw)
    assert_ok(self_check("step2", (14, 1410, 1), show=False))       # 2000 − 590
    assert_ok(self_check("step3", share_table(changhai), show=False))
    ax = pareto_chart(share_table(changhai))                         # no class codes
    assert_mistake(self_check("step5", ax, show=False), "checks.chart_no_classes")
    configure(classes=False)
    assert_ok(self_check("step5", ax, show=False))


def test_teacher_errors_raise():
    from logicrm_edu import DataError, SchemeError
    with pytest.raises(DataError):
        configure(data=[1, 2, 3])
    with pytest.raises(SchemeError):
        self_check("step4", None, scheme="80/95", show=False)
    with pytest.raises(SchemeError):
        configure(scheme=dict(cuts=(95, 80)))
