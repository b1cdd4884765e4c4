"""Grading checks for the customer-tiering notebooks: pure functions that judge a
student's answer against the data the grader trusts and explain the mistake (zh/en).

Every check returns a :class:`Verdict` and never raises for a wrong answer
(a student object of the wrong type, None included, is a failed verdict too)::

    check_audit(n_customers, total, n_missing, data, value="营业收入")      # step 2
    check_share_table(table, data, value="营业收入", key="客户")            # step 3
    check_tiers(table, data, Scheme(cuts=(80, 95)), value=..., key=...)     # step 4
    check_chart(chart, data, scheme=None, value=..., key=...)               # step 5

Answers may be live objects or what the grader rebuilt from the student's kernel
(:mod:`logicrm_edu.grading`): a chart is judged on its description either way.

Only problems on the teacher's side raise: trusted data that is not a clean
customer DataFrame (:class:`~logicrm_edu.DataError`) or an invalid scheme
(:class:`~logicrm_edu.SchemeError`).

nbgrader test cells (hidden or visible) are one line each, with the grader's own
copy of the data, never the student's variable ``df``::

    assert_passed(check_share_table(t, load_dataset("changhai")))

Student self-checks, after a config cell ``configure(data=..., scheme=Scheme(...))``::

    check = self_check
    check("step3", t)        # → Verdict, shown by Jupyter: "✅ ..." or "❌ what — how to fix"

``MISTAKES`` lists every mistake key a verdict can carry.
"""
from ..messages import CATALOGUE
from .audit import check_audit
from .plots import check_chart
from .scheme import Scheme
from .selfcheck import configure, configured, self_check
from .tables import SHARE_COLUMNS, check_share_table
from .tiers import check_tiers
from .verdict import Phrase, Verdict, assert_passed

MISTAKES = tuple(sorted(key[: -len(".hint")] for key in CATALOGUE
                        if key.startswith("checks.") and key.endswith(".hint")))
"""every ``Verdict.mistake`` key (each has a message and a ``.hint`` in zh and en)"""

__all__ = [
    "MISTAKES", "Phrase", "SHARE_COLUMNS", "Scheme", "Verdict", "assert_passed", "check_audit",
    "check_chart", "check_share_table", "check_tiers", "configure", "configured", "self_check",
]
