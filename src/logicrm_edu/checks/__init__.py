"""Grading checks for the customer-tiering notebooks: pure functions that judge a
student's answer against the trusted data and explain the mistake, in zh and en.

Every check returns a :class:`Verdict` (never raises for a wrong answer)::

    check_audit(n_customers, total, n_missing, data, value="营业收入")    # step 2
    check_share_table(table, data, value="营业收入", key="客户")          # step 3
    check_tiers(table, data, Scheme(cuts=(80, 95)), value=..., key=...)   # step 4
    check_chart(ax, data, scheme, value=..., key=...)                     # step 5

nbgrader test cells: ``assert_passed(check_share_table(table, DATA))``.
Students: ``self_check("step3", table)`` after :func:`configure`.
"""
from .audit import check_audit
from .plots import check_chart
from .scheme import Scheme
from .selfcheck import configure, configured, self_check
from .tables import SHARE_COLUMNS, check_share_table
from .tiers import check_tiers
from .verdict import Phrase, Verdict, assert_passed

__all__ = [
    "Phrase", "SHARE_COLUMNS", "Scheme", "Verdict", "assert_passed", "check_audit", "check_chart",
    "check_share_table", "check_tiers", "configure", "configured", "self_check",
]
