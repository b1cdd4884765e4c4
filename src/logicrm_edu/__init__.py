"""LogiCRM Edu: customer tiering for logistics customer-service coursework.

Students type::

    from logicrm_edu import load_dataset, share_table, tier_customers, pareto_chart
    df = load_dataset("changhai")
    t = tier_customers(share_table(df, value="营业收入", key="客户"), cuts=(80, 95))
    ax = pareto_chart(t)
"""
from .charts import pareto_chart, tier_chart
from .customer_files import read_customers
from .datasets import load_dataset, synthetic_customers
from .errors import DataError, SchemeError
from .i18n import get_language, set_language
from .regions import regional_table
from .shares import share_table
from .strategies import strategies_for, strategy_table
from .tiering import straddling_ties, tier_codes, tier_customers, tier_summary
from .transactions import customers_from_transactions
from .fonts import use_chinese_font

# Students also draw with plain matplotlib in the notebooks: make Chinese render there too.
use_chinese_font()

__all__ = [
    "DataError", "SchemeError", "customers_from_transactions", "get_language", "load_dataset",
    "pareto_chart", "read_customers", "regional_table", "set_language", "share_table",
    "straddling_ties", "strategies_for", "strategy_table", "synthetic_customers", "tier_chart",
    "tier_codes", "tier_customers", "tier_summary", "use_chinese_font",
]
__version__ = "0.1.0"
