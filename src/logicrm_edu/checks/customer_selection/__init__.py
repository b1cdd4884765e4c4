"""Checks of the customer-selection assignment (快递客户的选择), one module per step.

::

    check_audit(n_prospects, total_parcels, n_poor_credit, data, rule)     # step 2
    check_scores(scored, data, rule)                                        # step 3
    check_classes(selected, data, rule, own_scored=None)                    # step 4
    check_chart(chart, data, rule, weights=None, own_scored=None,
                own_selected=None)                                          # step 5

Each returns a :class:`~logicrm_edu.checks.Verdict` (messages ``selection.*``) and
never raises for a wrong answer.  Steps 4 and 5 follow through: right for the
student's own earlier answers is right.  ``MISCONCEPTIONS`` lists the mistakes a
verdict names when it recognises a typical wrong method.
"""
from .audit import check_audit
from .chart import check_chart
from .classes import check_classes
from .rule import SelectionRule, class_codes
from .scores import check_scores

MISCONCEPTIONS = (
    "selection.wrong_direction", "selection.max_normalised", "selection.not_normalised",
    "selection.weights_as_whole_numbers", "selection.criterion_left_out",
    "selection.rank_ascending", "selection.forgot_exclusion",
    "selection.excluded_before_ranking", "selection.count_rounded_down",
    "selection.ties_split", "selection.major_on_top_of_key",
)
"""the named wrong methods of steps 3 and 4 (each has a zh/en message and hint)"""

__all__ = ["MISCONCEPTIONS", "SelectionRule", "check_audit", "check_chart", "check_classes",
           "check_scores", "class_codes"]
