"""Grading checks for the customer-tiering notebooks: pure functions that judge a
student's answer against the data the grader trusts and explain the mistake (zh/en).

Every check returns a :class:`Verdict` and never raises for a wrong answer
(a student object of the wrong type, None included, is a failed verdict too)::

    check_audit(n_customers, total, n_missing, data, value="营业收入")      # step 2
    check_share_table(table, data, value="营业收入", key="客户",
                      student_total=None)                                   # step 3
    check_tiers(table, data, Scheme(cuts=(80, 95)), value=..., key=...)     # step 4
    check_chart(chart, data, scheme=None, value=..., key=..., weights=None,
                student_table=None, share_table=None, student_total=None)   # step 5

Marking is fair to the student: a step that is right given the student's own
wrong earlier answer passes with ``follow_through=True`` (step 3 on their own
step-2 ``student_total``, step 4 on their own table's 累计比重, step 5 on their
``student_table`` or ``share_table``), so a mistake costs once and the verdict says
once in which step it was charged (:mod:`.earlier`); the
chart is marked by parts (bars, line, classes, labels; ``weights``), so a chart
missing one part keeps the others' points (:attr:`Verdict.score`); and each wrong
table is held against every cause that gives the same wrong numbers, naming the
one that explains all its columns and the step where it lies.

Answers may be live objects or what the grader rebuilt from the student's kernel
(:mod:`logicrm_edu.grading`): a chart is judged on its description either way.

Only problems on the teacher's side raise: trusted data that is not a clean
customer DataFrame (:class:`~logicrm_edu.DataError`) or an invalid scheme
(:class:`~logicrm_edu.SchemeError`).

The graded notebooks call the checks through their task object
(:mod:`logicrm_edu.assignments`), in the student's kernel for feedback and in
the grader for the grade.  Student self-checks without a task, after a config
cell ``configure(data=..., scheme=Scheme(...))``::

    check = self_check
    check("step3", t)        # → Verdict, shown by Jupyter: "【正确】..." or "【需要修改】what — how to fix"

``MISTAKES`` lists every mistake key a verdict can carry.
"""
from ..messages import CATALOGUE
from .audit import check_audit
from .plots import check_chart
from .scheme import Scheme
from .selfcheck import configure, configured, self_check
from .tables import SHARE_COLUMNS, check_share_table
from .tiers import check_tiers
from .verdict import Part, Phrase, Verdict

MISTAKES = tuple(sorted(key[: -len(".hint")] for key in CATALOGUE
                        if key.startswith("checks.") and key.endswith(".hint")))
"""every ``Verdict.mistake`` key (each has a message and a ``.hint`` in zh and en)"""

__all__ = [
    "MISTAKES", "Part", "Phrase", "SHARE_COLUMNS", "Scheme", "Verdict", "check_audit",
    "check_chart", "check_share_table", "check_tiers", "configure", "configured", "self_check",
]
