"""LogiCRM Edu: customer tiering for logistics customer-service coursework.

Students type::

    from logicrm_edu import load_dataset, share_table, tier_customers, pareto_chart
    df = load_dataset("changhai")
    t = tier_customers(share_table(df, value="营业收入", key="客户"), cuts=(80, 95))
    ax = pareto_chart(t)

The names below are imported when first used, so ``import logicrm_edu`` (and the
teacher's ``logicrm`` command, which lives in this package) does not load pandas
or matplotlib before it needs them.  The first one used also sets up a Chinese
font for matplotlib, because students draw with plain matplotlib too.
"""
from __future__ import annotations

import importlib

_PUBLIC = {
    "pareto_chart": "charts", "tier_chart": "charts",
    "read_customers": "customer_files",
    "load_dataset": "datasets", "synthetic_customers": "datasets",
    "DataError": "errors", "SchemeError": "errors",
    "get_language": "i18n", "set_language": "i18n",
    "regional_table": "regions",
    "share_table": "shares",
    "strategies_for": "strategies", "strategy_table": "strategies",
    "straddling_ties": "tiering", "tier_codes": "tiering", "tier_customers": "tiering",
    "tier_summary": "tiering",
    "customers_from_transactions": "transactions",
    "use_chinese_font": "fonts",
    # customer selection (加权评分法)
    "weighted_scores": "scoring",
    "load_prospects": "prospects", "read_prospects": "prospects", "student_prospects": "prospects",
    # customer retention (customer_database() itself: from logicrm_edu.customer_database,
    # the module of the same name)
    "customer_ratios": "customer_database", "service_line_margins": "customer_database",
    "lifecycle_flags": "lifecycle",
    # satisfaction and churn
    "importance_satisfaction": "survey", "likert_summary": "survey", "satisfaction_index": "survey",
    "cause_table": "churn", "churned_customers": "churn", "loyalty_costs": "churn",
    "retention_summary": "churn", "retention_table": "churn",
    "read_freight_customers": "churn_data",
}
__all__ = sorted(_PUBLIC)
__version__ = "0.1.0"
_font_ready = False


def __getattr__(name: str):
    global _font_ready
    if name not in _PUBLIC:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{_PUBLIC[name]}", __name__), name)
    if not _font_ready:
        _font_ready = True
        importlib.import_module(".fonts", __name__).use_chinese_font()
    globals()[name] = value
    return value


def __dir__():
    return sorted(set(globals()) | set(_PUBLIC))
