"""Checks of the satisfaction-and-churn assignment (港航货运: a freight forwarder losing
customers), one module per step::

    check_survey(survey, index_score, data, weights)                     # step 2
    check_ipa(chart, fix_first, data, own_survey=None)                   # step 3
    check_retention(rate, churned, by_tier, by_route, data)              # step 4
    check_causes(chart, replace_cost, keep_cost, data, costs, own_churned=None)  # step 5

Each returns a :class:`~logicrm_edu.checks.Verdict` marked by parts (a wrong part
keeps the others' points) and never raises for a wrong answer.  Mistake keys start
with ``churn.`` (:mod:`logicrm_edu.messages.satisfaction_churn`); ``MISTAKES`` lists
the named misconceptions, each with a hint and a short title for the class report.
"""
from .causes_step import check_causes
from .ipa_step import check_ipa
from .retention_step import check_retention
from .survey_step import check_survey

MISTAKES = (
    "churn.blank_as_zero", "churn.out_of_range_kept", "churn.satisfied_counts_3",
    "churn.satisfied_share_of_all", "churn.unweighted_index", "churn.weights_as_percent",
    "churn.quadrant_lines_at_3", "churn.fix_first_low_low", "churn.retention_over_end",
    "churn.new_counted_as_kept", "churn.churn_rate_not_retention", "churn.churned_includes_new",
    "churn.causes_unsorted", "churn.costs_swapped", "churn.fraction_not_percent",
)
"""the named misconceptions the checks recognise"""

__all__ = ["MISTAKES", "check_causes", "check_ipa", "check_retention", "check_survey"]
