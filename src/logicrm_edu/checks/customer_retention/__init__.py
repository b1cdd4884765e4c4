"""Checks of the customer-retention assignment (巩固老客户): one module per step.

=====  ========================  ==============================================
step   check                     answers
=====  ========================  ==============================================
1      :func:`check_database`    ``database`` (one row per customer)
2      :func:`check_ratios`      ``ratios`` (per customer), ``lines`` (per line)
3      :func:`check_pyramid`     ``pyramid`` (tier per customer), ``tier_shares``
4      :func:`check_lifecycle`   ``lifecycle`` (反复期 / 衰退期 flags)
5      :func:`check_complaints`  ``ax`` (Pareto chart), ``vip_complaints``
=====  ========================  ==============================================

Each returns a :class:`~logicrm_edu.checks.Verdict` (keys ``retention.*``); steps 2, 3 and
5 are marked by parts; steps 2, 3 and 5 follow through on the student's own earlier
answers (database; database and ratios; pyramid).
"""
from .complaints import check_complaints
from .database import check_database
from .lifecycle import check_lifecycle
from .pyramid import check_pyramid
from .ratios import check_ratios
from .reference import Pyramid, Reference

__all__ = ["Pyramid", "Reference", "check_complaints", "check_database", "check_lifecycle",
           "check_pyramid", "check_ratios"]
